package dev.cnnlab.report;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A statistic's value on the observed data with a 95% bootstrap percentile interval, or the
 * reason it cannot be computed.
 *
 * @param value the statistic on the observed means, when defined
 * @param low 2.5th percentile over the resamples where it is defined
 * @param high 97.5th percentile over the same resamples
 * @param mean mean over those resamples (for a 0/1 statistic: the probability that it holds)
 * @param undefinedShare fraction of resamples in which it is undefined (zero variance and the like)
 * @param undefinedReason why the observed value is undefined, or null when defined
 */
public record Estimate(
        OptionalDouble value,
        OptionalDouble low,
        OptionalDouble high,
        OptionalDouble mean,
        double undefinedShare,
        String undefinedReason) {

    /** An estimate that cannot be computed at all. */
    static Estimate undefined(String reason) {
        return new Estimate(
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                1,
                reason);
    }

    /**
     * The observed value with the interval of the resampled values ({@code NaN} = undefined in
     * that resample).
     */
    static Estimate of(double observed, String reasonIfNaN, double[] resampled) {
        if (Double.isNaN(observed)) {
            return undefined(reasonIfNaN);
        }
        double[] defined =
                Arrays.stream(resampled).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double undefinedShare = 1 - (double) defined.length / resampled.length;
        if (defined.length == 0) {
            return new Estimate(
                    OptionalDouble.of(observed),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    undefinedShare,
                    null);
        }
        return new Estimate(
                OptionalDouble.of(observed),
                OptionalDouble.of(quantile(defined, 0.025)),
                OptionalDouble.of(quantile(defined, 0.975)),
                Arrays.stream(defined).average(),
                undefinedShare,
                null);
    }

    /** Whether the observed value exists. */
    public boolean defined() {
        return value.isPresent();
    }

    /** The q-quantile of sorted values, linear between order statistics (R's type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
