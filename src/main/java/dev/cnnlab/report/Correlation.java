package dev.cnnlab.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Pearson, Spearman and Kendall correlation of paired values, with the honesty the report needs:
 * undefined below 3 points (two points always lie on a line, so r = +-1 says nothing) or when
 * one side is constant, and flagged as anecdotal below 5 points.
 *
 * @param n number of points
 * @param pearson Pearson's r, when defined
 * @param spearman Spearman's rho (Pearson on ranks, ties given their average rank), when defined
 * @param kendall Kendall's tau-b (corrected for ties), when defined
 * @param pearsonP two-sided p-value of Pearson's r (t-test, n - 2 degrees of freedom); only from 5
 *     points, where it starts to mean something
 * @param undefinedReason why the correlation is undefined, or null when it is defined
 */
public record Correlation(
        int n,
        OptionalDouble pearson,
        OptionalDouble spearman,
        OptionalDouble kendall,
        OptionalDouble pearsonP,
        String undefinedReason) {

    /** Fewest points for which a correlation is reported at all. */
    public static final int MIN_POINTS = 3;
    /** Below this many points a correlation is called anecdotal. */
    public static final int ANECDOTAL_BELOW = 5;

    /** The correlation of {@code x} and {@code y}, which must have the same length. */
    public static Correlation of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < MIN_POINTS) {
            return undefined(n, "undefined with n = " + n + " (needs at least " + MIN_POINTS + " points)");
        }
        if (constant(x) || constant(y)) {
            return undefined(n, "undefined: the " + (constant(x) ? "x" : "y") + " values are all equal");
        }
        OptionalDouble p = OptionalDouble.empty();
        if (n >= ANECDOTAL_BELOW) {
            BlockRealMatrix columns = new BlockRealMatrix(n, 2);
            columns.setColumn(0, x);
            columns.setColumn(1, y);
            p = OptionalDouble.of(new PearsonsCorrelation(columns).getCorrelationPValues().getEntry(0, 1));
        }
        return new Correlation(n,
                OptionalDouble.of(new PearsonsCorrelation().correlation(x, y)),
                OptionalDouble.of(new SpearmansCorrelation().correlation(x, y)),
                OptionalDouble.of(new KendallsCorrelation().correlation(x, y)),
                p,
                null);
    }

    private static Correlation undefined(int n, String reason) {
        return new Correlation(n, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), reason);
    }

    private static boolean constant(double[] values) {
        return Arrays.stream(values).distinct().count() <= 1;
    }

    public boolean defined() {
        return undefinedReason == null;
    }

    /** True when defined but from so few points that it is only an anecdote. */
    public boolean anecdotal() {
        return defined() && n < ANECDOTAL_BELOW;
    }

    /**
     * The figures in one phrase, e.g. {@code Pearson r = 0.718, Spearman rho = 0.632, Kendall
     * tau-b = 0.548 (n = 4)}; never "NaN": an undefined correlation says why.
     */
    public String figures() {
        if (!defined()) {
            return "correlation " + undefinedReason;
        }
        String text = String.format(Locale.ROOT, "Pearson r = %.3f, Spearman ρ = %.3f, Kendall τ-b = %.3f (n = %d",
                pearson.getAsDouble(), spearman.getAsDouble(), kendall.getAsDouble(), n);
        if (pearsonP.isPresent()) {
            text += String.format(Locale.ROOT, ", two-sided p = %.3g for r", pearsonP.getAsDouble());
        }
        return text + ")";
    }

    /** The caveat that belongs next to the figures. */
    public String caveat() {
        if (!defined()) {
            return n < MIN_POINTS
                    ? "With fewer than " + MIN_POINTS + " points a correlation means nothing (two points always lie on a line)."
                    : "A correlation needs variation on both sides.";
        }
        if (anecdotal()) {
            return "Anecdotal: with n < " + ANECDOTAL_BELOW
                    + " points the value is very uncertain and no significance can be claimed.";
        }
        return "";
    }
}
