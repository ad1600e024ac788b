package dev.cnnlab.technique;

/**
 * Checks and converts technique option values, which arrive as {@code double}s from specs and
 * the command line. Every failure is an {@link IllegalArgumentException} whose message names the
 * technique, the option, the allowed range and the value given.
 */
final class OptionValues {

    private OptionValues() {}

    /** {@code value} as an int, which must be a whole number in {@code [min, max]}. */
    static int wholeNumber(String technique, String option, double value, int min, int max) {
        if (!(value >= min && value <= max) || value != Math.rint(value)) {
            throw new IllegalArgumentException(
                    technique + " " + option + " must be a whole number in [" + min + ", " + max + "], got " + value);
        }
        return (int) value;
    }

    /** {@code value}, which must lie in the closed interval {@code [min, max]}. */
    static double closed(String technique, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    technique + " " + option + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** {@code value}, which must be finite and strictly positive. */
    static double positive(String technique, String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(technique + " " + option + " must be > 0 and finite, got " + value);
        }
        return value;
    }
}
