package dev.cnnlab.report.content;

import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.load.Evidence;
import java.util.List;

/** The header of a table's report: where the results come from, its fidelities, target, technique sets and runs. */
final class TableHeaderSection {

    private final String source;
    private final Evidence evidence;

    TableHeaderSection(String source, Evidence evidence) {
        this.source = source;
        this.evidence = evidence;
    }

    List<Block> blocks() {
        return List.of(new Bullets(List.of(
                "Source: " + source + " (results not trained by cnnlab)",
                "Fidelities: "
                        + String.join(
                                ", ",
                                evidence.fidelityNames().stream()
                                        .map(f -> f
                                                + evidence.meanSeconds(f, 0).stream()
                                                        .mapToObj(s -> " (" + Fmt.duration(s) + " per run)")
                                                        .findFirst()
                                                        .orElse(""))
                                        .toList()),
                "Target: " + evidence.target() + " (" + evidence.targetReason() + ")",
                "Technique sets: " + Fmt.setList(evidence.sets(), evidence.baseline()),
                "Runs: " + evidence.observations().size())));
    }
}
