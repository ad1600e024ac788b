package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.CostSummary;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The cost of every fidelity: parameters, FLOPs, relative compute, wall time, throughput and devices. */
final class CostSection {

    private final Evidence evidence;
    private final StudyResults results;
    private final List<Block> blocks = new ArrayList<>();

    CostSection(StudyAnalysis analysis, StudyResults results) {
        this.evidence = analysis.evidence();
        this.results = results;
    }

    List<Block> blocks() {
        cost();
        return blocks;
    }

    private void cost() {
        blocks.add(new Heading(2, "Cost", "cost-section"));
        CostSummary cost = CostSummary.of(results);
        blocks.add(
                Paragraph.of(
                        "Parameters and forward FLOPs are those of the "
                                + results.spec().baseline()
                                + " network (techniques such as squeeze-and-excitation add a little); wall time and throughput are "
                                + "means over each fidelity's finished runs; relative compute is FLOPs × images × epochs over the target's."));
        List<Row> rows = new ArrayList<>();
        Evidence.FidelityInfo target = evidence.fidelity(evidence.target());
        for (CostSummary.Row row : cost.rows()) {
            Evidence.FidelityInfo f = evidence.fidelity(row.model());
            OptionalDouble relative =
                    f.computeCost().isPresent() && target.computeCost().isPresent()
                            ? OptionalDouble.of(f.computeCost().getAsDouble()
                                    / target.computeCost().getAsDouble())
                            : OptionalDouble.empty();
            rows.add(Row.of(List.of(
                    row.model(),
                    row.params().isPresent() ? Fmt.params(row.params().getAsLong()) : Fmt.MISSING,
                    row.flopsPerImage().isPresent()
                            ? Fmt.gflops(row.flopsPerImage().getAsLong())
                            : Fmt.MISSING,
                    Fmt.relative(relative),
                    Integer.toString(row.finishedRuns()),
                    row.meanWallSeconds().isPresent()
                            ? Fmt.duration(row.meanWallSeconds().getAsDouble())
                            : Fmt.MISSING,
                    row.meanImagesPerSecond().isPresent()
                            ? String.format(
                                    Locale.ROOT,
                                    "%.0f",
                                    row.meanImagesPerSecond().getAsDouble())
                            : Fmt.MISSING,
                    row.devices().isEmpty() ? Fmt.MISSING : String.join(", ", row.devices()))));
        }
        blocks.add(new Table(
                "cost",
                List.of(
                        "fidelity",
                        "parameters",
                        "GFLOPs/image (forward)",
                        "relative compute",
                        "finished runs",
                        "mean wall time per run",
                        "mean train images/s",
                        "device"),
                rows));
        if (cost.devices().size() > 1) {
            blocks.add(Paragraph.note("Caution: the runs were trained on different devices ("
                    + String.join(", ", cost.devices()) + "), so wall times compare hardware as well as fidelities."));
        }
    }
}
