package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.PromotionOutcome;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The promotion: what was picked on the proxy, what was promoted to the target, the compute it saved and, with the full grid, its regret. Empty for a study without promotion. */
final class PromotionSection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final List<Block> blocks = new ArrayList<>();

    PromotionSection(StudyAnalysis analysis) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
    }

    List<Block> blocks() {
        promotion();
        return blocks;
    }

    private void promotion() {
        Optional<PromotionOutcome> outcome = analysis.promotion();
        if (outcome.isEmpty()) {
            return;
        }
        PromotionOutcome p = outcome.get();
        blocks.add(new Heading(
                2,
                "Promotion: pick on " + p.promotion().from() + ", confirm on "
                        + p.promotion().to(),
                "promotion-section"));
        if (!p.decision().complete()) {
            blocks.add(Paragraph.of(
                    "The proxy stage is not complete: " + p.decision().pending().size() + " "
                            + p.promotion().from()
                            + (p.decision().pending().size() == 1 ? " cell has" : " cells have")
                            + " no result yet, so nothing is promoted yet."));
            return;
        }
        List<Row> rows = new ArrayList<>();
        p.decision()
                .gains()
                .forEach((set, gain) -> rows.add(new Row(
                        List.of(
                                set,
                                Fmt.gain(gain),
                                p.decision().promotes(set)
                                        ? "promoted"
                                        : "not promoted"
                                                + (p.notPromotedRun() > 0
                                                                && evidence.cell(
                                                                                        p.promotion()
                                                                                                .to(),
                                                                                        set)
                                                                                .size()
                                                                        > 0
                                                        ? " (run anyway: full grid)"
                                                        : ""),
                                Fmt.gain(
                                        analysis.table().gain(set, p.promotion().to()))),
                        p.decision().promotes(set))));
        blocks.add(new Table(
                "promotion",
                List.of(
                        "technique set",
                        "mean gain on " + p.promotion().from(),
                        "decision",
                        "gain on " + p.promotion().to()),
                rows));
        List<String> lines = new ArrayList<>();
        lines.add("Promoted to " + p.promotion().to() + ": "
                + String.join(", ", p.decision().promoted()) + " (the baseline" + " and the best "
                + p.promotion().keep() + " by mean gain on " + p.promotion().from() + ").");
        lines.add(String.format(
                Locale.ROOT,
                "Compute: the promoted plan costs %s of the full grid (FLOPs × images × epochs"
                        + " over all cells): %d %s %s not trained, %s saved.",
                Fmt.percent(1 - p.savedShare()),
                p.notPromoted().size(),
                p.promotion().to(),
                p.notPromoted().size() == 1 ? "cell" : "cells",
                Fmt.percent(p.savedShare())));
        p.pick()
                .ifPresentOrElse(
                        pick -> lines.add("Confirmed on " + p.promotion().to() + ": " + pick + " is the best of the"
                                + " promoted sets."),
                        () -> lines.add("The promoted cells on " + p.promotion().to() + " have not all finished."));
        if (p.regret().isPresent()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "The full grid on %s was also run (--no-promote): its best set is %s, so the"
                            + " promotion's regret is %.2f points.",
                    p.promotion().to(),
                    p.fullBest().get(),
                    p.regret().getAsDouble()));
        } else {
            lines.add("The regret of the promotion needs the full grid on "
                    + p.promotion().to() + " (run the study again with --no-promote).");
        }
        blocks.add(new Bullets(lines));
    }
}
