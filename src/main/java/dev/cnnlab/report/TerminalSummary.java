package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The accuracy table and the correlation line as compact plain ASCII, for printing when a study
 * ends (a terminal may not be able to show "±" or "ρ").
 */
final class TerminalSummary {

    private TerminalSummary() {}

    static String of(StudyResults results, StudyAnalysis analysis) {
        AccuracyTable table = analysis.table();
        int seeds = results.spec().seeds().size();
        List<List<String>> grid = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("top-1 % (gain)"));
        header.addAll(table.models());
        grid.add(header);
        for (String set : table.sets()) {
            boolean base = set.equals(table.baseline());
            List<String> row = new ArrayList<>(List.of(base ? set + " (baseline)" : set));
            for (String model : table.models()) {
                String cell = table.stats(set, model).map(s -> Fmt.stats(s, seeds)
                        + (base || table.gain(set, model).isEmpty() ? "" : " (" + Fmt.gain(table.gain(set, model)) + ")"))
                        .orElseGet(() -> pending(results, model, set));
                row.add(cell);
            }
            grid.add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append("Study ").append(results.spec().name()).append(": ").append(results.finishedCount()).append(" of ")
                .append(results.outcomes().size()).append(" runs finished\n");
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
        analysis.proxy().ifPresent(proxy -> {
            Correlation c = proxy.correlation();
            out.append(ascii("Gain on " + proxy.small() + " vs gain on " + proxy.large() + ": " + c.figures()
                    + (c.anecdotal() ? " - anecdotal, n < " + Correlation.ANECDOTAL_BELOW : ""))).append('\n');
        });
        return out.toString();
    }

    private static String pending(StudyResults results, String model, String set) {
        List<CellOutcome> outcomes = results.outcomes(model, set);
        boolean running = outcomes.stream().anyMatch(o -> o.status() == CellOutcome.Status.RUNNING);
        return running ? outcomes.stream().filter(o -> o.status() == CellOutcome.Status.RUNNING).findFirst().get()
                .label(results.plannedEpochs()) : outcomes.get(0).label(results.plannedEpochs());
    }

    /** Plain-ASCII stand-ins for the report's typographic characters. */
    static String ascii(String text) {
        return text.replace("±", "+-").replace("—", "-").replace("ρ", "rho").replace("τ", "tau")
                .replace("×", "x").replace("…", "...").replace("√", "sqrt");
    }
}
