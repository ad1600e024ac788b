package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.AccuracyTable;
import dev.cnnlab.report.analysis.Agreement;
import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.CostSummary;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.NoiseModel;
import dev.cnnlab.report.analysis.PermutationTest;
import dev.cnnlab.report.analysis.PromotionOutcome;
import dev.cnnlab.report.analysis.SeedStats;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Figure;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.CellOutcome;
import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.Protocol;
import dev.cnnlab.study.StudySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Builds the report's content: header, the answer in brief, accuracies, gains and faithfulness
 * ({@link FaithfulnessSection}), the promotion, the published numbers, cost, charts and
 * provenance ({@link ProvenanceSection}). A report of a published table has the parts that its
 * numbers support.
 */
public final class ReportContent {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final Optional<StudyResults> results;
    private final List<Block> blocks = new ArrayList<>();

    private ReportContent(StudyAnalysis analysis, Optional<StudyResults> results) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
        this.results = results;
    }

    /** The report of a cnnlab study. */
    public static ReportDocument forStudy(StudyResults results, StudyAnalysis analysis, List<RenderedChart> charts) {
        ReportContent content = new ReportContent(analysis, Optional.of(results));
        content.studyHeader(results);
        content.summary();
        content.accuracy();
        content.blocks.addAll(new FaithfulnessSection(analysis).blocks());
        content.promotion();
        content.published(results.spec());
        content.cost(results);
        content.charts(charts);
        content.blocks.addAll(new MethodsSection(analysis).blocks());
        content.blocks.addAll(new ProvenanceSection(results).blocks());
        return new ReportDocument("Study report: " + results.spec().name(), content.blocks);
    }

    /** The report of a table of results that cnnlab did not train. */
    public static ReportDocument forTable(
            String name, String source, StudyAnalysis analysis, List<RenderedChart> charts) {
        ReportContent content = new ReportContent(analysis, Optional.empty());
        content.blocks.add(new Bullets(List.of(
                "Source: " + source + " (results not trained by cnnlab)",
                "Fidelities: " + String.join(", ", content.evidence.fidelityNames()),
                "Target: " + content.evidence.target() + " (" + content.evidence.targetReason() + ")",
                "Technique sets: " + String.join(", ", content.evidence.sets()) + " (baseline: "
                        + content.evidence.baseline() + ")",
                "Runs: " + content.evidence.observations().size())));
        content.summary();
        content.accuracy();
        content.blocks.addAll(new FaithfulnessSection(analysis).blocks());
        content.charts(charts);
        content.blocks.addAll(new MethodsSection(analysis).blocks());
        return new ReportDocument("Report: " + name, content.blocks);
    }

    private void studyHeader(StudyResults results) {
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
                + limit(p.testLimit(), "10,000 test") + " images of CIFAR-100");
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            items.add("Fidelity " + f.name() + (f.name().equals(evidence.target()) ? " (target)" : "") + ": "
                    + f.description() + ", "
                    + (f.lrDrops().isEmpty()
                            ? "no LR drop"
                            : "LR drops after epoch" + (f.lrDrops().size() == 1 ? " " : "s ")
                                    + milestones(f.lrDrops())));
        }
        items.add("Target: " + evidence.target() + " (" + evidence.targetReason() + ")");
        items.add("Technique sets: " + String.join(", ", spec.techniques().keySet()) + " (baseline: " + spec.baseline()
                + ")");
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

    private static String limit(int limit, String all) {
        return limit == 0
                ? "all " + all
                : "the first " + String.format(Locale.ROOT, "%,d", limit) + " " + all.substring(all.indexOf(' ') + 1);
    }

    /** The answer in a few lines: what the study can and cannot show, the faithful proxies, and what the promotion did. */
    private void summary() {
        blocks.add(new Heading(2, "In brief", "summary-section"));
        List<String> lines = new ArrayList<>();
        StudyAnalysis.Significance s = analysis.significance();
        List<Faithfulness> judged = analysis.faithfulness().stream()
                .filter(f -> f.comparable()
                        && f.comparison() != Faithfulness.Comparison.SAME_RUNS
                        && f.get(Statistic.KENDALL).defined())
                .toList();
        if (judged.isEmpty()) {
            lines.add("No proxy can be judged yet: Kendall τ needs at least " + Agreement.MIN_POINTS
                    + " technique sets besides the baseline with runs on the proxy and on the target "
                    + evidence.target() + ".");
        } else if (!s.reachable()) {
            lines.add("With " + s.sets() + " technique sets besides the baseline no proxy can be shown faithful: τ = 1"
                    + " happens by chance 1 time in " + Fmt.number(PermutationTest.factorial(s.sets()))
                    + " (the smallest p-value " + s.sets() + " sets allow)"
                    + (s.tests() > 1 ? ", and " + s.tests() + " proxies are tested at once" : "")
                    + ". At least " + s.setsNeededAlone() + " sets are needed, with a perfect ranking"
                    + (s.tests() > 1
                            ? ", for one proxy, and " + s.setsNeededHolm() + " for " + s.tests()
                                    + " proxies after Holm's correction"
                            : "")
                    + ".");
        } else if (analysis.front().members().isEmpty()) {
            Faithfulness best = judged.stream()
                    .min(java.util.Comparator.comparingDouble(f -> f.kendallHolm()))
                    .orElseThrow();
            lines.add("No proxy is shown faithful at 5% after Holm's correction over " + s.tests()
                    + " proxies; the closest is " + best.proxy().name() + " (Kendall τ-b "
                    + Fmt.estimate(best.get(Statistic.KENDALL), Fmt::coefficient) + ", p = "
                    + Fmt.pValue(best.kendallTest().p()) + ", Holm " + Fmt.pValue(best.kendallHolm()) + ").");
        } else {
            for (Faithfulness f : analysis.front().members()) {
                lines.add(f.proxy().name() + " at " + Fmt.relative(f.proxy().cost())
                        + " the target's cost is shown faithful: Kendall τ-b "
                        + Fmt.estimate(f.get(Statistic.KENDALL), Fmt::coefficient) + ", p = "
                        + Fmt.pValue(f.kendallTest().p()) + " (Holm " + Fmt.pValue(f.kendallHolm()) + "); it picks "
                        + f.proxyPick() + ", the target's best with probability "
                        + Fmt.probability(f.pickIsTargetBest()) + ".");
            }
            if (!analysis.front().tiedWith().isEmpty()) {
                lines.add("As faithful within the noise but dearer: "
                        + String.join(", ", analysis.front().tiedWith().keySet()) + ".");
            }
        }
        if (!judged.isEmpty()) {
            long clear = judged.stream()
                    .filter(f -> f.get(Statistic.KENDALL).lowAbove(0))
                    .count();
            lines.add(
                    clear + " of " + Fmt.count(judged.size(), "proxy", "proxies")
                            + (judged.size() == 1 ? " has" : " have") + " a Kendall τ interval above 0"
                            + (clear == 0
                                    ? ": with these seeds and sets the study cannot tell a faithful proxy from an unrelated one"
                                            + " (more seeds narrow the intervals; more technique sets make significance possible)."
                                    : "; an interval above 0 is not significance: it rests on the noise model, the p-value does not."));
        }
        long optimistic = analysis.faithfulness().stream()
                .filter(f -> f.comparison() == Faithfulness.Comparison.SAME_RUNS)
                .count();
        if (optimistic > 0) {
            lines.add(optimistic + " learning-curve prox"
                    + (optimistic == 1 ? "y of the target is" : "ies of the target are")
                    + " left out: with one seed they can only be compared with their own runs (optimistic).");
        }
        analysis.curves().stream()
                .filter(c -> c.fidelity().equals(evidence.target()))
                .findFirst()
                .filter(c -> c.comparison() != Faithfulness.Comparison.SAME_RUNS)
                .ifPresent(c -> lines.add(
                        c.clearPairs() == 0
                                ? "The target's final order has no pair of sets beyond the noise, so no early epoch can be said to"
                                        + " show it."
                                : "The target's own curves (on other seeds) keep its " + c.clearPairs() + " clear pair"
                                        + (c.clearPairs() == 1 ? "" : "s") + " in order "
                                        + (c.visibleFrom().isPresent()
                                                ? "from epoch "
                                                        + c.visibleFrom().getAsInt() + " of " + c.epochs()
                                                : "at no epoch, not even the last")
                                        + "."));
        analysis.promotion().ifPresent(p -> {
            if (p.pick().isPresent()) {
                lines.add("Promotion: " + String.join(", ", p.decision().promoted()) + " trained on "
                        + p.promotion().to()
                        + "; it confirms " + p.pick().get() + " and saved " + Fmt.percent(p.savedShare())
                        + " of the full grid's compute"
                        + (p.regret().isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        " (regret against the full grid: %.2f points)",
                                        p.regret().getAsDouble())
                                : "")
                        + ".");
            }
        });
        if (!analysis.variance().measured()) {
            lines.add("One seed per cell: every interval rests on an ASSUMED noise level.");
        }
        blocks.add(new Bullets(lines));
    }

    private void accuracy() {
        blocks.add(new Heading(2, "Accuracy", "accuracy-section"));
        AccuracyTable table = analysis.table();
        int seeds = results.map(r -> r.spec().seeds().size()).orElse(maxSeeds());
        blocks.add(Paragraph.of("Final-epoch test top-1 in percent (the last epoch, not the best one)"
                + (seeds > 1 ? "; mean ± sample standard deviation over the finished seeds (n)" : "")
                + ". " + Fmt.MISSING + " means no finished run."));
        List<String> header = new ArrayList<>(List.of("technique set"));
        results.ifPresent(r -> header.add("techniques"));
        for (String fidelity : table.models()) {
            header.add(fidelity + (fidelity.equals(evidence.target()) ? " (target)" : ""));
        }
        List<Row> rows = new ArrayList<>();
        for (String set : table.sets()) {
            boolean base = set.equals(table.baseline());
            List<String> cells = new ArrayList<>(List.of(base ? set + " (baseline)" : set));
            results.ifPresent(r -> cells.add(Fmt.techniques(r.spec().techniqueSet(set))));
            for (String fidelity : table.models()) {
                cells.add(table.stats(set, fidelity)
                        .map(s -> Fmt.stats(s, seeds))
                        .orElseGet(() -> pending(fidelity, set)));
            }
            rows.add(new Row(cells, base));
        }
        blocks.add(new Table("accuracy", header, rows));
    }

    private int maxSeeds() {
        return analysis.table().allStats().stream().mapToInt(SeedStats::n).max().orElse(1);
    }

    /** What to show for a pair without a finished run: each seed's state, never a number. */
    private String pending(String fidelity, String set) {
        if (results.isEmpty()) {
            return Fmt.MISSING;
        }
        StudyResults r = results.get();
        List<CellOutcome> outcomes = r.outcomes(fidelity, set);
        int epochs = r.plannedEpochs();
        Optional<PromotionOutcome> promotion = analysis.promotion();
        if (promotion.isPresent()
                && !outcomes.isEmpty()
                && promotion.get().notPromoted().contains(outcomes.get(0).cell())) {
            return "not promoted";
        }
        if (promotion.isPresent()
                && fidelity.equals(promotion.get().promotion().to())
                && !promotion.get().decision().complete()) {
            return "awaits promotion";
        }
        List<String> labels =
                outcomes.stream().map(o -> o.label(epochs)).distinct().toList();
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return outcomes.stream()
                .map(o -> "s" + o.cell().seed() + " " + o.label(epochs))
                .collect(Collectors.joining("; "));
    }

    private void promotion() {
        Optional<PromotionOutcome> outcome = analysis.promotion();
        if (outcome.isEmpty()) {
            return;
        }
        PromotionOutcome p = outcome.get();
        blocks.add(new Heading(
                2,
                "Promotion: pick on " + p.promotion().from() + ", confirm on "
                        + p.promotion().to(),
                "promotion-section"));
        if (!p.decision().complete()) {
            blocks.add(Paragraph.of(
                    "The proxy stage is not complete: " + p.decision().pending().size() + " "
                            + p.promotion().from() + " cell(s) have no result yet, so nothing is promoted yet."));
            return;
        }
        List<Row> rows = new ArrayList<>();
        p.decision()
                .gains()
                .forEach((set, gain) -> rows.add(new Row(
                        List.of(
                                set,
                                Fmt.gain(gain),
                                p.decision().promotes(set)
                                        ? "promoted"
                                        : "not promoted"
                                                + (p.notPromotedRun() > 0
                                                                && evidence.cell(
                                                                                        p.promotion()
                                                                                                .to(),
                                                                                        set)
                                                                                .size()
                                                                        > 0
                                                        ? " (run anyway: full grid)"
                                                        : ""),
                                Fmt.gain(
                                        analysis.table().gain(set, p.promotion().to()))),
                        p.decision().promotes(set))));
        blocks.add(new Table(
                "promotion",
                List.of(
                        "technique set",
                        "mean gain on " + p.promotion().from(),
                        "decision",
                        "gain on " + p.promotion().to()),
                rows));
        List<String> lines = new ArrayList<>();
        lines.add("Promoted to " + p.promotion().to() + ": "
                + String.join(", ", p.decision().promoted()) + " (the baseline" + " and the best "
                + p.promotion().keep() + " by mean gain on " + p.promotion().from() + ").");
        lines.add(String.format(
                Locale.ROOT,
                "Compute: the promoted plan costs %s of the full grid (FLOPs × images × epochs"
                        + " over all cells): %d %s cell(s) not trained, %s saved.",
                Fmt.percent(1 - p.savedShare()),
                p.notPromoted().size(),
                p.promotion().to(),
                Fmt.percent(p.savedShare())));
        p.pick()
                .ifPresentOrElse(
                        pick -> lines.add("Confirmed on " + p.promotion().to() + ": " + pick + " is the best of the"
                                + " promoted sets."),
                        () -> lines.add("The promoted cells on " + p.promotion().to() + " have not all finished."));
        if (p.regret().isPresent()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "The full grid on %s was also run (--no-promote): its best set is %s, so the"
                            + " promotion's regret is %.2f points.",
                    p.promotion().to(),
                    p.fullBest().get(),
                    p.regret().getAsDouble()));
        } else {
            lines.add("The regret of the promotion needs the full grid on "
                    + p.promotion().to() + " (run the study again with --no-promote).");
        }
        blocks.add(new Bullets(lines));
    }

    private void published(StudySpec spec) {
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

    private void cost(StudyResults results) {
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

    private void charts(List<RenderedChart> charts) {
        blocks.add(new Heading(2, "Charts", "charts-section"));
        for (RenderedChart chart : charts) {
            blocks.add(chart.drawn() ? new Figure(chart) : Paragraph.note(chart.note()));
        }
    }
}
