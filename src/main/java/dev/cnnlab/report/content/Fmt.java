package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.Estimate;
import dev.cnnlab.report.analysis.GainEstimate;
import dev.cnnlab.report.analysis.SeedStats;
import dev.cnnlab.technique.TechniqueSpec;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Number and text formats shared by every part of the report (Locale.ROOT: a dot as decimal point everywhere). */
public final class Fmt {

    /** Shown for a value that does not exist (never a zero). */
    static final String MISSING = "—";

    private Fmt() {}

    /** An accuracy in percent, two decimals. */
    static String acc(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A gain in points, always signed, so a gain never reads like an accuracy. */
    static String gain(double value) {
        String text = String.format(Locale.ROOT, "%+.2f", value);
        return text.equals("-0.00") ? "+0.00" : text;
    }

    public static String gain(OptionalDouble value) {
        return value.isPresent() ? gain(value.getAsDouble()) : MISSING;
    }

    /** Mean, sample std and n of one pair's seeds; a bare mean when the study has one seed. */
    public static String stats(SeedStats stats, int plannedSeeds) {
        String text = acc(stats.mean());
        if (stats.std().isPresent()) {
            text += " ± " + acc(stats.std().getAsDouble());
        }
        if (plannedSeeds > 1) {
            text += stats.n() < plannedSeeds
                    ? " (n=" + stats.n() + " of " + plannedSeeds + ")"
                    : " (n=" + stats.n() + ")";
        }
        return text;
    }

    /** A value with its 95% interval, e.g. {@code +1.20 [+0.31, +2.05]}; the reason when undefined. */
    public static String estimate(Estimate e, java.util.function.DoubleFunction<String> format) {
        if (!e.defined()) {
            return "undefined";
        }
        String text = format.apply(e.value().getAsDouble());
        if (e.low().isPresent()) {
            text += " [" + format.apply(e.low().getAsDouble()) + ", "
                    + format.apply(e.high().getAsDouble()) + "]";
        }
        if (e.undefinedShare() >= 0.005) {
            text += String.format(Locale.ROOT, " (undefined in %.0f%% of resamples)", 100 * e.undefinedShare());
        }
        return text;
    }

    /** A coefficient such as a correlation, three decimals. */
    public static String coefficient(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    /** A p-value: three decimals, or {@code <0.001}; NaN (untested) as {@link #MISSING}. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return MISSING;
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Degrees of freedom: one decimal, or ∞ for an assumed noise level. */
    static String df(double df) {
        return Double.isInfinite(df) ? "∞" : String.format(Locale.ROOT, "%.1f", df);
    }

    /** A probability, two decimals. */
    static String probability(double p) {
        return Double.isNaN(p) ? MISSING : String.format(Locale.ROOT, "%.2f", p);
    }

    /** Seeds needed as a range, e.g. {@code 4–9}, {@code ≥ 12} (interval includes 0), {@code > 1000}. */
    static String seedsNeeded(GainEstimate.SeedsNeeded s) {
        String fewest = s.fewest() > s.max() ? "> " + s.max() : Integer.toString(s.fewest());
        if (s.most().isEmpty()) {
            return s.fewest() > s.max() ? fewest : "≥ " + fewest;
        }
        int most = s.most().getAsInt();
        if (most == s.fewest()) {
            return fewest;
        }
        return fewest + "–" + (most > s.max() ? "> " + s.max() : Integer.toString(most));
    }

    /** A count with its noun in the right number, e.g. {@code 1 proxy}, {@code 13 proxies}. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * A technique set's name in a table, marked when it is the baseline: {@code plain (baseline)},
     * but {@code baseline} alone, not {@code baseline (baseline)}, when its name already says so.
     */
    public static String setLabel(String set, String baseline) {
        return set.equals(baseline) && !set.toLowerCase(Locale.ROOT).contains("baseline") ? set + " (baseline)" : set;
    }

    /** The sets in order with the baseline named, unless its name already says so: {@code a, b (baseline: a)}. */
    static String setList(List<String> sets, String baseline) {
        return String.join(", ", sets)
                + (baseline.toLowerCase(Locale.ROOT).contains("baseline") ? "" : " (baseline: " + baseline + ")");
    }

    /** A share as a percentage. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** A relative cost, e.g. {@code 0.031×}. */
    public static String relative(java.util.OptionalDouble cost) {
        if (cost.isEmpty()) {
            return MISSING;
        }
        double c = cost.getAsDouble();
        return (c >= 0.1 ? String.format(Locale.ROOT, "%.2f", c) : String.format(Locale.ROOT, "%.3f", c)) + "×";
    }

    /** Parameter count, e.g. {@code 1.73 M}. */
    static String params(long params) {
        if (params >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f M", params / 1e6);
        }
        if (params >= 1_000) {
            return String.format(Locale.ROOT, "%.1f k", params / 1e3);
        }
        return Long.toString(params);
    }

    /** Forward GFLOPs per image. */
    static String gflops(long flops) {
        return String.format(Locale.ROOT, "%.3f", flops / 1e9);
    }

    /** A wall time in the unit that reads best. */
    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.2f h", seconds / 3600);
    }

    /** A ratio, e.g. {@code 8.3×}. */
    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.1f×", ratio);
    }

    /** A plain number without a trailing {@code .0}. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        // BigDecimal: 1e-4 prints as 0.0001, not 1.0E-4
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A technique list, e.g. {@code se(reduction=16) + mixup(alpha=1)}; {@code none} for the plain network. */
    static String techniques(List<TechniqueSpec> techniques) {
        if (techniques == null || techniques.isEmpty()) {
            return "none";
        }
        return techniques.stream()
                .map(t -> t.options().isEmpty()
                        ? t.name()
                        : t.name() + "("
                                + t.options().entrySet().stream()
                                        .map(e -> e.getKey() + "=" + number(e.getValue()))
                                        .collect(Collectors.joining(", "))
                                + ")")
                .collect(Collectors.joining(" + "));
    }

    /** A file-name-safe form of a name. */
    public static String slug(String name) {
        String slug = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return slug.isEmpty() ? "x" : slug;
    }
}
