package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.GainPrediction;
import dev.cnnlab.report.analysis.Prediction;
import dev.cnnlab.report.analysis.ScalingAxis;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.analysis.TransferFit;
import dev.cnnlab.report.analysis.TransferModel;
import dev.cnnlab.report.analysis.TransferRefusal;
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
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        "%.1f×",
                                        p.leverage().spanBeyond())
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
            long backtested =
                    along.stream().filter(p -> p.backtest().isPresent()).count();
            if (backtested > 0) {
                long inside = along.stream()
                        .filter(p -> p.backtest()
                                .map(GainPrediction.Backtest::inside)
                                .orElse(false))
                        .count();
                blocks.add(Paragraph.of("Backtest along " + axis.axis() + ": " + inside + " of " + backtested
                        + " measured target gains lie inside their 90% intervals (for a measured gain the interval"
                        + " adds the target's own seed noise). One study's sets share its proxies and baseline, so"
                        + " these are not independent checks."));
            }
        }
        transfers(prediction);
    }

    /** The calibrated transfer from each proxy's gains to the target's, across technique sets. */
    private void transfers(Prediction prediction) {
        if (prediction.transfers().isEmpty()) {
            return;
        }
        blocks.add(new Heading(3, "Transfer across techniques", "prediction-transfer"));
        blocks.add(Paragraph.of("An errors-in-variables regression of the target's gains on a proxy's gains over the"
                + " technique sets measured at both, with the seed noise of both known, so the slope is not attenuated"
                + " by the proxy's noise; it predicts a new technique's target gain from its proxy gain"
                + " (report --predict SET=GAIN[±SE] --from PROXY). It needs " + TransferModel.MIN_SETS
                + " sets, a proxy whose gains spread more than their noise (reliability at least "
                + TransferModel.MIN_RELIABILITY + "), and a slope whose 90% interval excludes 0."));
        for (Prediction.Transfer t : prediction.transfers()) {
            if (t.outcome() instanceof TransferRefusal refusal) {
                blocks.add(Paragraph.note("From " + t.proxy() + ": no transfer model: " + refusal.line() + "."));
            } else if (t.outcome() instanceof TransferFit fit) {
                blocks.add(Paragraph.of("From " + t.proxy() + ":"));
                blocks.add(new ReportDocument.Details(
                        "Transfer model " + t.proxy() + " → " + t.target() + ": slope "
                                + String.format(java.util.Locale.ROOT, "%.2f", fit.slope()) + " over " + fit.sets()
                                + " sets",
                        String.join("\n", fit.describe())));
            }
            t.validation().ifPresent(v -> blocks.add(new Bullets(v.lines())));
            for (Prediction.Answer a : t.answers()) {
                String asked = a.request().set() + " at " + Fmt.gain(a.request().gain())
                        + (a.request().se() > 0 ? " ± " + Fmt.number(a.request().se()) : "") + " on " + t.proxy();
                blocks.add(
                        a.prediction().isPresent()
                                ? new Bullets(List.of("Predicted for " + asked + ": "
                                        + String.join("; ", a.prediction().get().lines())))
                                : Paragraph.note("No prediction for " + asked + ": " + a.refusal() + "."));
            }
        }
    }
}
