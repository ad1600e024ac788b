package dev.cnnlab.report.content;

import dev.cnnlab.data.DataRef;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.study.Protocol;
import dev.cnnlab.study.StudySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The header of a study's report: its description, protocol, fidelities, target, technique sets, seeds, promotion plan and how many runs have finished. */
final class StudyHeaderSection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final StudyResults results;
    private final List<Block> blocks = new ArrayList<>();

    StudyHeaderSection(StudyResults results, StudyAnalysis analysis) {
        this.results = results;
        this.analysis = analysis;
        this.evidence = analysis.evidence();
    }

    List<Block> blocks() {
        studyHeader();
        return blocks;
    }

    private void studyHeader() {
        StudySpec spec = results.spec();
        if (!spec.description().isBlank()) {
            blocks.add(Paragraph.of(spec.description()));
        }
        Protocol p = spec.protocol();
        long total = results.outcomes().size();
        List<String> open = new ArrayList<>();
        long notPromoted = analysis.promotion()
                .map(pr -> pr.notPromoted().size() - pr.notPromotedRun())
                .orElse(0);
        for (CellOutcome.Status status :
                List.of(CellOutcome.Status.RUNNING, CellOutcome.Status.NOT_STARTED, CellOutcome.Status.UNREADABLE)) {
            long n = results.count(status) - (status == CellOutcome.Status.NOT_STARTED ? notPromoted : 0);
            if (n > 0) {
                open.add(n + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        if (notPromoted > 0) {
            open.add(notPromoted + " not promoted");
        }
        List<String> items = new ArrayList<>();
        items.add("Protocol: SGD with learning rate " + Fmt.number(p.lr()) + " × " + Fmt.number(p.lrGamma())
                + " at each milestone, batch " + p.batchSize() + ", weight decay " + Fmt.number(p.weightDecay())
                + ", momentum " + Fmt.number(p.momentum()) + ", "
                + (p.precision().equals("bf16") ? "bf16 mixed precision (float32 master weights)" : "float32") + "; "
                + tested(p.testLimit(), results));
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            items.add("Fidelity " + f.name() + (f.name().equals(evidence.target()) ? " (target)" : "") + ": "
                    + f.description() + ", "
                    + (f.lrDrops().isEmpty()
                            ? "no LR drop"
                            : "LR drops after epoch" + (f.lrDrops().size() == 1 ? " " : "s ")
                                    + milestones(f.lrDrops())));
        }
        items.add("Target: " + evidence.target() + " (" + evidence.targetReason() + ")");
        items.add("Technique sets: " + Fmt.setList(List.copyOf(spec.techniques().keySet()), spec.baseline()));
        items.add("Seeds: " + spec.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        if (spec.promote() != null) {
            items.add("Promotion: every set on " + spec.promote().from() + ", then the baseline and the best "
                    + spec.promote().keep() + " on " + spec.promote().to());
        }
        items.add("Runs finished: " + results.finishedCount() + " of " + total
                + (open.isEmpty() ? "" : " (" + String.join(", ", open) + ")"));
        blocks.add(new Bullets(items));
    }

    private static String milestones(List<Integer> milestones) {
        return milestones.isEmpty()
                ? "none"
                : milestones.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** What the runs were tested on: the data as a finished run records it (CIFAR-100's fine labels before any). */
    private static String tested(int limit, StudyResults results) {
        DataRef data = results.outcomes().stream()
                .flatMap(o -> o.result().stream())
                .map(r -> r.config().data())
                .findFirst()
                .orElse(DataRef.CIFAR100);
        String images = limit == 0 || limit >= data.testImages()
                ? "all " + String.format(Locale.ROOT, "%,d", data.testImages()) + " test images"
                : String.format(Locale.ROOT, "%,d", limit) + " test images (the same share of every class)";
        return "tested on " + images + " of " + data.describe();
    }
}
