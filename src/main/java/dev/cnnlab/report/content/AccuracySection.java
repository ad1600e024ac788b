package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.AccuracyTable;
import dev.cnnlab.report.analysis.PromotionOutcome;
import dev.cnnlab.report.analysis.SeedStats;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.CellOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The accuracy table: final-epoch top-1 of every technique set on every fidelity, and for a study the state of each pair without a finished run. */
final class AccuracySection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final Optional<StudyResults> results;
    private final List<Block> blocks = new ArrayList<>();

    AccuracySection(StudyAnalysis analysis, Optional<StudyResults> results) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
        this.results = results;
    }

    List<Block> blocks() {
        accuracy();
        return blocks;
    }

    private void accuracy() {
        blocks.add(new Heading(2, "Accuracy", "accuracy-section"));
        AccuracyTable table = analysis.table();
        int seeds = results.map(r -> r.spec().seeds().size()).orElse(maxSeeds());
        blocks.add(Paragraph.of("Final-epoch test top-1 in percent (the last epoch, not the best one)"
                + (seeds > 1 ? "; mean ± sample standard deviation over the finished seeds (n)" : "")
                + ". " + Fmt.MISSING + " means no finished run."));
        List<String> header = new ArrayList<>(List.of("technique set"));
        results.ifPresent(r -> header.add("techniques"));
        for (String fidelity : table.models()) {
            header.add(fidelity + (fidelity.equals(evidence.target()) ? " (target)" : ""));
        }
        List<Row> rows = new ArrayList<>();
        for (String set : table.sets()) {
            boolean base = set.equals(table.baseline());
            List<String> cells = new ArrayList<>(List.of(Fmt.setLabel(set, table.baseline())));
            results.ifPresent(r -> cells.add(Fmt.techniques(r.spec().techniqueSet(set))));
            for (String fidelity : table.models()) {
                cells.add(table.stats(set, fidelity)
                        .map(s -> Fmt.stats(s, seeds))
                        .orElseGet(() -> pending(fidelity, set)));
            }
            rows.add(new Row(cells, base));
        }
        blocks.add(new Table("accuracy", header, rows));
    }

    private int maxSeeds() {
        return analysis.table().allStats().stream().mapToInt(SeedStats::n).max().orElse(1);
    }

    /** What to show for a pair without a finished run: each seed's state, never a number. */
    private String pending(String fidelity, String set) {
        if (results.isEmpty()) {
            return Fmt.MISSING;
        }
        StudyResults r = results.get();
        List<CellOutcome> outcomes = r.outcomes(fidelity, set);
        int epochs = r.plannedEpochs();
        Optional<PromotionOutcome> promotion = analysis.promotion();
        if (promotion.isPresent()
                && !outcomes.isEmpty()
                && promotion.get().notPromoted().contains(outcomes.get(0).cell())) {
            return "not promoted";
        }
        if (promotion.isPresent()
                && fidelity.equals(promotion.get().promotion().to())
                && !promotion.get().decision().complete()) {
            return "awaits promotion";
        }
        List<String> labels =
                outcomes.stream().map(o -> o.label(epochs)).distinct().toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return outcomes.stream()
                .map(o -> "s" + o.cell().seed() + " " + o.label(epochs))
                .collect(Collectors.joining("; "));
    }
}
