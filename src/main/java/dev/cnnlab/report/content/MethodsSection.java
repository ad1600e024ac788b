package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.Agreement;
import dev.cnnlab.report.analysis.Faithfulness;
import dev.cnnlab.report.analysis.GainEstimate;
import dev.cnnlab.report.analysis.GainModel;
import dev.cnnlab.report.analysis.NoiseModel;
import dev.cnnlab.report.analysis.PermutationTest;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.analysis.VarianceModel;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Heading;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

/**
 * How every figure was obtained: what was resampled, what was assumed, which p-values are exact,
 * and how many sets and seeds each rests on; then what the design cannot tell and what would.
 */
final class MethodsSection {

    private final StudyAnalysis analysis;

    MethodsSection(StudyAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Methods", "methods-section"));
        List<String> items = new ArrayList<>();
        items.add(gains());
        items.add(noise());
        items.add(
                "Intervals of gains: the gain ± t(0.975, df) × its standard error, with the effective degrees of"
                        + " freedom above; P(>0) is the same t distribution's mass above 0 (a flat prior). Seeds needed: the"
                        + " smallest n whose two-sided 5% paired t-test has 80% power (noncentral t, n − 1 df, integrated"
                        + " numerically) for a true gain at each end of the interval, with the noise of one seed's difference.");
        items.add("Faithfulness intervals: " + GainModel.RESAMPLES + " draws of every gain (observed + standard error"
                + " × a Student-t draw with its df; fixed RNG seed " + GainModel.RNG_SEED + ", so a re-render is"
                + " identical), each statistic computed on each draw. Gains of one fidelity are drawn independently,"
                + " which ignores the positive correlation their shared baseline gives them: differences between sets"
                + " spread more than they do, so rank statistics' intervals are conservative. Kendall τ, Spearman ρ and"
                + " sign agreement take few values: their interval ends are draws (R's quantile type 1), values the"
                + " statistic can take. Regret's interval and expectation: the target's draws against the proxy's"
                + " observed pick; P(top-1): the share of the target's draws whose best set is that pick.");
        items.add(pValues());
        items.add("Learning-curve proxies of the target read the target's own runs, so they are judged on disjoint"
                + " seeds: the epoch-k gains from one half of the seeds, the final gains from the other, every statistic"
                + " averaged over the splits (every split, up to " + Faithfulness.MAX_SPLITS + "); their intervals use"
                + " one split per draw (conservative). With one seed they are marked “same runs: optimistic”. Learning"
                + " curves of other fidelities are other runs. The learning-curve table uses the same halves, and"
                + " treats pairs of sets whose target difference lies inside its 95% interval as ties.");
        items.add(counts());
        items.add("Assumptions: seeds are independent; a run's seed noise is normal; the variance of a paired"
                + " difference is a view factor × a set factor (no interaction); under the null hypothesis of a"
                + " permutation test the proxy's set labels are exchangeable. The study's fidelities and sets are"
                + " those chosen; nothing here generalises to other techniques.");
        items.add(cannotTell());
        blocks.add(new Bullets(items));
        return blocks;
    }

    private String gains() {
        long paired = analysis.gains().stream().filter(GainEstimate::paired).count();
        int total = analysis.gains().size();
        String share = total == 1
                ? (paired == 1 ? "the final-epoch gain is" : "the final-epoch gain is not")
                : paired + " of " + total + " final-epoch gains " + (paired == 1 ? "is" : "are");
        return "Gains: " + share + " paired by seed (a set and the baseline"
                + " trained with the same seed see the same data order and augmentation draws, so the mean of the per-seed"
                + " differences removes that shared noise)"
                + (paired < total
                        ? "; the others are unpaired (the difference of the two cells' means, with the pooled per-run"
                                + " noise), since their seeds do not match yet"
                        : "")
                + (analysis.gains().stream().allMatch(g -> g.n() == 1)
                        ? ". With one seed per cell pairing changes nothing; for results cnnlab did not train, it helps only"
                                + " where equal seed numbers mean shared randomness."
                        : ". Seeds are not resampled (2 or 3 seeds give only 3 or 10 distinct resamples): the noise model"
                                + " below carries the uncertainty.");
    }

    private String noise() {
        VarianceModel v = analysis.variance();
        if (!v.measured()) {
            return String.format(
                    Locale.ROOT,
                    "Noise: ASSUMED. No cell has two seeds, so the noise cannot be measured; every interval uses a"
                            + " per-run standard deviation of %s points (a typical seed-to-seed spread of a ResNet's final"
                            + " CIFAR-100 top-1), no seed correlation, and the normal distribution. Run 2 or more seeds to"
                            + " measure it.",
                    Fmt.number(NoiseModel.ASSUMED_STD));
        }
        DoubleSummaryStatistics df = analysis.gains().stream()
                .filter(GainEstimate::paired)
                .mapToDouble(GainEstimate::df)
                .summaryStatistics();
        String range = df.getCount() == 0
                ? ""
                : df.getMin() == df.getMax()
                        ? " Effective degrees of freedom: " + Fmt.df(df.getMin()) + "."
                        : " Effective degrees of freedom: " + Fmt.df(df.getMin()) + " to " + Fmt.df(df.getMax()) + ".";
        String weights = v.fits().stream()
                .map(f -> f.structure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                        + String.format(Locale.ROOT, "%.2f", f.weight()))
                .collect(java.util.stream.Collectors.joining(", "));
        return "Noise, partially pooled: the variance of one seed's paired difference is modelled four ways (one"
                + " variance for every gain; a factor per view, i.e. a fidelity's final epoch or one epoch of its curve;"
                + " a factor per technique set; both, multiplied), each fitted by maximum likelihood to the gains' own"
                + " variances (" + v.totalDf() + " degrees of freedom in all), and averaged with Akaike weights ("
                + weights
                + "). Equal noise is thus pooled over the study, while a noisier set or fidelity keeps its own level. A"
                + " gain with " + (VarianceModel.OWN_DF_ENOUGH + 1) + " or more seeds uses its own variance instead."
                + " Simulated 95% coverage with 2 to 10 seeds, equal or unequal noise: 93-97%." + range;
    }

    private String pValues() {
        StudyAnalysis.Significance s = analysis.significance();
        boolean allExact = analysis.faithfulness().stream()
                .filter(Faithfulness::comparable)
                .allMatch(f -> f.kendallTest().exact());
        return "p-values: one-sided permutation tests of Kendall τ-b and Spearman ρ (ties handled by the statistics"
                + " themselves), H0: the proxy's gains carry no information on the target's. "
                + (allExact
                        ? "Exact: every relabelling of the sets is enumerated."
                        : "Exact up to " + PermutationTest.EXACT_MAX_SETS + " sets; above that " + PermutationTest.DRAWS
                                + " random relabellings, p = (1 + hits) / (1 + draws).")
                + " Holm's step-down correction over the " + Fmt.count(s.tests(), "proxy", "proxies")
                + " tested (Kendall's p), since the"
                + " report picks the best of them. Rows compared with their own runs are not tested.";
    }

    private String counts() {
        StudyAnalysis.Significance s = analysis.significance();
        int maxSeeds = analysis.gains().stream().mapToInt(GainEstimate::n).max().orElse(0);
        int minSeeds = analysis.gains().stream().mapToInt(GainEstimate::n).min().orElse(0);
        return "What each figure rests on: every correlation on " + Fmt.count(s.sets(), "set", "sets")
                + " besides the baseline (the"
                + " “compared on” column gives the seeds of each side); every gain on "
                + (minSeeds == maxSeeds ? minSeeds : minSeeds + " to " + maxSeeds) + " seed"
                + (maxSeeds == 1 ? "" : "s") + "; "
                + Fmt.count(analysis.evidence().observations().size(), "run", "runs") + " in all.";
    }

    private String cannotTell() {
        StudyAnalysis.Significance s = analysis.significance();
        List<String> parts = new ArrayList<>();
        if (!s.reachable() && s.sets() >= Agreement.MIN_POINTS) {
            parts.add("whether any proxy is faithful beyond chance: " + s.sets() + " sets cannot reach 5% ("
                    + s.setsNeededHolm() + " sets would, with a perfect ranking, for "
                    + Fmt.count(s.tests(), "proxy", "proxies") + ")");
        }
        if (!analysis.variance().measured()) {
            parts.add("how large the seed noise is: 2 or more seeds per cell would measure it");
        } else if (analysis.gains().stream().anyMatch(g -> g.df() < 4)) {
            parts.add("a set-and-fidelity-specific noise (an interaction), which the pooled model cannot see: 5 or"
                    + " more seeds per cell would let each gain's own variance speak");
        }
        parts.add("whether these findings hold for other techniques, data or scales than the ones trained");
        return "What this study cannot tell: " + String.join("; ", parts) + ".";
    }
}
