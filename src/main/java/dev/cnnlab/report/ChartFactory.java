package dev.cnnlab.report;

import dev.cnnlab.train.EpochStats;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts: test accuracy per epoch for each model size, gains per technique set, and
 * small-model gain against large-model gain. Each comes back drawn or with a note saying why not.
 */
final class ChartFactory {

    static final int WIDTH = 880;
    static final int HEIGHT = 460;
    /** Up to this many epochs a curve gets point markers, so one-epoch runs are still visible. */
    private static final int MARKED_EPOCHS = 30;

    private final StudyResults results;
    private final StudyAnalysis analysis;

    ChartFactory(StudyResults results, StudyAnalysis analysis) {
        this.results = results;
        this.analysis = analysis;
    }

    /** Every chart in report order: one accuracy-curve chart per model, the gain bars, the scatter. */
    List<RenderedChart> charts() {
        List<RenderedChart> charts = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String model : results.models()) {
            // two model names may share a file-name form ("ResNet 11", "ResNet-11"): number the later one
            String name = "accuracy-" + Fmt.slug(model);
            if (!names.add(name)) {
                name = name + "-" + (results.models().indexOf(model) + 1);
                names.add(name);
            }
            charts.add(curves(model, name));
        }
        charts.add(gains());
        charts.add(scatter());
        return charts;
    }

    private RenderedChart curves(String model, String name) {
        String title = "Test top-1 per epoch: " + model;
        List<CellOutcome> runs = results.outcomes().stream()
                .filter(o -> o.cell().model().name().equals(model) && !o.history().isEmpty())
                .toList();
        if (runs.isEmpty()) {
            return RenderedChart.skipped(name, title, "No accuracy curves for " + model + " yet: no run has finished an epoch.");
        }
        boolean seeds = results.spec().seeds().size() > 1;
        return ChartEncoder.render(name, title,
                "Test top-1 after each epoch, one line per run of " + model + " (running runs included).", () -> {
                    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                            .xAxisTitle("epoch").yAxisTitle("test top-1 (%)").build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    for (CellOutcome run : runs) {
                        List<EpochStats> history = run.history();
                        String label = run.cell().techniqueSet() + (seeds ? " s" + run.cell().seed() : "")
                                + (run.status() == CellOutcome.Status.RUNNING ? " (running)" : "");
                        XYSeries series = chart.addSeries(label,
                                history.stream().map(EpochStats::epoch).toList(),
                                history.stream().map(EpochStats::testTop1).toList());
                        series.setMarker(history.size() <= MARKED_EPOCHS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                    }
                    return chart;
                });
    }

    private RenderedChart gains() {
        AccuracyTable table = analysis.table();
        String title = "Gain over " + table.baseline() + " per technique set";
        List<String> sets = table.candidates();
        if (sets.isEmpty()) {
            return RenderedChart.skipped("gains", title, "No gain chart: the study has no technique set besides the baseline.");
        }
        boolean any = sets.stream().anyMatch(s -> table.models().stream().anyMatch(m -> table.gain(s, m).isPresent()));
        if (!any) {
            return RenderedChart.skipped("gains", title,
                    "No gain chart yet: no model has finished both the baseline and another technique set.");
        }
        return ChartEncoder.render("gains", title,
                "Gain of each technique set over " + table.baseline() + " in points, one bar per model (missing bars: not finished).",
                () -> {
                    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                            .xAxisTitle("technique set").yAxisTitle("gain (points)").build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    for (String model : table.models()) {
                        List<Double> values = new ArrayList<>();
                        for (String set : sets) {
                            OptionalDouble gain = table.gain(set, model);
                            // XChart leaves a null bar out: a missing run must not read as zero gain
                            values.add(gain.isPresent() ? gain.getAsDouble() : null);
                        }
                        chart.addSeries(model, sets, values);
                    }
                    return chart;
                });
    }

    private RenderedChart scatter() {
        String title = "Does the small model's gain predict the large model's?";
        Optional<ProxyAnalysis> proxy = analysis.proxy();
        if (proxy.isEmpty()) {
            return RenderedChart.skipped("gain-scatter", title, "No scatter: the study has a single model size.");
        }
        List<ProxyAnalysis.Point> points = proxy.get().points();
        if (points.isEmpty()) {
            return RenderedChart.skipped("gain-scatter", title, "No scatter yet: no technique set has a gain on both "
                    + proxy.get().small() + " and " + proxy.get().large() + ".");
        }
        List<ProxyAnalysis.Point> published = analysis.reference().map(ProxyAnalysis::points).orElse(List.of());
        String small = proxy.get().small();
        String large = proxy.get().large();
        return ChartEncoder.render("gain-scatter", title, "Each point is a technique set: gain on " + small
                + " (x) against gain on " + large + " (y), in points. On the dashed y = x line the small model "
                + "predicts the large one exactly; points upper-left or lower-right of the grey zero lines are keep/drop disagreements" + (published.isEmpty() ? "." : "; grey crosses are the published numbers."),
                () -> {
                    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                            .xAxisTitle("gain on " + small + " (points)").yAxisTitle("gain on " + large + " (points)").build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    chart.getStyler().setMarkerSize(10);
                    double[] range = range(points, published);
                    chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]).setYAxisMin(range[0]).setYAxisMax(range[1]);
                    XYSeries diagonal = chart.addSeries("y = x", new double[] {range[0], range[1]}, new double[] {range[0], range[1]});
                    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    diagonal.setMarker(SeriesMarkers.NONE);
                    diagonal.setLineColor(Color.GRAY);
                    diagonal.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT,
                            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                    // the axes at zero gain split the plot into keep/drop quadrants
                    chart.addAnnotation(new AnnotationLine(0, true, false));
                    chart.addAnnotation(new AnnotationLine(0, false, false));
                    chart.getStyler().setAnnotationLineColor(Color.LIGHT_GRAY);
                    double offset = (range[1] - range[0]) * 0.03;
                    for (ProxyAnalysis.Point p : points) {
                        chart.addSeries(p.set(), new double[] {p.smallGain()}, new double[] {p.largeGain()});
                        chart.addAnnotation(new AnnotationText(p.set(), p.smallGain(), p.largeGain() + offset, false));
                    }
                    if (!published.isEmpty()) {
                        XYSeries ref = chart.addSeries("published",
                                published.stream().mapToDouble(ProxyAnalysis.Point::smallGain).toArray(),
                                published.stream().mapToDouble(ProxyAnalysis.Point::largeGain).toArray());
                        ref.setMarker(SeriesMarkers.CROSS);
                        ref.setMarkerColor(Color.DARK_GRAY);
                    }
                    return chart;
                });
    }

    /** One square range for both axes, so the diagonal is at 45 degrees and includes zero gain. */
    private static double[] range(List<ProxyAnalysis.Point> points, List<ProxyAnalysis.Point> published) {
        double lo = 0;
        double hi = 0;
        for (List<ProxyAnalysis.Point> list : List.of(points, published)) {
            for (ProxyAnalysis.Point p : list) {
                lo = Math.min(lo, Math.min(p.smallGain(), p.largeGain()));
                hi = Math.max(hi, Math.max(p.smallGain(), p.largeGain()));
            }
        }
        double pad = Math.max(0.25, (hi - lo) * 0.12);
        return new double[] {lo - pad, hi + pad};
    }

    private static void style(Styler styler) {
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
    }
}
