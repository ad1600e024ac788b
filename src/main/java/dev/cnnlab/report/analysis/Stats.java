package dev.cnnlab.report.analysis;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** Distribution functions and small procedures the analysis shares (commons-math3 underneath). */
final class Stats {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Stats() {}

    /** The p-quantile of Student's t with {@code df} degrees of freedom (normal when infinite). */
    static double tQuantile(double p, double df) {
        return Double.isInfinite(df)
                ? NORMAL.inverseCumulativeProbability(p)
                : new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** P(T ≤ x) for Student's t with {@code df} degrees of freedom (normal when infinite). */
    static double tCdf(double x, double df) {
        return Double.isInfinite(df)
                ? NORMAL.cumulativeProbability(x)
                : new TDistribution(null, df).cumulativeProbability(x);
    }

    /**
     * Power of a two-sided paired t-test at level {@code alpha} with {@code n} pairs, for a true
     * mean difference {@code effect} and a per-pair standard deviation {@code sd}: P(|T'| > c) for
     * the noncentral t T' = (Z + δ) / √(W/ν), ν = n - 1, δ = effect √n / sd. Both tails together
     * are P(W < ν (Z + δ)² / c²) = E_Z[F_χ²ν(ν (Z + δ)² / c²)], a smooth integral over the
     * standard normal, taken by Simpson's rule over z in [-10, 10].
     */
    static double pairedTPower(double effect, double sd, int n, double alpha) {
        if (n < 2) {
            return 0;
        }
        int df = n - 1;
        double delta = Math.abs(effect) * Math.sqrt(n) / sd;
        double critical = tQuantile(1 - alpha / 2, df);
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, df);
        int intervals = POWER_INTERVALS;
        double a = -10;
        double h = 20.0 / intervals;
        double sum = 0;
        for (int i = 0; i <= intervals; i++) {
            double z = a + i * h;
            double shifted = z + delta;
            double value =
                    NORMAL.density(z) * chi2.cumulativeProbability(df * shifted * shifted / (critical * critical));
            sum += value * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return Math.min(1, Math.max(0, sum * h / 3));
    }

    /** Simpson intervals for {@link #pairedTPower} (even; a step of 0.02 in z). */
    private static final int POWER_INTERVALS = 1000;

    /**
     * Smallest n (2..{@code max}) whose paired t-test has at least {@code power}; {@code max + 1}
     * when none does.
     */
    static int seedsForPower(double effect, double sd, double alpha, double power, int max) {
        if (effect == 0 || sd <= 0) {
            return effect == 0 ? max + 1 : 2;
        }
        for (int n = 2; n <= max; n++) {
            if (pairedTPower(effect, sd, n, alpha) >= power) {
                return n;
            }
        }
        return max + 1;
    }

    /**
     * Holm's step-down adjustment: adjusted p-values in the input order (NaN stays NaN and does
     * not count as a test).
     */
    static double[] holm(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length)
                .filter(i -> !Double.isNaN(p[i]))
                .boxed()
                .sorted((a, b) -> Double.compare(p[a], p[b]))
                .toArray(Integer[]::new);
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** The q-quantile of sorted values, linear between order statistics (R's type 7), for continuous statistics. */
    static double quantile(double[] sorted, double q) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(sorted, q * 100);
    }

    /**
     * The q-quantile of sorted values as the inverse of the empirical distribution (R's type 1):
     * always one of the values, so a discrete statistic's interval ends are values it can take.
     */
    static double discreteQuantile(double[] sorted, double q) {
        return new Percentile().withEstimationType(EstimationType.R_1).evaluate(sorted, q * 100);
    }
}
