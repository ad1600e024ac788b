package dev.cnnlab.report.render;

import dev.cnnlab.report.analysis.AccuracyTable;
import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The accuracy table and each proxy's faithfulness as compact plain ASCII, for printing when a
 * study ends (a terminal may not be able to show "±" or "τ").
 */
public final class TerminalSummary {

    private TerminalSummary() {}

    public static String of(String title, StudyAnalysis analysis) {
        AccuracyTable table = analysis.table();
        List<List<String>> grid = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("top-1 % (gain)"));
        table.models().forEach(m -> header.add(m + (m.equals(analysis.evidence().target()) ? " (target)" : "")));
        grid.add(header);
        for (String set : table.sets()) {
            boolean base = set.equals(table.baseline());
            List<String> row = new ArrayList<>(List.of(Fmt.setLabel(set, table.baseline())));
            for (String model : table.models()) {
                row.add(table.stats(set, model)
                        .map(s -> Fmt.stats(s, 1)
                                + (base || table.gain(set, model).isEmpty()
                                        ? ""
                                        : " (" + Fmt.gain(table.gain(set, model)) + ")"))
                        .orElse("-"));
            }
            grid.add(row);
        }
        StringBuilder out = new StringBuilder(ascii(title)).append('\n');
        int[] widths = new int[header.size()];
        for (List<String> row : grid) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], ascii(row.get(i)).length());
            }
        }
        for (List<String> row : grid) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = ascii(row.get(i));
                line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (Faithfulness f : analysis.faithfulness()) {
            if (f.problem() != null) {
                continue;
            }
            out.append(ascii(String.format(
                            Locale.ROOT,
                            "%-28s cost %-7s Kendall tau %s, sign %s, picks %s%s",
                            f.proxy().name(),
                            Fmt.relative(f.proxy().cost()),
                            Fmt.estimate(f.get(Statistic.KENDALL), Fmt::coefficient),
                            Fmt.estimate(f.get(Statistic.SIGN), Fmt::percent),
                            f.proxyPick(),
                            f.proxyPick().equals(f.targetBest())
                                    ? " (= target's best)"
                                    : " (target's best: " + f.targetBest() + ")")))
                    .append('\n');
        }
        return out.toString();
    }

    /** Plain-ASCII stand-ins for the report's typographic characters. */
    static String ascii(String text) {
        return text.replace("±", "+-")
                .replace("—", "-")
                .replace("ρ", "rho")
                .replace("τ", "tau")
                .replace("×", "x")
                .replace("…", "...")
                .replace("√", "sqrt")
                .replace("★", "*")
                .replace("≈", "~")
                .replace("−", "-");
    }
}
