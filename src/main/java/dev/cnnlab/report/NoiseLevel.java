package dev.cnnlab.report;

import java.util.Collection;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How big a gain must be before it stands out from seed-to-seed noise.
 *
 * <p>With repeated seeds the noise is measured: the pooled sample standard deviation {@code s}
 * of the cells that have at least two finished seeds. A gain is a difference of two means of
 * {@code n} seeds each, so its standard error is {@code s * sqrt(2 / n)}; the threshold is two
 * standard errors. With one seed per cell nothing can be measured, and the threshold is an
 * assumption ({@link #ASSUMED_SINGLE_SEED} points), stated as such.
 *
 * @param threshold gains within +-threshold points are indistinguishable from noise
 * @param pooledStd measured pooled seed std, when measured
 * @param cells cells the std was pooled over (0 when assumed)
 * @param seedsPerMean seeds behind each mean
 */
public record NoiseLevel(double threshold, OptionalDouble pooledStd, int cells, int seedsPerMean) {

    /** Assumed noise of a single-seed gain on CIFAR-100, in points. */
    public static final double ASSUMED_SINGLE_SEED = 0.5;

    /** The noise level from the stats of every (model, set) cell. */
    public static NoiseLevel of(Collection<SeedStats> cells, int seedsPerMean) {
        double sum = 0;
        int count = 0;
        for (SeedStats stats : cells) {
            OptionalDouble variance = stats.variance();
            if (variance.isPresent()) {
                sum += variance.getAsDouble();
                count++;
            }
        }
        if (count == 0 || seedsPerMean < 2) {
            return new NoiseLevel(ASSUMED_SINGLE_SEED, OptionalDouble.empty(), 0, Math.max(1, seedsPerMean));
        }
        double pooled = Math.sqrt(sum / count);
        double standardError = pooled * Math.sqrt(2.0 / seedsPerMean);
        return new NoiseLevel(2 * standardError, OptionalDouble.of(pooled), count, seedsPerMean);
    }

    /** Whether a gain (or a difference) is within the noise. */
    public boolean withinNoise(double difference) {
        return Math.abs(difference) <= threshold;
    }

    /** One or two sentences saying what the noise level is and where it comes from. */
    public String explanation() {
        if (pooledStd.isEmpty()) {
            return String.format(Locale.ROOT, "One seed per cell: seed-to-seed noise cannot be measured, so gains within "
                    + "about ±%.1f points are indistinguishable from noise (an assumption, not a measurement: "
                    + "run more seeds to measure it).", threshold);
        }
        double s = pooledStd.getAsDouble();
        return String.format(Locale.ROOT, "Measured noise: the pooled seed-to-seed standard deviation is %.2f points "
                + "(over %d cells with at least 2 finished seeds). A gain is a difference of two means of %d seeds, "
                + "so its standard error is about %.2f × √(2/%d) = %.2f points; gains within ±%.2f points "
                + "(two standard errors) are indistinguishable from noise.",
                s, cells, seedsPerMean, s, seedsPerMean, threshold / 2, threshold);
    }
}
