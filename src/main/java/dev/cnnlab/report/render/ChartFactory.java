package dev.cnnlab.report.render;

import dev.cnnlab.report.analysis.Agreement;
import dev.cnnlab.report.analysis.Estimate;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.GainEstimate;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.Fmt;
import dev.cnnlab.report.content.RenderedChart;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.train.EpochStats;
import java.awt.AWTError;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts: the proxies' cost against faithfulness (the Pareto chart), the gains with
 * their intervals, proxy gains against target gains, and the learning curves of every fidelity.
 * Each comes back drawn or with a note saying why not.
 */
public final class ChartFactory {

    static final int WIDTH = 880;
    static final int HEIGHT = 460;
    /** Up to this many epochs a curve gets point markers, so one-epoch runs are still visible. */
    private static final int MARKED_EPOCHS = 30;
    /** Series colours: distinguishable, and the same fidelity keeps its colour across charts. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0x9467bd),
        new Color(0xff7f0e),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x17becf)
    };

    private final StudyAnalysis analysis;
    private final Optional<StudyResults> results;
    /** The text annotations of the chart being built (XChart does not give them back). */
    private final List<String> annotations = new ArrayList<>();

    static {
        // reports are written by command-line and CI processes without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public ChartFactory(StudyAnalysis analysis, Optional<StudyResults> results) {
        this.analysis = analysis;
        this.results = results;
    }

    /** Every chart in report order. */
    public List<RenderedChart> charts() {
        List<RenderedChart> charts = new ArrayList<>();
        charts.add(pareto());
        charts.add(gains());
        charts.add(scatter());
        PredictionCharts.of(analysis)
                .forEach(c -> charts.add(
                        draw(c.name(), c.title(), c.caption(), () -> c.build().apply(this::annotate))));
        results.ifPresent(r -> {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (String model : r.models()) {
                // two names may share a file-name form ("ResNet 11", "ResNet-11"): number the later one
                String name = "accuracy-" + Fmt.slug(model);
                if (!names.add(name)) {
                    name = name + "-" + (r.models().indexOf(model) + 1);
                    names.add(name);
                }
                charts.add(curves(r, model, name));
            }
        });
        return charts;
    }

    private Color colour(String fidelity) {
        return PALETTE[Math.max(0, analysis.evidence().fidelityNames().indexOf(fidelity)) % PALETTE.length];
    }

    private RenderedChart pareto() {
        String title = "Cost against faithfulness of every proxy";
        List<Faithfulness> plotted = analysis.faithfulness().stream()
                .filter(f -> f.proxy().cost().isPresent()
                        && f.get(Agreement.Statistic.KENDALL).defined())
                .toList();
        if (plotted.isEmpty()) {
            return RenderedChart.skipped(
                    "proxy-pareto",
                    title,
                    "No Pareto chart: no proxy has both a known cost and a"
                            + " defined Kendall τ yet (it needs at least " + Agreement.MIN_POINTS
                            + " technique sets besides the"
                            + " baseline with runs on the proxy and the target).");
        }
        boolean compute =
                plotted.stream().allMatch(f -> f.proxy().relativeCompute().isPresent());
        String axis = compute
                ? "cost relative to the target (FLOPs × images × epochs, log scale)"
                : "cost relative to the target (measured training seconds, log scale)";
        return draw(
                "proxy-pareto",
                title,
                "Each point is a proxy: its cost relative to one target run"
                        + " (x, log scale) and the Kendall τ-b of its technique-set gains with the target's (y), with the 95%"
                        + " interval as a vertical bar. Named with ★: the front, proxies shown faithful (τ interval above 0 and"
                        + " significant after Holm) that no cheaper faithful proxy matches within the noise; the line joins them."
                        + " Triangles: the target's own early epochs judged against themselves (one seed, optimistic). The"
                        + " faithfulness table names every point.",
                () -> {
                    XYChart chart = new XYChartBuilder()
                            .width(WIDTH)
                            .height(HEIGHT)
                            .title(title)
                            .xAxisTitle(axis)
                            .yAxisTitle("Kendall τ-b with the target")
                            .build();
                    style(chart.getStyler());
                    chart.getStyler().setXAxisLogarithmic(true);
                    chart.getStyler().setYAxisMin(-1.1).setYAxisMax(1.1);
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    chart.getStyler().setMarkerSize(9);
                    double minCost = plotted.stream()
                            .mapToDouble(f -> f.proxy().cost().getAsDouble())
                            .min()
                            .orElse(1);
                    double maxCost = Math.max(
                            1,
                            plotted.stream()
                                    .mapToDouble(f -> f.proxy().cost().getAsDouble())
                                    .max()
                                    .orElse(1));
                    // the axis spans whole decades, so its ends are labelled ticks around every point
                    chart.getStyler()
                            .setXAxisMin(Math.pow(10, Math.floor(Math.log10(minCost / 1.6))))
                            .setXAxisMax(Math.pow(10, Math.ceil(Math.log10(maxCost * 1.6))));
                    List<Faithfulness> front = new ArrayList<>(analysis.front().members());
                    front.sort(java.util.Comparator.comparingDouble(
                            f -> f.proxy().cost().getAsDouble()));
                    if (front.size() >= 2) {
                        XYSeries line = chart.addSeries(
                                "Pareto front",
                                front.stream()
                                        .mapToDouble(f -> f.proxy().cost().getAsDouble())
                                        .toArray(),
                                front.stream().mapToDouble(f -> tau(f)).toArray());
                        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                        line.setMarker(SeriesMarkers.NONE);
                        line.setLineColor(Color.GRAY);
                    }
                    java.util.Set<String> legend = new java.util.HashSet<>();
                    for (Faithfulness f : plotted) {
                        double x = f.proxy().cost().getAsDouble();
                        Estimate e = f.get(Agreement.Statistic.KENDALL);
                        Color c = colour(f.proxy().fidelity());
                        if (e.low().isPresent()) {
                            XYSeries bar =
                                    chart.addSeries(f.proxy().name() + " interval", new double[] {x, x}, new double[] {
                                        e.low().getAsDouble(), e.high().getAsDouble()
                                    });
                            bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                            bar.setMarker(SeriesMarkers.NONE);
                            bar.setLineColor(c);
                            bar.setShowInLegend(false);
                        }
                        boolean onFront = analysis.front().contains(f.proxy().name());
                        String label = f.proxy().fidelity() + (f.proxy().learningCurve() ? " (early epochs)" : "");
                        // one legend entry per fidelity and kind (the first such point carries it), not per epoch
                        boolean first = legend.add(label);
                        XYSeries point = chart.addSeries(
                                first ? label : f.proxy().name(), new double[] {x}, new double[] {tau(f)});
                        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                        point.setMarker(
                                f.comparison() == Faithfulness.Comparison.SAME_RUNS
                                        ? SeriesMarkers.TRIANGLE_UP
                                        : f.proxy().learningCurve() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
                        point.setMarkerColor(c);
                        point.setShowInLegend(first);
                        if (onFront) {
                            // only the front is named on the plot: many proxies share tau = 1 and their names would
                            // overlap
                            annotate(chart, f.proxy().name() + " ★", x, tau(f) + 0.07);
                        }
                    }
                    return chart;
                });
    }

    private static double tau(Faithfulness f) {
        return f.get(Agreement.Statistic.KENDALL).value().getAsDouble();
    }

    private RenderedChart gains() {
        Evidence evidence = analysis.evidence();
        String title = "Gain over " + evidence.baseline() + " per technique set, with 95% intervals";
        List<String> sets = evidence.candidates();
        if (sets.isEmpty()) {
            return RenderedChart.skipped(
                    "gains", title, "No gain chart: the study has no technique set besides the baseline.");
        }
        if (analysis.gains().isEmpty()) {
            return RenderedChart.skipped(
                    "gains",
                    title,
                    "No gain chart yet: no fidelity has finished both the baseline and another technique set.");
        }
        List<String> fidelities = evidence.fidelityNames();
        return draw(
                "gains",
                title,
                "Gain of each technique set over " + evidence.baseline()
                        + " in points at every fidelity (a point per fidelity, side by side), with its 95% Student-t interval as a"
                        + " vertical bar"
                        + (analysis.variance().measured() ? "" : " (from an ASSUMED noise level: one seed per cell)")
                        + ". Missing points: not finished.",
                () -> {
                    XYChart chart = new XYChartBuilder()
                            .width(WIDTH)
                            .height(HEIGHT)
                            .title(title)
                            .xAxisTitle("technique set")
                            .yAxisTitle("gain (points)")
                            .build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    chart.getStyler().setMarkerSize(9);
                    chart.getStyler().setXAxisMin(0.5).setXAxisMax(sets.size() + 0.5);
                    // the x axis is categorical: XChart's numeric ticks mean nothing, and it cannot name integer ticks
                    // only (a formatter giving blanks elsewhere stops its tick search); each set is named below the
                    // axis line under its group of points instead, where tick labels would be
                    chart.getStyler().setXAxisTicksVisible(false);
                    chart.getStyler().setXAxisTitleVisible(false);
                    chart.getStyler().setAnnotationTextFont(chart.getStyler().getAxisTickLabelsFont());
                    chart.getStyler()
                            .setAnnotationTextFontColor(chart.getStyler().getAxisTickLabelsColor());
                    double low = analysis.gains().stream()
                            .mapToDouble(g -> g.gain().low().orElse(0))
                            .min()
                            .orElse(0);
                    double high = analysis.gains().stream()
                            .mapToDouble(g -> g.gain().high().orElse(0))
                            .max()
                            .orElse(0);
                    double pad = Math.max(0.2, (high - low) * 0.15);
                    double yMin = Math.min(0, low) - pad * 0.3;
                    double yMax = Math.max(0, high) + pad;
                    chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
                    for (int si = 0; si < sets.size(); si++) {
                        annotate(chart, sets.get(si), si + 1, yMin - (yMax - yMin) * 0.05);
                    }
                    chart.addAnnotation(new AnnotationLine(0, false, false));
                    chart.getStyler().setAnnotationLineColor(Color.LIGHT_GRAY);
                    double width = 0.5;
                    for (int fi = 0; fi < fidelities.size(); fi++) {
                        String fidelity = fidelities.get(fi);
                        double offset = fidelities.size() == 1 ? 0 : -width / 2 + width * fi / (fidelities.size() - 1);
                        List<Double> xs = new ArrayList<>();
                        List<Double> ys = new ArrayList<>();
                        for (int si = 0; si < sets.size(); si++) {
                            Optional<GainEstimate> gain = analysis.gain(fidelity, sets.get(si));
                            if (gain.isEmpty()) {
                                continue;
                            }
                            double x = si + 1 + offset;
                            Estimate e = gain.get().gain();
                            xs.add(x);
                            ys.add(e.value().getAsDouble());
                            XYSeries bar = chart.addSeries(
                                    fidelity + " " + sets.get(si) + " interval", new double[] {x, x}, new double[] {
                                        e.low().getAsDouble(), e.high().getAsDouble()
                                    });
                            bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                            bar.setMarker(SeriesMarkers.NONE);
                            bar.setLineColor(colour(fidelity));
                            bar.setShowInLegend(false);
                        }
                        if (!xs.isEmpty()) {
                            XYSeries points = chart.addSeries(
                                    fidelity + (fidelity.equals(evidence.target()) ? " (target)" : ""), xs, ys);
                            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                            points.setMarker(SeriesMarkers.CIRCLE);
                            points.setMarkerColor(colour(fidelity));
                        }
                    }
                    return chart;
                });
    }

    private RenderedChart scatter() {
        Evidence evidence = analysis.evidence();
        String target = evidence.target();
        String title = "Does a proxy's gain predict the target's?";
        List<Faithfulness> finals = analysis.faithfulness().stream()
                .filter(f -> !f.proxy().learningCurve() && f.problem() == null)
                .toList();
        if (finals.isEmpty()) {
            return RenderedChart.skipped(
                    "gain-scatter",
                    title,
                    "No scatter yet: no technique set has a gain on both " + "a proxy fidelity and the target " + target
                            + ".");
        }
        return draw(
                "gain-scatter",
                title,
                "Each point is a technique set: its gain on a proxy fidelity (x)"
                        + " against its gain on the target " + target
                        + " (y), in points, one colour per proxy. On the dashed"
                        + " y = x line the proxy predicts the target exactly; points upper-left or lower-right of the grey zero"
                        + " lines are keep/drop disagreements.",
                () -> {
                    XYChart chart = new XYChartBuilder()
                            .width(WIDTH)
                            .height(HEIGHT)
                            .title(title)
                            .xAxisTitle("gain on the proxy (points)")
                            .yAxisTitle("gain on " + target + " (points)")
                            .build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    chart.getStyler().setMarkerSize(10);
                    double lo = 0;
                    double hi = 0;
                    for (Faithfulness f : finals) {
                        for (String set : f.sets()) {
                            for (String fid : List.of(f.proxy().fidelity(), target)) {
                                double g = gainOf(fid, set);
                                lo = Math.min(lo, g);
                                hi = Math.max(hi, g);
                            }
                        }
                    }
                    double pad = Math.max(0.25, (hi - lo) * 0.12);
                    double min = lo - pad;
                    double max = hi + pad;
                    chart.getStyler()
                            .setXAxisMin(min)
                            .setXAxisMax(max)
                            .setYAxisMin(min)
                            .setYAxisMax(max);
                    XYSeries diagonal = chart.addSeries("y = x", new double[] {min, max}, new double[] {min, max});
                    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    diagonal.setMarker(SeriesMarkers.NONE);
                    diagonal.setLineColor(Color.GRAY);
                    diagonal.setLineStyle(new java.awt.BasicStroke(
                            1.2f,
                            java.awt.BasicStroke.CAP_BUTT,
                            java.awt.BasicStroke.JOIN_MITER,
                            10f,
                            new float[] {6f, 4f},
                            0f));
                    chart.addAnnotation(new AnnotationLine(0, true, false));
                    chart.addAnnotation(new AnnotationLine(0, false, false));
                    chart.getStyler().setAnnotationLineColor(Color.LIGHT_GRAY);
                    double offset = (max - min) * 0.03;
                    for (Faithfulness f : finals) {
                        List<String> candidates = f.sets().stream()
                                .filter(s -> !s.equals(evidence.baseline()))
                                .toList();
                        double[] x = candidates.stream()
                                .mapToDouble(s -> gainOf(f.proxy().fidelity(), s))
                                .toArray();
                        double[] y = candidates.stream()
                                .mapToDouble(s -> gainOf(target, s))
                                .toArray();
                        XYSeries series = chart.addSeries(f.proxy().name(), x, y);
                        series.setMarkerColor(colour(f.proxy().fidelity()));
                        series.setMarker(SeriesMarkers.CIRCLE);
                        for (int i = 0; i < candidates.size(); i++) {
                            annotate(chart, candidates.get(i), x[i], y[i] + offset);
                        }
                    }
                    return chart;
                });
    }

    private double gainOf(String fidelity, String set) {
        return analysis.table().gain(set, fidelity).orElse(0);
    }

    private RenderedChart curves(StudyResults r, String model, String name) {
        String title = "Test top-1 per epoch: " + model;
        List<CellOutcome> runs = r.outcomes().stream()
                .filter(o ->
                        o.cell().fidelity().name().equals(model) && !o.history().isEmpty())
                .toList();
        if (runs.isEmpty()) {
            return RenderedChart.skipped(
                    name, title, "No accuracy curves for " + model + " yet: no run has finished an epoch.");
        }
        boolean seeds = r.spec().seeds().size() > 1;
        return draw(
                name,
                title,
                "Test top-1 after each epoch, one line per run of " + model + " (running runs included).",
                () -> {
                    XYChart chart = new XYChartBuilder()
                            .width(WIDTH)
                            .height(HEIGHT)
                            .title(title)
                            .xAxisTitle("epoch")
                            .yAxisTitle("test top-1 (%)")
                            .build();
                    style(chart.getStyler());
                    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
                    for (CellOutcome run : runs) {
                        List<EpochStats> history = run.history();
                        String label = run.cell().techniqueSet()
                                + (seeds ? " s" + run.cell().seed() : "")
                                + (run.status() == CellOutcome.Status.RUNNING ? " (running)" : "");
                        XYSeries series = chart.addSeries(
                                label,
                                history.stream().map(EpochStats::epoch).toList(),
                                history.stream().map(EpochStats::testTop1).toList());
                        series.setMarker(history.size() <= MARKED_EPOCHS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                    }
                    return chart;
                });
    }

    static void style(Styler styler) {
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            // solid light grid lines: a dashed line reaches the SVG as one filled rectangle per dash (~70% of its
            // bytes)
            axes.setPlotGridLinesStroke(new java.awt.BasicStroke(1f));
            axes.setPlotGridLinesColor(new Color(0xEBEBEB));
        }
    }

    /** Adds a text annotation at data coordinates, remembered so the SVG can keep it as text. */
    private void annotate(XYChart chart, String text, double x, double y) {
        chart.addAnnotation(new AnnotationText(text, x, y, false));
        annotations.add(text);
    }

    /** Builds and encodes a chart, or returns it skipped with the reason. */
    private RenderedChart draw(String name, String title, String caption, Supplier<? extends Chart<?, ?>> build) {
        try {
            annotations.clear();
            Chart<?, ?> chart = build.get();
            ChartTexts texts = ChartTexts.record(chart, annotations);
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            byte[] svg = TextKeepingSvg.encode(chart, texts);
            return new RenderedChart(name, title, caption, png, svg, null);
        } catch (IOException | RuntimeException | LinkageError | AWTError e) {
            String message = e.getMessage() == null
                    ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("");
            return RenderedChart.skipped(
                    name,
                    title,
                    "Chart not drawn (" + e.getClass().getSimpleName() + message
                            + "); the tables above hold the same numbers.");
        }
    }
}
