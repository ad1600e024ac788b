package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.GainPrediction;
import dev.cnnlab.report.analysis.Prediction;
import dev.cnnlab.report.analysis.ScalingAxis;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Predictions of gains at the target: per axis and set, the fitted form, the predicted gain with
 * its 90% prediction interval, how far it extrapolates, and the checks against what was measured.
 */
final class PredictionSection {

    private final StudyAnalysis analysis;
    private final List<Block> blocks = new ArrayList<>();

    PredictionSection(StudyAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Block> blocks() {
        prediction();
        return blocks;
    }

    private void prediction() {
        Prediction prediction = analysis.prediction();
        blocks.add(new Heading(2, "Prediction: gains at the target from cheaper fidelities", "prediction-section"));
        if (prediction.axes().isEmpty()) {
            blocks.add(Paragraph.note("No extrapolation: " + prediction.absent() + "."));
        }
        for (ScalingAxis axis : prediction.axes()) {
            List<GainPrediction> along = prediction.extrapolations().stream()
                    .filter(p -> p.axis().equals(axis.axis()))
                    .toList();
            blocks.add(new Heading(3, "Along " + axis.axis(), "prediction-" + Fmt.slug(axis.axis())));
            blocks.add(Paragraph.of("Fidelities that differ from the target " + axis.target() + " in "
                    + axis.axis() + " alone, cheapest first: "
                    + axis.stations().stream()
                            .map(s -> s.fidelity() + " (" + Fmt.number(s.size()) + ")")
                            .collect(Collectors.joining(", "))
                    + ". Each set's gain at the proxies is fitted against the log of " + axis.costWords()
                    + "; the form with the smallest leave-one-fidelity-out error is kept, and its 90% prediction"
                    + " interval comes from a parametric bootstrap over the seed noise (t-scaled), which widens"
                    + " with the distance beyond the proxies."));
            if (along.isEmpty()) {
                blocks.add(Paragraph.note("No set has a seed-paired gain with a standard error at two or more of"
                        + " these proxies: run two seeds per cell to measure one."));
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (GainPrediction p : along) {
                rows.add(Row.of(List.of(
                        p.set(),
                        p.model().label(),
                        Fmt.estimate(p.predicted(), Fmt::gain),
                        p.leverage().spanBeyond() > 0
                                ? String.format(java.util.Locale.ROOT, "%.1f×", p.leverage().spanBeyond())
                                : "inside the span",
                        p.backtest()
                                .map(b -> Fmt.gain(b.measured()) + (b.inside() ? " inside" : " OUTSIDE") + " ["
                                        + Fmt.gain(b.low()) + ", " + Fmt.gain(b.high()) + "]")
                                .orElse("not run"),
                        p.largestOut()
                                .map(b -> Fmt.gain(b.measured()) + (b.inside() ? " inside" : " OUTSIDE") + " ["
                                        + Fmt.gain(b.low()) + ", " + Fmt.gain(b.high()) + "]")
                                .orElse(Fmt.MISSING),
                        p.looCheck()
                                .map(c -> (c.misfit() ? "misfit" : "fits") + ", p = " + Fmt.pValue(c.p()))
                                .orElse(Fmt.MISSING))));
            }
            blocks.add(new Table(
                    "prediction-" + Fmt.slug(axis.axis()),
                    List.of(
                            "technique set",
                            "form",
                            "predicted gain at " + axis.target() + " [90% PI]",
                            "spans beyond",
                            "backtest: measured at " + axis.target(),
                            "largest proxy from the smaller",
                            "leave-one-out"),
                    rows));
            List<String> notes = new ArrayList<>();
            for (GainPrediction p : along) {
                notes.add(String.join(" ", p.lines()));
            }
            blocks.add(new Bullets(notes));
            long backtested = along.stream().filter(p -> p.backtest().isPresent()).count();
            if (backtested > 0) {
                long inside = along.stream()
                        .filter(p -> p.backtest().map(GainPrediction.Backtest::inside).orElse(false))
                        .count();
                blocks.add(Paragraph.of("Backtest along " + axis.axis() + ": " + inside + " of " + backtested
                        + " measured target gains lie inside their 90% intervals (for a measured gain the interval"
                        + " adds the target's own seed noise). One study's sets share its proxies and baseline, so"
                        + " these are not independent checks."));
            }
        }
    }
}
