package dev.cnnlab.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Resamples the seeds of every (fidelity, set) cell with replacement, {@link #RESAMPLES} times
 * from a fixed RNG seed, so every statistic gets an interval and a re-rendered report is the
 * same to the byte.
 *
 * <p>A cell with n >= 2 seeds draws n of its runs with replacement; the drawn values are spread
 * about the cell mean by sqrt(n / (n - 1)), the usual small-sample correction that makes a
 * resampled mean's variance s^2/n instead of (n-1)/n * s^2/n (without it two seeds give
 * intervals far too narrow). A cell with a single seed cannot be resampled: its value gets a
 * normal draw of the {@link NoiseModel}'s standard deviation instead (measured or assumed, and
 * labelled as such). The same draw is used at every epoch of a cell, so a learning-curve proxy
 * and the final value of the same runs stay paired.
 */
final class SeedBootstrap {

    /** Resamples per statistic. */
    static final int RESAMPLES = 2000;
    /** The RNG seed: fixed, so a report is reproducible. */
    static final long RNG_SEED = 20_261_201L;

    private final NoiseModel noise;
    private final int resamples;
    /** Per cell key, per resample: the drawn run indices (n >= 2) or one standard-normal draw (n = 1). */
    private final Map<String, int[][]> indices = new HashMap<>();
    private final Map<String, double[]> normals = new HashMap<>();
    private final Map<String, List<Evidence.Observation>> cells = new HashMap<>();

    SeedBootstrap(Evidence evidence, NoiseModel noise) {
        this(evidence, noise, RESAMPLES, RNG_SEED);
    }

    SeedBootstrap(Evidence evidence, NoiseModel noise, int resamples, long rngSeed) {
        this.noise = noise;
        this.resamples = resamples;
        SplittableRandom random = new SplittableRandom(rngSeed);
        for (String fidelity : evidence.fidelityNames()) {
            for (String set : evidence.sets()) {
                String key = key(fidelity, set);
                cells.put(key, evidence.cell(fidelity, set));
                int n = cells.get(key).size();
                if (n >= 2) {
                    int[][] drawn = new int[resamples][n];
                    for (int b = 0; b < resamples; b++) {
                        for (int i = 0; i < n; i++) {
                            drawn[b][i] = random.nextInt(n);
                        }
                    }
                    indices.put(key, drawn);
                } else if (n == 1) {
                    double[] z = new double[resamples];
                    for (int b = 0; b < resamples; b++) {
                        z[b] = random.nextGaussian();
                    }
                    normals.put(key, z);
                }
            }
        }
    }

    int resamples() {
        return resamples;
    }

    NoiseModel noise() {
        return noise;
    }

    /** Whether every cell with runs has two or more seeds (a pure seed bootstrap, nothing assumed or pooled). */
    boolean pureSeedBootstrap() {
        return normals.isEmpty();
    }

    /** Whether any cell has a single seed (its interval comes from the noise model). */
    boolean usesNoiseModel() {
        return !normals.isEmpty();
    }

    /** Whether the cell has runs with values at {@code epoch} (0 = final). */
    boolean has(String fidelity, String set, int epoch) {
        List<Evidence.Observation> runs = runs(fidelity, set);
        return !runs.isEmpty() && (epoch == 0 || runs.stream().allMatch(o -> o.curve().size() >= epoch));
    }

    /** The observed mean of a cell at {@code epoch}. */
    double observedMean(String fidelity, String set, int epoch) {
        return runs(fidelity, set).stream().mapToDouble(o -> o.top1At(epoch)).average().orElseThrow();
    }

    /** The cell's mean in resample {@code b}. */
    double resampledMean(int b, String fidelity, String set, int epoch) {
        String key = key(fidelity, set);
        List<Evidence.Observation> runs = cells.get(key);
        int n = runs.size();
        if (n == 1) {
            return runs.get(0).top1At(epoch) + noise.std() * normals.get(key)[b];
        }
        double mean = observedMean(fidelity, set, epoch);
        double spread = Math.sqrt((double) n / (n - 1));
        double sum = 0;
        for (int i : indices.get(key)[b]) {
            sum += mean + (runs.get(i).top1At(epoch) - mean) * spread;
        }
        return sum / n;
    }

    private List<Evidence.Observation> runs(String fidelity, String set) {
        return cells.getOrDefault(key(fidelity, set), List.of());
    }

    private static String key(String fidelity, String set) {
        return fidelity + "\u0000" + set;
    }
}
