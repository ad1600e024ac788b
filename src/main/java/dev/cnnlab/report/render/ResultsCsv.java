package dev.cnnlab.report.render;

import dev.cnnlab.report.load.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code results.csv}: one row per finished run in the format {@code report --table} reads
 * ({@code fidelity,set,seed,top1,cost}; cost in wall seconds, empty when unknown), so a study's
 * results can be fed back in or handed to other tools. Fields that hold a comma, a quote or a line
 * break are quoted as RFC 4180 says.
 */
public final class ResultsCsv {

    static final String HEADER = "fidelity,set,seed,top1,cost";

    private ResultsCsv() {}

    /** RFC 4180 quoting (a field with a comma, a quote or a line break is quoted), lines ending in LF. */
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    public static String write(Evidence evidence) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        List<String> fidelities = evidence.fidelityNames();
        List<String> sets = evidence.sets();
        try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
            for (Evidence.Observation o : evidence.observations().stream()
                    .sorted(Comparator.comparingInt((Evidence.Observation r) -> fidelities.indexOf(r.fidelity()))
                            .thenComparingInt(r -> sets.indexOf(r.set()))
                            .thenComparingLong(Evidence.Observation::seed))
                    .toList()) {
                printer.printRecord(
                        o.fidelity(),
                        o.set(),
                        o.seed(),
                        // the shortest text that reads back as the same double
                        Double.toString(o.top1()),
                        o.seconds().isPresent()
                                ? String.format(Locale.ROOT, "%.3f", o.seconds().getAsDouble())
                                : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
