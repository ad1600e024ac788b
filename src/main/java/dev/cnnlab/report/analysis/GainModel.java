package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Every gain of a study with its noise, and draws from that noise for the statistics built on
 * gains (rank correlations, top-1, regret).
 *
 * <p>A gain's standard error is {@code sqrt(v / n)}: {@code v} the {@link VarianceModel}'s fitted
 * variance of one seed's paired difference, {@code n} its seeds. Intervals use Student's t with
 * the model's effective degrees of freedom. Unpaired gains (seeds that do not match) use the
 * pooled per-run noise of {@link NoiseModel} instead: {@code s² (1/n_set + 1/n_baseline)}.
 *
 * <p>Draws: each gain of a view is drawn as {@code observed + se × t_df}, independently of the
 * others, {@link #RESAMPLES} times from a fixed RNG seed per view (so a report re-renders to the
 * byte, and every proxy meets the same target draws). The gains of one fidelity share its
 * baseline and so are positively correlated; drawing them independently spreads differences
 * between sets more than the truth does, so intervals of rank statistics are conservative.
 * Seeds are not resampled directly: with 2 or 3 seeds a seed bootstrap has 3 or 10 distinct
 * resamples and under-covers (about 78% for 95% intervals in simulation).
 */
public final class GainModel {

    /** Draws per statistic. */
    public static final int RESAMPLES = 2000;
    /** The RNG seed: fixed, so a report is reproducible. */
    public static final long RNG_SEED = 20_261_201L;

    /**
     * The noise of one gain.
     *
     * @param se standard error, points
     * @param df degrees of freedom of the t distribution (infinite for an assumed noise level)
     * @param source where its variance comes from
     */
    record Noise(double se, double df, VarianceModel.Source source) {

        /** Student's t (or normal) quantile for a two-sided 95% interval. */
        double critical95() {
            return Stats.tQuantile(0.975, df);
        }
    }

    private final Evidence evidence;
    private final NoiseModel cellNoise;
    private final VarianceModel variance;
    private final int resamples;
    private final long rngSeed;
    private final Map<String, Optional<GainView>> views = new HashMap<>();
    private final Map<String, Map<String, Noise>> noise = new HashMap<>();
    private final Map<String, Map<String, double[]>> draws = new HashMap<>();

    GainModel(Evidence evidence) {
        this(evidence, RESAMPLES, RNG_SEED);
    }

    GainModel(Evidence evidence, int resamples, long rngSeed) {
        this.evidence = evidence;
        this.cellNoise = NoiseModel.of(evidence);
        this.resamples = resamples;
        this.rngSeed = rngSeed;
        List<VarianceModel.Entry> entries = new ArrayList<>();
        for (String fidelity : evidence.fidelityNames()) {
            view(fidelity, 0, Set.of()).ifPresent(v -> entries.addAll(entries(v)));
        }
        double assumed = 2 * NoiseModel.ASSUMED_STD * NoiseModel.ASSUMED_STD;
        this.variance = VarianceModel.fit(entries, assumed);
    }

    Evidence evidence() {
        return evidence;
    }

    int resamples() {
        return resamples;
    }

    VarianceModel variance() {
        return variance;
    }

    NoiseModel cellNoise() {
        return cellNoise;
    }

    /** The view of a fidelity at an epoch over some seeds (empty set: all), cached. */
    Optional<GainView> view(String fidelity, int epoch, Set<Long> seeds) {
        return views.computeIfAbsent(key(fidelity, epoch, seeds), k -> GainView.of(evidence, fidelity, epoch, seeds));
    }

    /** The noise of every gain of a view. */
    Map<String, Noise> noise(GainView view) {
        return noise.computeIfAbsent(key(view), k -> computeNoise(view));
    }

    /** The {@code resamples} draws of each gain of a view. */
    Map<String, double[]> draws(GainView view) {
        return draws.computeIfAbsent(key(view), k -> computeDraws(view));
    }

    private Map<String, Noise> computeNoise(GainView view) {
        Map<String, VarianceModel.Fitted> fitted;
        if (view.epoch() == 0) {
            fitted = new LinkedHashMap<>();
            for (String set : view.gains().keySet()) {
                fitted.put(set, variance.fitted(view.fidelity(), set));
            }
        } else {
            fitted = variance.extraRow(entries(view));
        }
        Map<String, Noise> out = new LinkedHashMap<>();
        for (GainView.Gain g : view.gains().values()) {
            if (g.paired()) {
                VarianceModel.Fitted f = fitted.get(g.set());
                out.put(g.set(), new Noise(Math.sqrt(f.variance() / g.n()), f.df(), f.source()));
            } else {
                double s2 = cellNoise.std() * cellNoise.std();
                out.put(
                        g.set(),
                        new Noise(
                                Math.sqrt(s2 * (1.0 / g.setRuns() + 1.0 / g.baselineRuns())),
                                cellNoise.measured() ? cellNoise.degreesOfFreedom() : Double.POSITIVE_INFINITY,
                                cellNoise.measured() ? VarianceModel.Source.POOLED : VarianceModel.Source.ASSUMED));
            }
        }
        return out;
    }

    private Map<String, double[]> computeDraws(GainView view) {
        Map<String, Noise> noises = noise(view);
        Well19937c random = new Well19937c(rngSeed ^ key(view).hashCode());
        Map<String, double[]> out = new LinkedHashMap<>();
        for (GainView.Gain g : view.gains().values()) {
            Noise n = noises.get(g.set());
            GammaDistribution chi2 = Double.isInfinite(n.df()) ? null : new GammaDistribution(random, n.df() / 2, 2);
            double[] values = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                double t = random.nextGaussian();
                if (chi2 != null) {
                    t /= Math.sqrt(chi2.sample() / n.df());
                }
                values[b] = g.mean() + n.se() * t;
            }
            out.put(g.set(), values);
        }
        return out;
    }

    private static List<VarianceModel.Entry> entries(GainView view) {
        List<VarianceModel.Entry> out = new ArrayList<>();
        for (GainView.Gain g : view.gains().values()) {
            if (g.paired()) {
                out.add(new VarianceModel.Entry(view.row(), g.set(), g.ownDf() > 0 ? g.ownVariance() : 0, g.ownDf()));
            }
        }
        return out;
    }

    private static String key(GainView view) {
        return key(view.fidelity(), view.epoch(), view.seeds());
    }

    private static String key(String fidelity, int epoch, Set<Long> seeds) {
        return fidelity + "@" + epoch + "|" + new java.util.TreeSet<>(seeds);
    }
}
