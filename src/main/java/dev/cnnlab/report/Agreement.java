package dev.cnnlab.report;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * How well a proxy's gains match the target's, from the two fidelities' mean top-1 per set.
 * Every statistic is {@code NaN} where it is undefined, so the bootstrap can count such resamples.
 */
final class Agreement {

    /** The statistics, in report order. */
    enum Statistic {
        KENDALL("Kendall τ-b"),
        SPEARMAN("Spearman ρ"),
        PEARSON("Pearson r"),
        SIGN("sign agreement"),
        TOP1("top-1 agreement"),
        REGRET("regret (points)");

        final String label;

        Statistic(String label) {
            this.label = label;
        }

        boolean correlation() {
            return this == KENDALL || this == SPEARMAN || this == PEARSON;
        }
    }

    /** Fewest sets besides the baseline for a correlation. */
    static final int MIN_POINTS = 3;

    private Agreement() {}

    /**
     * The statistics over {@code sets} (the baseline among them, every set present in both maps).
     *
     * @return values indexed by {@link Statistic#ordinal()}
     */
    static double[] of(Map<String, Double> proxy, Map<String, Double> target, List<String> sets, String baseline) {
        List<String> candidates = sets.stream().filter(s -> !s.equals(baseline)).toList();
        double[] x = candidates.stream()
                .mapToDouble(s -> proxy.get(s) - proxy.get(baseline))
                .toArray();
        double[] y = candidates.stream()
                .mapToDouble(s -> target.get(s) - target.get(baseline))
                .toArray();
        double[] out = new double[Statistic.values().length];
        boolean correlatable = x.length >= MIN_POINTS && !constant(x) && !constant(y);
        out[Statistic.KENDALL.ordinal()] = correlatable ? new KendallsCorrelation().correlation(x, y) : Double.NaN;
        out[Statistic.SPEARMAN.ordinal()] = correlatable ? new SpearmansCorrelation().correlation(x, y) : Double.NaN;
        out[Statistic.PEARSON.ordinal()] = correlatable ? new PearsonsCorrelation().correlation(x, y) : Double.NaN;
        int agree = 0;
        for (int i = 0; i < x.length; i++) {
            if ((x[i] > 0) == (y[i] > 0)) {
                agree++;
            }
        }
        out[Statistic.SIGN.ordinal()] = x.length == 0 ? Double.NaN : (double) agree / x.length;
        String proxyPick = best(proxy, sets);
        String targetBest = best(target, sets);
        out[Statistic.TOP1.ordinal()] = proxyPick.equals(targetBest) ? 1 : 0;
        out[Statistic.REGRET.ordinal()] = target.get(targetBest) - target.get(proxyPick);
        return out;
    }

    /** Why the correlations are undefined on these values, or null when they are defined. */
    static String correlationProblem(
            Map<String, Double> proxy, Map<String, Double> target, List<String> sets, String baseline) {
        List<String> candidates = sets.stream().filter(s -> !s.equals(baseline)).toList();
        if (candidates.size() < MIN_POINTS) {
            return "needs at least " + MIN_POINTS + " sets besides the baseline with runs on both, has "
                    + candidates.size();
        }
        double[] x = candidates.stream()
                .mapToDouble(s -> proxy.get(s) - proxy.get(baseline))
                .toArray();
        double[] y = candidates.stream()
                .mapToDouble(s -> target.get(s) - target.get(baseline))
                .toArray();
        if (constant(x)) {
            return "the proxy's gains are all equal (zero variance)";
        }
        return constant(y) ? "the target's gains are all equal (zero variance)" : null;
    }

    /** The set with the highest mean (the first listed on a tie). */
    static String best(Map<String, Double> means, List<String> sets) {
        String best = sets.get(0);
        for (String set : sets) {
            if (means.get(set) > means.get(best)) {
                best = set;
            }
        }
        return best;
    }

    private static boolean constant(double[] values) {
        return java.util.Arrays.stream(values).distinct().count() <= 1;
    }
}
