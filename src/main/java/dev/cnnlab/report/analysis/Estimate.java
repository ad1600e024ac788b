package dev.cnnlab.report.analysis;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A statistic's value on the observed data with a 95% interval, or the reason it cannot be
 * computed.
 *
 * @param value the statistic on the observed data, when defined
 * @param low the interval's lower end
 * @param high its upper end
 * @param mean mean over the draws (for a 0/1 statistic: the probability that it holds), when drawn
 * @param undefinedShare fraction of draws in which it is undefined (zero variance and the like)
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

    /** A value with an interval computed in closed form (no draws). */
    static Estimate interval(double value, double low, double high) {
        return new Estimate(
                OptionalDouble.of(value),
                OptionalDouble.of(low),
                OptionalDouble.of(high),
                OptionalDouble.empty(),
                0,
                null);
    }

    /**
     * The observed value with the 2.5% and 97.5% quantiles of its draws ({@code NaN} = undefined in
     * that draw). A {@code discrete} statistic (a rank correlation, a share of sets) takes the
     * empirical quantiles (R's type 1), so its ends are values it can take; a continuous one
     * interpolates (type 7).
     */
    static Estimate of(double observed, String reasonIfNaN, double[] drawn, boolean discrete) {
        if (Double.isNaN(observed)) {
            return undefined(reasonIfNaN);
        }
        double[] defined =
                Arrays.stream(drawn).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double undefinedShare = drawn.length == 0 ? 0 : 1 - (double) defined.length / drawn.length;
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
                OptionalDouble.of(discrete ? Stats.discreteQuantile(defined, 0.025) : Stats.quantile(defined, 0.025)),
                OptionalDouble.of(discrete ? Stats.discreteQuantile(defined, 0.975) : Stats.quantile(defined, 0.975)),
                Arrays.stream(defined).average(),
                undefinedShare,
                null);
    }

    /** Whether the observed value exists. */
    public boolean defined() {
        return value.isPresent();
    }

    /** Whether the interval exists and lies wholly above {@code threshold}. */
    public boolean lowAbove(double threshold) {
        return low.isPresent() && low.getAsDouble() > threshold;
    }
}
