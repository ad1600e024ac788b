package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.Agreement;
import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.analysis.CurveVisibility;
import dev.cnnlab.report.analysis.Estimate;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.GainEstimate;
import dev.cnnlab.report.analysis.PermutationTest;
import dev.cnnlab.report.analysis.Proxy;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's central sections: gains with uncertainty, the faithfulness of every proxy to the
 * target with intervals, p-values and cost, and from which epoch the learning curves show the
 * target's ranking.
 */
final class FaithfulnessSection {

    private final StudyAnalysis analysis;
    private final Evidence evidence;
    private final List<Block> blocks = new ArrayList<>();

    FaithfulnessSection(StudyAnalysis analysis) {
        this.analysis = analysis;
        this.evidence = analysis.evidence();
    }

    List<Block> blocks() {
        gains();
        faithfulness();
        curves();
        return blocks;
    }

    private void gains() {
        blocks.add(new Heading(2, "Gains with uncertainty", "gains-section"));
        if (evidence.candidates().isEmpty()) {
            blocks.add(Paragraph.of("The study has no technique set besides the baseline, so there are no gains."));
            return;
        }
        blocks.add(Paragraph.of("Gain: a set's final top-1 minus the same fidelity's " + evidence.baseline()
                + " on the same seed, averaged over the seeds (paired), in points, with its 95% Student-t interval;"
                + " P(>0): the probability that the true gain is positive under the same t model; seeds needed: seeds per cell"
                + " that a paired t-test (two-sided 5%, 80% power) needs to tell the gain from zero, from a true gain at"
                + " the interval's far end to its near end (“≥ N”: the interval includes 0, so no number is sure to be"
                + " enough)."));
        List<String> header = new ArrayList<>(List.of("technique set"));
        for (String fidelity : evidence.fidelityNames()) {
            header.add(fidelity + role(fidelity) + " gain [95%]");
            header.add("P(>0)");
            header.add("seeds needed (per cell)");
        }
        List<Row> rows = new ArrayList<>();
        for (String set : evidence.candidates()) {
            List<String> cells = new ArrayList<>(List.of(set));
            for (String fidelity : evidence.fidelityNames()) {
                Optional<GainEstimate> gain = analysis.gain(fidelity, set);
                if (gain.isEmpty()) {
                    cells.addAll(List.of(Fmt.MISSING, Fmt.MISSING, Fmt.MISSING));
                    continue;
                }
                GainEstimate g = gain.get();
                cells.add(Fmt.estimate(g.gain(), Fmt::gain) + (g.paired() ? "" : " (unpaired)"));
                cells.add(Fmt.probability(g.probabilityPositive()));
                cells.add(Fmt.seedsNeeded(g.seedsNeeded()));
            }
            rows.add(Row.of(cells));
        }
        blocks.add(new Table("gains", header, rows));
        List<String> notes = new ArrayList<>();
        notes.add("Noise: " + analysis.noise().describe() + ".");
        analysis.withinSeedCorrelation()
                .ifPresent(rho -> notes.add(String.format(
                        Locale.ROOT,
                        "Within-seed correlation of two sets' runs: %.2f (from the pooled variances of runs and of"
                                + " paired differences). Pairing by seed removes this shared part: a paired interval is"
                                + " √(1 − ρ) = %.2f times as wide as an unpaired one would be.",
                        rho,
                        Math.sqrt(Math.max(0, 1 - rho)))));
        long unpaired = analysis.gains().stream().filter(g -> !g.paired()).count();
        if (unpaired > 0) {
            notes.add(unpaired + " gain" + (unpaired == 1 ? " is" : "s are")
                    + " unpaired (marked): the set and the baseline do not have the same seeds yet, so the gain is the"
                    + " difference of the two means with the pooled per-run noise.");
        }
        if (!analysis.variance().measured()) {
            notes.add("Single seed per cell: this study cannot tell a gain from seed noise by itself. Every interval,"
                    + " P(>0) and seed count above rests on the ASSUMED noise level, not on a measurement; run 2 or more"
                    + " seeds to measure it.");
        }
        blocks.add(new Bullets(notes));
    }

    private String role(String fidelity) {
        return fidelity.equals(evidence.target()) ? " (target)" : "";
    }

    private void faithfulness() {
        blocks.add(new Heading(
                2, "Faithfulness of every proxy to the target " + evidence.target(), "faithfulness-section"));
        List<Faithfulness> all = analysis.faithfulness();
        if (all.isEmpty()) {
            blocks.add(Paragraph.of(
                    "The study has a single fidelity without learning curves: there is no proxy to judge."));
            return;
        }
        blocks.add(Paragraph.of("Each proxy's technique-set gains against the target's gains. Compared on: the sets"
                + " besides the baseline and the seeds behind each side's gains. Kendall τ-b (ties corrected), Spearman ρ"
                + " and Pearson r of the gains, with 95% intervals from draws of the gains' noise; p: the exact one-sided"
                + " permutation p-value (the share of the sets! relabellings of the proxy's gains that agree at least as"
                + " well); Holm: τ's p-value corrected over the report's proxies; sign agreement: the share of sets whose"
                + " keep/drop call (gain > 0) matches the target's; top-1 pick: the set the proxy would pick (baseline"
                + " included) with P, the probability that it is the target's best; regret: target top-1 lost by trusting"
                + " that pick, observed, then expected over the target's noise with its 95% interval. Cost: one proxy run"
                + " relative to one target run, by FLOPs × images × epochs and by measured training seconds."));
        List<Row> rows = new ArrayList<>();
        for (Faithfulness f : all) {
            Proxy p = f.proxy();
            boolean front = analysis.front().contains(p.name());
            // a row compared with its own runs gets no p-value: its agreement is partly its own noise
            boolean tested = f.comparison() != Faithfulness.Comparison.SAME_RUNS;
            String mark = front
                    ? " ★"
                    : analysis.front()
                            .tie(p.name())
                            .map(t -> " (tied with " + t + ")")
                            .orElse("");
            List<String> cells = new ArrayList<>(List.of(
                    p.name() + mark,
                    Fmt.relative(p.relativeCompute()),
                    Fmt.relative(p.relativeSeconds()),
                    comparedOn(f),
                    Fmt.estimate(f.get(Statistic.KENDALL), Fmt::coefficient),
                    tested ? Fmt.pValue(f.kendallTest().p()) : Fmt.MISSING,
                    Fmt.pValue(f.kendallHolm()),
                    Fmt.estimate(f.get(Statistic.SPEARMAN), Fmt::coefficient),
                    tested ? Fmt.pValue(f.spearmanTest().p()) : Fmt.MISSING,
                    Fmt.estimate(f.get(Statistic.PEARSON), Fmt::coefficient),
                    Fmt.estimate(f.get(Statistic.SIGN), Fmt::percent),
                    f.proxyPick() == null
                            ? "undefined"
                            : f.proxyPick() + " (P = " + Fmt.probability(f.pickIsTargetBest()) + ")",
                    regret(f.get(Statistic.REGRET))));
            rows.add(new Row(cells, front));
        }
        blocks.add(new Table(
                "faithfulness",
                List.of(
                        "proxy",
                        "cost (compute)",
                        "cost (measured)",
                        "compared on",
                        "Kendall τ-b",
                        "p",
                        "Holm",
                        "Spearman ρ",
                        "p",
                        "Pearson r",
                        "sign agreement",
                        "top-1 pick",
                        "regret (points)"),
                rows));
        List<String> notes = new ArrayList<>();
        notes.add(
                "★ and highlighted: on the front, proxies shown faithful (τ's interval above 0 and τ significant at 5%"
                        + " after Holm) that no cheaper faithful proxy matches within the noise. “Tied with X”: shown faithful,"
                        + " but not more faithful than the cheaper X within the noise.");
        notes.add(significanceSentence());
        costNote(all).ifPresent(notes::add);
        all.stream()
                .filter(f -> f.comparison() == Faithfulness.Comparison.SAME_RUNS)
                .findFirst()
                .ifPresent(f -> notes.add("Same runs, optimistic: the target's own early epochs with a single seed are"
                        + " compared with the same runs' final epoch, so their noise agrees with itself. These rows get no"
                        + " p-value, are never starred and stay out of “In brief”; with 2 or more seeds they are judged on"
                        + " disjoint halves of the seeds."));
        all.stream()
                .filter(f -> !f.get(Statistic.KENDALL).defined())
                .findFirst()
                .ifPresent(f ->
                        notes.add("Correlations " + f.get(Statistic.KENDALL).undefinedReason() + " (for "
                                + f.proxy().name()
                                + (all.stream()
                                                        .filter(g -> !g.get(Statistic.KENDALL)
                                                                .defined())
                                                        .count()
                                                > 1
                                        ? " and others"
                                        : "")
                                + ")."));
        if (!analysis.variance().measured()) {
            notes.add("Intervals from the ASSUMED noise level (one seed per cell).");
        }
        blocks.add(new Bullets(notes));
    }

    /** Why a cost column is empty for every proxy (results cnnlab did not train know no FLOPs), if one is. */
    private static Optional<String> costNote(List<Faithfulness> all) {
        boolean noCompute =
                all.stream().allMatch(f -> f.proxy().relativeCompute().isEmpty());
        boolean noSeconds =
                all.stream().allMatch(f -> f.proxy().relativeSeconds().isEmpty());
        if (noCompute && noSeconds) {
            return Optional.of("Both cost columns are empty: the results give neither FLOPs, images and epochs nor a"
                    + " cost in seconds per run (a results table's optional cost column).");
        }
        if (noCompute) {
            return Optional.of("Cost (compute) is empty: the results give no FLOPs, images or epochs (only cnnlab's own"
                    + " runs record them); cost (measured) is the ratio of the seconds per run they give.");
        }
        return Optional.empty();
    }

    /** What the number of sets lets a permutation test show, in words. */
    private String significanceSentence() {
        StudyAnalysis.Significance s = analysis.significance();
        if (s.sets() < Agreement.MIN_POINTS) {
            return "Rank correlations need at least " + Agreement.MIN_POINTS + " sets besides the baseline.";
        }
        String base = String.format(
                Locale.ROOT,
                "With %d sets besides the baseline the smallest p-value a proxy's τ can have is 1/%s = %s (a perfect"
                        + " ranking happens by chance that often); after Holm over %d tested prox%s it is %s.",
                s.sets(),
                Fmt.number(PermutationTest.factorial(s.sets())),
                Fmt.pValue(s.smallestP()),
                s.tests(),
                s.tests() == 1 ? "y" : "ies",
                Fmt.pValue(s.smallestHolm()));
        if (s.reachable()) {
            return base;
        }
        return base + " So no proxy can be shown faithful at 5% here: a perfect ranking needs at least "
                + s.setsNeededAlone() + " sets to reach 5% in one test"
                + (s.tests() > 1 ? ", and " + s.setsNeededHolm() + " for " + s.tests() + " tests after Holm." : ".");
    }

    private static String comparedOn(Faithfulness f) {
        if (!f.comparable()) {
            return Fmt.MISSING;
        }
        String sets = Fmt.count(f.sets().size(), "set", "sets") + ", ";
        return switch (f.comparison()) {
            case SEPARATE_RUNS -> sets + seeds(f.proxySeeds(), f.targetSeeds(), " + ");
            case SPLIT_SEEDS ->
                sets + seeds(f.proxySeeds(), f.targetSeeds(), " | ") + ", " + Fmt.count(f.splits(), "split", "splits");
            case SAME_RUNS -> sets + "same runs: optimistic";
        };
    }

    /** The seeds behind each side: {@code 1 seed each}, {@code 2 + 3 seeds}. */
    private static String seeds(long proxy, long target, String separator) {
        return proxy == target
                ? Fmt.count(proxy, "seed", "seeds") + " each"
                : proxy + separator + Fmt.count(target, "seed", "seeds");
    }

    private static String regret(Estimate e) {
        if (!e.defined()) {
            return "undefined";
        }
        String text = String.format(Locale.ROOT, "%.2f", e.value().getAsDouble());
        if (e.mean().isPresent()) {
            text += String.format(
                    Locale.ROOT,
                    " (expected %.2f [%.2f, %.2f])",
                    e.mean().getAsDouble(),
                    e.low().getAsDouble(),
                    e.high().getAsDouble());
        }
        return text;
    }

    private void curves() {
        blocks.add(new Heading(2, "Learning curves: when is the target's ranking visible?", "curves-section"));
        if (analysis.curves().isEmpty()) {
            blocks.add(Paragraph.of("No learning curves: the results carry final accuracies only (or no set besides the"
                    + " baseline has curves)."));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (CurveVisibility c : analysis.curves()) {
            String from;
            if (c.clearPairs() == 0) {
                from = "nothing to match: no pair of sets is ordered beyond the noise at the target";
            } else if (c.visibleFrom().isPresent()) {
                from = "epoch " + c.visibleFrom().getAsInt() + " of " + c.epochs() + " ("
                        + Fmt.percent((double) c.visibleFrom().getAsInt() / c.epochs()) + " of the run)";
            } else {
                from = "never (not even at its final epoch)";
            }
            String compared = switch (c.comparison()) {
                case SEPARATE_RUNS -> "other runs";
                case SPLIT_SEEDS -> "disjoint seed halves, latest of " + Fmt.count(c.splits(), "split", "splits");
                case SAME_RUNS -> "same runs: optimistic";
            };
            rows.add(Row.of(List.of(
                    c.fidelity() + role(c.fidelity()),
                    Integer.toString(c.epochs()),
                    compared,
                    c.clearPairs() + " of " + c.pairs(),
                    from)));
        }
        blocks.add(new Table(
                "curves",
                List.of(
                        "fidelity",
                        "epochs",
                        "compared on",
                        "clear pairs at the target",
                        "keeps the target's clear order from"),
                rows));
        blocks.add(Paragraph.of("The target's final ranking, best first: "
                + String.join(" > ", analysis.curves().get(0).targetRanking())
                + ". A pair of sets is clear when the target's difference lies outside its 95% noise interval; other pairs"
                + " are ties and may come in either order. \"From epoch k\": every epoch from k to the end orders every"
                + " clear pair as the target does. The target's own curves are read on other seeds than its final epoch (with"
                + " one seed they can only be read on the same runs: optimistic)."));
    }
}
