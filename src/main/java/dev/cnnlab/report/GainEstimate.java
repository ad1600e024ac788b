package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A technique set's gain over the baseline at one fidelity, with its bootstrap interval, the
 * probability that it is positive, and the seeds per cell needed to tell a gain of its size from
 * zero.
 *
 * @param fidelity the fidelity
 * @param set the technique set
 * @param gain the gain in points, with its interval
 * @param probabilityPositive share of resamples in which the gain is above zero
 * @param seedsNeeded seeds per cell for a two-sided 5% test to detect a gain of this size with
 *     80% power, given the noise model (empty for a zero gain)
 */
public record GainEstimate(
        String fidelity, String set, Estimate gain, double probabilityPositive, OptionalInt seedsNeeded) {

    /** z for a two-sided 5% test plus z for 80% power. */
    private static final double Z_SUM = 1.959964 + 0.841621;

    /** Every gain of every fidelity with runs of the set and the baseline. */
    static List<GainEstimate> all(Evidence evidence, SeedBootstrap bootstrap) {
        List<GainEstimate> gains = new ArrayList<>();
        for (String fidelity : evidence.fidelityNames()) {
            if (!bootstrap.has(fidelity, evidence.baseline(), 0)) {
                continue;
            }
            for (String set : evidence.candidates()) {
                if (bootstrap.has(fidelity, set, 0)) {
                    gains.add(of(fidelity, set, evidence.baseline(), bootstrap));
                }
            }
        }
        return List.copyOf(gains);
    }

    private static GainEstimate of(String fidelity, String set, String baseline, SeedBootstrap bootstrap) {
        double observed = bootstrap.observedMean(fidelity, set, 0) - bootstrap.observedMean(fidelity, baseline, 0);
        double[] resampled = new double[bootstrap.resamples()];
        int positive = 0;
        for (int b = 0; b < resampled.length; b++) {
            resampled[b] =
                    bootstrap.resampledMean(b, fidelity, set, 0) - bootstrap.resampledMean(b, fidelity, baseline, 0);
            if (resampled[b] > 0) {
                positive++;
            }
        }
        return new GainEstimate(
                fidelity,
                set,
                Estimate.of(observed, "undefined", resampled),
                (double) positive / resampled.length,
                seedsNeeded(observed, bootstrap.noise().std()));
    }

    /** n per cell with 2 * (z_a + z_b)^2 * sigma^2 / gain^2 (a difference of two means of n runs each). */
    static OptionalInt seedsNeeded(double gain, double std) {
        if (gain == 0) {
            return OptionalInt.empty();
        }
        double n = 2 * Z_SUM * Z_SUM * std * std / (gain * gain);
        return OptionalInt.of((int) Math.max(2, Math.ceil(n)));
    }
}
