package dev.cnnlab.report;

import dev.cnnlab.report.ReportDocument.Block;
import dev.cnnlab.report.ReportDocument.Bullets;
import dev.cnnlab.report.ReportDocument.Figure;
import dev.cnnlab.report.ReportDocument.Heading;
import dev.cnnlab.report.ReportDocument.Paragraph;
import dev.cnnlab.report.ReportDocument.Row;
import dev.cnnlab.report.ReportDocument.Table;
import dev.cnnlab.study.Protocol;
import dev.cnnlab.study.StudySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Builds the report's content from the results and their analysis: header, accuracy table, the
 * proxy question ({@link ProxySection}), cost, charts and provenance ({@link ProvenanceSection}).
 */
final class ReportContent {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StudyResults results;
    private final StudyAnalysis analysis;
    private final List<Block> blocks = new ArrayList<>();

    private ReportContent(StudyResults results, StudyAnalysis analysis) {
        this.results = results;
        this.analysis = analysis;
    }

    /** The whole report. */
    static ReportDocument build(StudyResults results, StudyAnalysis analysis, List<RenderedChart> charts, Instant generated) {
        ReportContent content = new ReportContent(results, analysis);
        content.header(generated);
        content.accuracy();
        content.blocks.addAll(new ProxySection(results, analysis).blocks());
        content.cost();
        content.charts(charts);
        content.blocks.addAll(new ProvenanceSection(results).blocks());
        return new ReportDocument("Study report: " + results.spec().name(), content.blocks);
    }

    private void header(Instant generated) {
        StudySpec spec = results.spec();
        if (!spec.description().isBlank()) {
            blocks.add(Paragraph.of(spec.description()));
        }
        Protocol p = spec.protocol();
        long total = results.outcomes().size();
        List<String> open = new ArrayList<>();
        for (CellOutcome.Status status : List.of(CellOutcome.Status.RUNNING, CellOutcome.Status.NOT_STARTED,
                CellOutcome.Status.UNREADABLE)) {
            long n = results.count(status);
            if (n > 0) {
                open.add(n + " " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        blocks.add(new Bullets(List.of(
                "Protocol: " + p.epochs() + " epochs, SGD with learning rate " + Fmt.number(p.lr()) + " × "
                        + Fmt.number(p.lrGamma()) + " at epochs " + milestones(p.lrMilestones()) + ", batch "
                        + p.batchSize() + ", weight decay " + Fmt.number(p.weightDecay()) + ", momentum "
                        + Fmt.number(p.momentum()) + ", " + (p.precision().equals("bf16")
                                ? "bf16 mixed precision (float32 master weights)" : "float32"),
                "Data: " + limit(p.trainLimit(), "50,000 training") + ", " + limit(p.testLimit(), "10,000 test")
                        + " images of CIFAR-100",
                "Models: " + spec.models().stream().map(m -> m.name() + " (depth " + m.depth() + ")")
                        .collect(Collectors.joining(", ")),
                "Technique sets: " + String.join(", ", spec.techniques().keySet()) + " (baseline: " + spec.baseline() + ")",
                "Seeds: " + spec.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                "Runs finished: " + results.finishedCount() + " of " + total
                        + (open.isEmpty() ? "" : " (" + String.join(", ", open) + ")"),
                "Generated: " + DATE.format(generated))));
    }

    private static String milestones(List<Integer> milestones) {
        return milestones.isEmpty() ? "none" : milestones.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String limit(int limit, String all) {
        return limit == 0 ? "all " + all : "the first " + String.format(java.util.Locale.ROOT, "%,d", limit) + " "
                + all.substring(all.indexOf(' ') + 1);
    }

    private void accuracy() {
        blocks.add(new Heading(2, "Accuracy", "accuracy-section"));
        AccuracyTable table = analysis.table();
        Map<String, Map<String, Double>> reference = results.spec().reference();
        int seeds = results.spec().seeds().size();
        blocks.add(Paragraph.of("Final-epoch test top-1 in percent (the last epoch, not the best one)"
                + (seeds > 1 ? "; mean ± sample standard deviation over the finished seeds, n = finished seeds" : "")
                + ". Gain: the set's mean minus the same model's " + table.baseline() + " mean, in points."
                + (reference.isEmpty() ? "" : " Published: the spec's reference top-1 (its gain over the published "
                        + table.baseline() + " in parentheses).")
                + " " + Fmt.MISSING + " means no finished run" + (reference.isEmpty() ? "" : " (or no published number)") + "."));
        List<String> header = new ArrayList<>(List.of("technique set", "techniques"));
        for (String model : table.models()) {
            header.add(model + " top-1");
            header.add(model + " gain");
            if (hasReference(model)) {
                header.add(model + " published");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String set : table.sets()) {
            boolean base = set.equals(table.baseline());
            List<String> cells = new ArrayList<>(List.of(base ? set + " (baseline)" : set,
                    Fmt.techniques(results.spec().techniqueSet(set))));
            for (String model : table.models()) {
                cells.add(table.stats(set, model).map(s -> Fmt.stats(s, seeds)).orElseGet(() -> pending(model, set)));
                cells.add(base ? "baseline" : Fmt.gain(table.gain(set, model)));
                if (hasReference(model)) {
                    cells.add(published(set, model));
                }
            }
            rows.add(new Row(cells, base));
        }
        blocks.add(new Table("accuracy", header, rows));
    }

    /** What to show for a pair without a finished run: each seed's state, never a number. */
    private String pending(String model, String set) {
        List<CellOutcome> outcomes = results.outcomes(model, set);
        int epochs = results.plannedEpochs();
        if (outcomes.size() == 1) {
            return outcomes.get(0).label(epochs);
        }
        List<String> labels = outcomes.stream().map(o -> o.label(epochs)).distinct().toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return outcomes.stream().map(o -> "s" + o.cell().seed() + " " + o.label(epochs)).collect(Collectors.joining("; "));
    }

    private boolean hasReference(String model) {
        return results.spec().reference().values().stream().anyMatch(row -> row.get(model) != null);
    }

    private String published(String set, String model) {
        return analysis.referenceTable().map(ref -> {
            OptionalDouble value = ref.mean(set, model);
            if (value.isEmpty()) {
                return Fmt.MISSING;
            }
            OptionalDouble gain = ref.gain(set, model);
            return Fmt.acc(value.getAsDouble())
                    + (set.equals(ref.baseline()) || gain.isEmpty() ? "" : " (" + Fmt.gain(gain.getAsDouble()) + ")");
        }).orElse(Fmt.MISSING);
    }

    private void cost() {
        blocks.add(new Heading(2, "Cost", "cost-section"));
        CostSummary cost = analysis.cost();
        blocks.add(Paragraph.of("Parameters and forward FLOPs are those of the " + results.spec().baseline()
                + " network (techniques such as squeeze-and-excitation add a little); wall time and throughput are "
                + "means over each model's finished runs."));
        List<Row> rows = new ArrayList<>();
        for (CostSummary.Row row : cost.rows()) {
            rows.add(Row.of(List.of(row.model(),
                    row.params().isPresent() ? Fmt.params(row.params().getAsLong()) : Fmt.MISSING,
                    row.flopsPerImage().isPresent() ? Fmt.gflops(row.flopsPerImage().getAsLong()) : Fmt.MISSING,
                    Integer.toString(row.finishedRuns()),
                    row.meanWallSeconds().isPresent() ? Fmt.duration(row.meanWallSeconds().getAsDouble()) : Fmt.MISSING,
                    row.meanImagesPerSecond().isPresent()
                            ? String.format(java.util.Locale.ROOT, "%.0f", row.meanImagesPerSecond().getAsDouble()) : Fmt.MISSING,
                    row.devices().isEmpty() ? Fmt.MISSING : String.join(", ", row.devices()))));
        }
        blocks.add(new Table("cost", List.of("model", "parameters", "GFLOPs/image (forward)", "finished runs",
                "mean wall time per run", "mean train images/s", "device"), rows));
        if (results.models().size() < 2) {
            return;
        }
        String small = analysis.small();
        String large = analysis.large();
        OptionalDouble wall = cost.wallRatio(small, large);
        OptionalDouble flops = cost.flopRatio(small, large);
        List<String> lines = new ArrayList<>();
        if (wall.isPresent()) {
            lines.add("One " + large + " run takes " + Fmt.ratio(wall.getAsDouble()) + " the wall time of one " + small
                    + " run: one large-model experiment buys about " + Math.max(1, Math.round(wall.getAsDouble()))
                    + " small-model experiments.");
        } else {
            lines.add("The wall-time ratio of " + large + " to " + small + " needs a finished run of each.");
        }
        if (flops.isPresent()) {
            lines.add("Forward FLOPs per image: " + large + " needs " + Fmt.ratio(flops.getAsDouble()) + " those of " + small + ".");
        }
        if (cost.devices().size() > 1) {
            lines.add("Caution: the runs were trained on different devices (" + String.join(", ", cost.devices())
                    + "), so wall times compare hardware as well as models.");
        }
        blocks.add(Paragraph.of(String.join(" ", lines)));
    }

    private void charts(List<RenderedChart> charts) {
        blocks.add(new Heading(2, "Charts", "charts-section"));
        for (RenderedChart chart : charts) {
            blocks.add(chart.drawn() ? new Figure(chart) : Paragraph.note(chart.note()));
        }
    }
}
