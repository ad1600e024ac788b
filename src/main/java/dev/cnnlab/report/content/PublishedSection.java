package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.NoiseModel;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.study.StudySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The same analysis on the spec's published numbers, when the spec has them. */
final class PublishedSection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final StudySpec spec;
    private final List<Block> blocks = new ArrayList<>();

    PublishedSection(StudyAnalysis analysis, StudySpec spec) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
        this.spec = spec;
    }

    List<Block> blocks() {
        published();
        return blocks;
    }

    private void published() {
        if (spec.reference().isEmpty()) {
            return;
        }
        blocks.add(new Heading(2, "What the published numbers say", "reference-section"));
        Map<String, Map<String, Double>> reference = spec.reference();
        List<String> fidelities = evidence.fidelityNames().stream()
                .filter(f -> reference.values().stream().anyMatch(row -> row.get(f) != null))
                .toList();
        if (!fidelities.contains(evidence.target()) || fidelities.size() < 2) {
            blocks.add(Paragraph.of("The spec's published numbers do not cover the target " + evidence.target()
                    + " and a proxy, so they cannot answer the question."));
            return;
        }
        List<Evidence.Observation> rows = new ArrayList<>();
        reference.forEach((set, row) -> row.forEach((fidelity, value) -> {
            if (value != null) {
                rows.add(new Evidence.Observation(
                        fidelity, set, 0, value, List.of(), List.of(), OptionalDouble.empty()));
            }
        }));
        List<Evidence.FidelityInfo> infos = evidence.fidelities().stream()
                .filter(f -> fidelities.contains(f.name()))
                .map(f -> new Evidence.FidelityInfo(
                        f.name(), java.util.OptionalInt.empty(), List.of(), f.computeCost(), f.description()))
                .toList();
        Evidence published = new Evidence(
                infos, evidence.sets(), evidence.baseline(), evidence.target(), evidence.targetReason(), rows);
        StudyAnalysis a = StudyAnalysis.of(published);
        List<Row> table = new ArrayList<>();
        for (Faithfulness f : a.faithfulness()) {
            table.add(Row.of(List.of(
                    f.proxy().name(),
                    Fmt.estimate(f.get(Statistic.KENDALL), Fmt::coefficient),
                    Fmt.pValue(f.kendallTest().p()),
                    Fmt.estimate(f.get(Statistic.PEARSON), Fmt::coefficient),
                    Fmt.estimate(f.get(Statistic.SIGN), Fmt::percent),
                    f.proxyPick() == null
                            ? "undefined"
                            : f.proxyPick() + (f.proxyPick().equals(f.targetBest()) ? " (yes)" : " (no)"))));
        }
        blocks.add(Paragraph.of(
                "The same analysis on the spec's published top-1 (one run per cell, so the intervals use the"
                        + " ASSUMED noise level of " + Fmt.number(NoiseModel.ASSUMED_STD) + " points):"));
        blocks.add(new Table(
                "reference", List.of("proxy", "Kendall τ-b", "p", "Pearson r", "sign agreement", "top-1 pick"), table));
    }
}
