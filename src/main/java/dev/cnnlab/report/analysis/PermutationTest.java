package dev.cnnlab.report.analysis;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * One-sided permutation p-values for "the proxy's gains rank the sets as the target's do": the
 * share of relabellings of the proxy's sets whose statistic is at least the observed one. The
 * null hypothesis is that the proxy's gains carry no information on the target's (their set
 * labels are exchangeable). With T sets there are T! relabellings, so the smallest p-value is
 * {@code (ties of the best) / T!}: 1/6 for 3 sets, 1/24 for 4.
 *
 * <p>Exact (every relabelling) up to {@link #EXACT_MAX_SETS} sets; above that, {@link #DRAWS}
 * random relabellings from a fixed seed, with p = (1 + hits) / (1 + draws), which is a valid
 * p-value. Where a proxy is judged over several seed splits, the statistic is the mean over the
 * splits and every split is relabelled alike, which keeps the test exact.
 */
public final class PermutationTest {

    /** Largest number of sets for which every permutation is enumerated (8! = 40,320). */
    public static final int EXACT_MAX_SETS = 8;
    /** Random relabellings above that. */
    public static final int DRAWS = 20_000;

    private static final double TOLERANCE = 1e-9;

    /**
     * A p-value and how it was obtained.
     *
     * @param p the one-sided p-value
     * @param exact whether every relabelling was enumerated
     * @param relabellings how many were evaluated
     * @param smallest the smallest p-value this number of sets allows
     */
    public record Result(double p, boolean exact, long relabellings, double smallest) {}

    private PermutationTest() {}

    /**
     * The p-value of the mean over {@code pairs} of {@code statistic(proxy, target)}.
     *
     * @param pairs per split: the proxy's gains and the target's gains, over the same sets in the same order
     */
    static Result of(List<double[][]> pairs, ToDoubleBiFunction<double[], double[]> statistic) {
        int t = pairs.get(0)[0].length;
        double observed = mean(pairs, statistic, identity(t));
        if (Double.isNaN(observed)) {
            return new Result(Double.NaN, true, 0, smallest(t));
        }
        if (t <= EXACT_MAX_SETS) {
            long[] counts = new long[2];
            permute(identity(t), t, permutation -> {
                counts[0]++;
                if (mean(pairs, statistic, permutation) >= observed - TOLERANCE) {
                    counts[1]++;
                }
            });
            return new Result((double) counts[1] / counts[0], true, counts[0], smallest(t));
        }
        SplittableRandom random = new SplittableRandom(GainModel.RNG_SEED);
        int hits = 0;
        for (int d = 0; d < DRAWS; d++) {
            int[] permutation = identity(t);
            for (int i = t - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            if (mean(pairs, statistic, permutation) >= observed - TOLERANCE) {
                hits++;
            }
        }
        return new Result((1.0 + hits) / (1.0 + DRAWS), false, DRAWS, smallest(t));
    }

    /** The smallest one-sided p-value with {@code sets} sets and no ties: 1 / sets!. */
    static double smallest(int sets) {
        return 1 / factorial(sets);
    }

    /** The fewest sets for which a perfect ranking reaches {@code alpha} ({@code tests} tests, Holm). */
    static int setsNeeded(double alpha, int tests) {
        int t = 2;
        while (Math.max(1, tests) * smallest(t) > alpha) {
            t++;
        }
        return t;
    }

    public static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private static double mean(
            List<double[][]> pairs, ToDoubleBiFunction<double[], double[]> statistic, int[] permutation) {
        double sum = 0;
        for (double[][] pair : pairs) {
            double[] x = new double[permutation.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = pair[0][permutation[i]];
            }
            sum += statistic.applyAsDouble(x, pair[1]);
        }
        return sum / pairs.size();
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** Heap's algorithm: calls {@code visit} once with every permutation of {@code a[0..k)}. */
    private static void permute(int[] a, int k, java.util.function.Consumer<int[]> visit) {
        int[] c = new int[k];
        visit.accept(a);
        int i = 0;
        while (i < k) {
            if (c[i] < i) {
                int j = i % 2 == 0 ? 0 : c[i];
                int swap = a[j];
                a[j] = a[i];
                a[i] = swap;
                visit.accept(a);
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
    }
}
