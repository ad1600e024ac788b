package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.Agreement;
import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.NearChance;
import dev.cnnlab.report.analysis.PermutationTest;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "In brief": what the study can and cannot show, the faithful proxies, and what the promotion did. */
final class SummarySection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final List<Block> blocks = new ArrayList<>();

    SummarySection(StudyAnalysis analysis) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
    }

    List<Block> blocks() {
        summary();
        return blocks;
    }

    /** A warning first when runs are barely above chance: their gains are noise, whatever the tables say. */
    private java.util.Optional<Block> nearChance() {
        NearChance near = NearChance.of(evidence);
        if (!near.any()) {
            return java.util.Optional.empty();
        }
        String which = near.fidelities().stream()
                .map(f -> f.name() + " " + String.format(Locale.ROOT, "%.1f%%", f.meanTop1()))
                .collect(java.util.stream.Collectors.joining(", "));
        boolean target = near.fidelities().stream().anyMatch(f -> f.name().equals(evidence.target()));
        return java.util.Optional.of(Paragraph.note("Warning: near chance. Mean top-1 of " + which
                + (near.fidelities().size() == 1 ? " is" : " are") + " below " + Fmt.number(NearChance.FACTOR)
                + "× chance (" + Fmt.number(Math.round(NearChance.chance(near.classes()) * 100) / 100.0)
                + "% with " + near.classes() + " classes), so "
                + (target
                        ? "the gains in this report"
                        : "the gains of " + (near.fidelities().size() == 1 ? "that fidelity" : "those fidelities"))
                + " are mostly noise and cannot mean much: train longer or on more data before trusting a ranking."));
    }

    /** The answer in a few lines: what the study can and cannot show, the faithful proxies, and what the promotion did. */
    private void summary() {
        blocks.add(new Heading(2, "In brief", "summary-section"));
        nearChance().ifPresent(blocks::add);
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
            lines.add("No proxy is shown faithful at 5% after Holm's correction over "
                    + Fmt.count(s.tests(), "proxy", "proxies") + "; the closest is "
                    + best.proxy().name() + " (Kendall τ-b "
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
            // "the proxy has", "1 of 3 proxies has", "2 of 3 proxies have": never "1 of 1 proxy"
            String who = judged.size() == 1
                    ? (clear == 1 ? "The proxy has" : "The proxy does not have")
                    : clear + " of " + judged.size() + " proxies " + (clear == 1 ? "has" : "have");
            lines.add(
                    who + " a Kendall τ interval above 0"
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
}
