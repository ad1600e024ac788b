package dev.cnnlab.report.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well a proxy's gains match the target's: statistics of two gain vectors over the same
 * candidate sets ({@code x} the proxy's, {@code y} the target's). Every statistic is {@code NaN}
 * where it is undefined, so draws can count such cases.
 */
public final class Agreement {

    /** The statistics a proxy gets an interval for, in report order. */
    public enum Statistic {
        KENDALL("Kendall τ-b", true),
        SPEARMAN("Spearman ρ", true),
        PEARSON("Pearson r", false),
        SIGN("sign agreement", true),
        REGRET("regret (points)", false);

        final String label;
        /** Whether it takes few values (interval ends must be values it can take). */
        final boolean discrete;

        Statistic(String label, boolean discrete) {
            this.label = label;
            this.discrete = discrete;
        }

        boolean correlation() {
            return this == KENDALL || this == SPEARMAN || this == PEARSON;
        }

        /** The statistic of two gain vectors (not REGRET, which needs the baseline). */
        double of(double[] x, double[] y) {
            return switch (this) {
                case KENDALL -> kendall(x, y);
                case SPEARMAN -> spearman(x, y);
                case PEARSON -> pearson(x, y);
                case SIGN -> sign(x, y);
                case REGRET -> throw new IllegalArgumentException("regret needs the sets' means");
            };
        }
    }

    /** Fewest sets besides the baseline for a correlation. */
    public static final int MIN_POINTS = 3;

    private Agreement() {}

    static double kendall(double[] x, double[] y) {
        return correlatable(x, y) ? new KendallsCorrelation().correlation(x, y) : Double.NaN;
    }

    static double spearman(double[] x, double[] y) {
        return correlatable(x, y) ? new SpearmansCorrelation().correlation(x, y) : Double.NaN;
    }

    static double pearson(double[] x, double[] y) {
        return correlatable(x, y) ? new PearsonsCorrelation().correlation(x, y) : Double.NaN;
    }

    /** The share of sets whose keep/drop call (gain above 0) is the same on both. */
    static double sign(double[] x, double[] y) {
        if (x.length == 0) {
            return Double.NaN;
        }
        int agree = 0;
        for (int i = 0; i < x.length; i++) {
            if ((x[i] > 0) == (y[i] > 0)) {
                agree++;
            }
        }
        return (double) agree / x.length;
    }

    /** Why the correlations are undefined on these gains, or null when they are defined. */
    static String correlationProblem(double[] x, double[] y) {
        if (x.length < MIN_POINTS) {
            return "needs at least " + MIN_POINTS + " sets besides the baseline with runs on both, has " + x.length;
        }
        if (constant(x)) {
            return "the proxy's gains are all equal (zero variance)";
        }
        return constant(y) ? "the target's gains are all equal (zero variance)" : null;
    }

    /**
     * Index of the best set: -1 for the baseline (gain 0), else the candidate with the highest
     * gain; the baseline wins ties, then the first listed.
     */
    static int pick(double[] gains) {
        int best = -1;
        double value = 0;
        for (int i = 0; i < gains.length; i++) {
            if (gains[i] > value) {
                best = i;
                value = gains[i];
            }
        }
        return best;
    }

    /** Target points lost by taking candidate {@code pick} (-1: the baseline) instead of the target's best. */
    static double regret(double[] targetGains, int pick) {
        int best = pick(targetGains);
        return gainAt(targetGains, best) - gainAt(targetGains, pick);
    }

    static double gainAt(double[] gains, int index) {
        return index < 0 ? 0 : gains[index];
    }

    /** The set name of a {@link #pick} index. */
    static String name(int index, List<String> candidates, String baseline) {
        return index < 0 ? baseline : candidates.get(index);
    }

    /** The set with the highest mean (the first listed on a tie), as the promotion picks. */
    static String best(java.util.Map<String, Double> means, List<String> sets) {
        String best = sets.get(0);
        for (String set : sets) {
            if (means.get(set) > means.get(best)) {
                best = set;
            }
        }
        return best;
    }

    private static boolean correlatable(double[] x, double[] y) {
        return x.length >= MIN_POINTS && !constant(x) && !constant(y);
    }

    private static boolean constant(double[] values) {
        return Arrays.stream(values).distinct().count() <= 1;
    }
}
