package dev.cnnlab.report.render;

import dev.cnnlab.report.analysis.GainPrediction;
import dev.cnnlab.report.analysis.ScalingAxis;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.Fmt;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One chart per axis with extrapolations: each set's measured gains at the proxies (with ±1 SE
 * bars) against cost on a log axis, the chosen form's fit, and its 90% band extended to the
 * target, where the target's measured gain (when it was run) is a diamond.
 */
final class PredictionCharts {

    /**
     * A chart to draw.
     *
     * @param name file-name stem
     * @param title its title
     * @param caption one sentence for readers
     * @param build draws it, adding its text annotations through the given annotator
     */
    record Spec(String name, String title, String caption, java.util.function.Function<Annotator, XYChart> build) {}

    /** Adds a text annotation at data coordinates so that the SVG keeps it as text. */
    interface Annotator {
        void annotate(XYChart chart, String text, double x, double y);
    }

    private PredictionCharts() {}

    static List<Spec> of(StudyAnalysis analysis) {
        List<Spec> specs = new ArrayList<>();
        for (ScalingAxis axis : analysis.prediction().axes()) {
            List<GainPrediction> predictions = analysis.prediction().extrapolations().stream()
                    .filter(p -> p.axis().equals(axis.axis()))
                    .toList();
            if (predictions.isEmpty()) {
                continue;
            }
            String title = "Gain against cost along " + axis.axis() + ", extrapolated to " + axis.target();
            specs.add(new Spec(
                    "prediction-" + Fmt.slug(axis.axis()),
                    title,
                    "Each colour is a technique set: its measured gain at each proxy (dots, ±1 SE), the chosen form's"
                            + " fit (solid) and 90% prediction band (dashed) extended to the target " + axis.target()
                            + ", where a diamond marks the gain measured there. x: " + axis.costWords()
                            + " (log scale).",
                    annotator -> chart(title, axis, predictions, analysis, annotator)));
        }
        return specs;
    }

    private static XYChart chart(
            String title,
            ScalingAxis axis,
            List<GainPrediction> predictions,
            StudyAnalysis analysis,
            Annotator annotator) {
        XYChart chart = new XYChartBuilder()
                .width(ChartFactory.WIDTH)
                .height(ChartFactory.HEIGHT)
                .title(title)
                .xAxisTitle(axis.costWords() + " (log scale)")
                .yAxisTitle("gain over " + analysis.evidence().baseline() + " (points)")
                .build();
        ChartFactory.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisLogarithmic(true);
        double minCost = axis.stations().get(0).cost();
        double maxCost = axis.stations().get(axis.stations().size() - 1).cost();
        // whole decades at the ends, so labelled ticks bracket every station (XChart labels decades only)
        chart.getStyler()
                .setXAxisMin(Math.pow(10, Math.floor(Math.log10(minCost / 1.2))))
                .setXAxisMax(Math.pow(10, Math.ceil(Math.log10(maxCost * 1.2))));
        BasicStroke dashed =
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
        double low = 0;
        double high = 0;
        for (int s = 0; s < predictions.size(); s++) {
            GainPrediction p = predictions.get(s);
            Color colour = ChartFactory.PALETTE[s % ChartFactory.PALETTE.length];
            double[] x =
                    p.points().stream().mapToDouble(GainPrediction.Point::cost).toArray();
            double[] y =
                    p.points().stream().mapToDouble(GainPrediction.Point::gain).toArray();
            double[] se =
                    p.points().stream().mapToDouble(GainPrediction.Point::se).toArray();
            XYSeries measured = chart.addSeries(p.set(), x, y, se);
            measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            measured.setMarker(SeriesMarkers.CIRCLE);
            measured.setMarkerColor(colour);
            measured.setLineColor(colour);
            double[] bx = p.band().stream()
                    .mapToDouble(GainPrediction.BandPoint::cost)
                    .toArray();
            XYSeries fit = chart.addSeries(
                    p.set() + " fit (" + p.model().label() + ")",
                    bx,
                    p.band().stream().mapToDouble(GainPrediction.BandPoint::fit).toArray());
            fit.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLineColor(colour);
            for (boolean upper : new boolean[] {false, true}) {
                double[] by = p.band().stream()
                        .mapToDouble(b -> upper ? b.high() : b.low())
                        .toArray();
                XYSeries edge = chart.addSeries(p.set() + (upper ? " 90% band (high)" : " 90% band (low)"), bx, by);
                edge.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                edge.setMarker(SeriesMarkers.NONE);
                edge.setLineColor(colour);
                edge.setLineStyle(dashed);
                edge.setShowInLegend(false); // the caption says what the dashed lines are
                for (double v : by) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            for (double v : y) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            p.backtest().ifPresent(b -> {
                XYSeries target = chart.addSeries(
                        p.set() + " at " + b.fidelity(),
                        new double[] {axis.targetStation().cost()},
                        new double[] {b.measured()});
                target.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                target.setMarker(SeriesMarkers.DIAMOND);
                target.setMarkerColor(colour);
                target.setShowInLegend(false);
            });
        }
        double pad = Math.max(0.2, (high - low) * 0.08);
        chart.getStyler().setYAxisMin(low - 2.2 * pad).setYAxisMax(high + pad);
        // the stations' names along the bottom, on two alternating rows so neighbours do not overlap
        for (int i = 0; i < axis.stations().size(); i++) {
            ScalingAxis.Station station = axis.stations().get(i);
            annotator.annotate(chart, station.fidelity(), station.cost(), low - pad * (i % 2 == 0 ? 0.6 : 1.6));
        }
        return chart;
    }
}
