package dev.cnnlab.report.render;

import dev.cnnlab.report.load.Evidence;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code results.csv}: one row per finished run in the format {@code report --table} reads
 * ({@code fidelity,set,seed,top1,cost}; cost in wall seconds, empty when unknown), so a study's
 * results can be fed back in or handed to other tools. Fields that hold a comma, a quote or a line
 * break are quoted as RFC 4180 says.
 */
public final class ResultsCsv {

    static final String HEADER = "fidelity,set,seed,top1,cost";

    private ResultsCsv() {}

    public static String write(Evidence evidence) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        List<String> fidelities = evidence.fidelityNames();
        List<String> sets = evidence.sets();
        evidence.observations().stream()
                .sorted(Comparator.comparingInt((Evidence.Observation o) -> fidelities.indexOf(o.fidelity()))
                        .thenComparingInt(o -> sets.indexOf(o.set()))
                        .thenComparingLong(Evidence.Observation::seed))
                .forEach(o -> out.append(field(o.fidelity()))
                        .append(',')
                        .append(field(o.set()))
                        .append(',')
                        .append(o.seed())
                        .append(',')
                        // the shortest text that reads back as the same double
                        .append(Double.toString(o.top1()))
                        .append(',')
                        .append(
                                o.seconds().isPresent()
                                        ? String.format(
                                                Locale.ROOT, "%.3f", o.seconds().getAsDouble())
                                        : "")
                        .append('\n'));
        return out.toString();
    }

    private static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
