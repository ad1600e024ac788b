package dev.cnnlab.report;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Distribution functions and small procedures the analysis shares (commons-math3 underneath). */
final class Stats {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Stats() {}

    /** The p-quantile of Student's t with {@code df} degrees of freedom (normal when infinite). */
    static double tQuantile(double p, double df) {
        return Double.isInfinite(df) ? NORMAL.inverseCumulativeProbability(p) : new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    /** P(T ≤ x) for Student's t with {@code df} degrees of freedom (normal when infinite). */
    static double tCdf(double x, double df) {
        return Double.isInfinite(df) ? NORMAL.cumulativeProbability(x) : new TDistribution(null, df).cumulativeProbability(x);
    }

    /**
     * Power of a two-sided paired t-test at level {@code alpha} with {@code n} pairs, for a true
     * mean difference {@code effect} and a per-pair standard deviation {@code sd}: P(|T'| > t_crit)
     * for the noncentral t with n - 1 degrees of freedom and noncentrality effect √n / sd,
     * integrated over the chi-square of the variance estimate.
     */
    static double pairedTPower(double effect, double sd, int n, double alpha) {
        if (n < 2) {
            return 0;
        }
        int df = n - 1;
        double delta = Math.abs(effect) * Math.sqrt(n) / sd;
        double critical = tQuantile(1 - alpha / 2, df);
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, df);
        // P(reject | W = w) = Φ(δ - c √(w/df)) + Φ(-δ - c √(w/df)); integrate over W's density
        double upper = chi2.inverseCumulativeProbability(1 - 1e-10);
        double lower = df <= 2 ? 0 : chi2.inverseCumulativeProbability(1e-10);
        org.apache.commons.math3.analysis.UnivariateFunction f = w -> {
            double density = w <= 0 && df < 2 ? 0 : chi2.density(w);
            double scale = critical * Math.sqrt(w / df);
            return density * (NORMAL.cumulativeProbability(delta - scale) + NORMAL.cumulativeProbability(-delta - scale));
        };
        if (df <= 2) {
            // the density is unbounded (df = 1) or steep at 0: integrate in √w instead, w = u²
            org.apache.commons.math3.analysis.UnivariateFunction g = u -> 2 * u * f.value(u * u);
            return integrate(g, 0, Math.sqrt(upper));
        }
        return integrate(f, lower, upper);
    }

    private static double integrate(org.apache.commons.math3.analysis.UnivariateFunction f, double a, double b) {
        // split the range so each piece is smooth enough for Simpson's rule
        int pieces = 64;
        double step = (b - a) / pieces;
        double sum = 0;
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-9, 1e-12, 3, 20);
        for (int i = 0; i < pieces; i++) {
            sum += simpson.integrate(1_000_000, f, a + i * step, a + (i + 1) * step);
        }
        return Math.min(1, Math.max(0, sum));
    }

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
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The q-quantile of sorted values as the inverse of the empirical distribution (R's type 1):
     * always one of the values, so a discrete statistic's interval ends are values it can take.
     */
    static double discreteQuantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Mean of a list. */
    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
