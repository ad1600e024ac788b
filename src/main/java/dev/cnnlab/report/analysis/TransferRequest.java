package dev.cnnlab.report.analysis;

/**
 * A user's question to the transfer model: "this technique gained {@code gain} ± {@code se} on
 * {@code from}; what will it gain at the target?" ({@code report --predict SET=GAIN[±SE] --from
 * PROXY}).
 *
 * @param set the new technique's name
 * @param gain its measured gain on the proxy, points
 * @param se that gain's standard error (0: taken as exact)
 * @param from the proxy it was measured on; null when the study has one proxy
 */
public record TransferRequest(String set, double gain, double se, String from) {

    /** @throws IllegalArgumentException for a gain or SE that is not a finite number, or a negative SE */
    public TransferRequest {
        if (set == null || set.isBlank()) {
            throw new IllegalArgumentException("a prediction needs the technique's name: SET=GAIN[±SE]");
        }
        if (!Double.isFinite(gain) || Math.abs(gain) > 100) {
            throw new IllegalArgumentException("the gain of " + set + " must be a number of points, got " + gain);
        }
        if (!(se >= 0) || !Double.isFinite(se)) {
            throw new IllegalArgumentException("the standard error of " + set + " must be >= 0, got " + se);
        }
    }

    /**
     * Reads {@code SET=GAIN}, {@code SET=GAIN±SE} or {@code SET=GAIN+-SE} (points), measured on
     * {@code from}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static TransferRequest parse(String text, String from) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not SET=GAIN[±SE] (e.g. cutout=+0.8±0.3)");
        }
        String set = text.substring(0, eq).trim();
        String value = text.substring(eq + 1).trim().replace("+-", "±");
        int pm = value.indexOf('±');
        try {
            double gain =
                    Double.parseDouble(pm < 0 ? value : value.substring(0, pm).trim());
            double se = pm < 0 ? 0 : Double.parseDouble(value.substring(pm + 1).trim());
            return new TransferRequest(set, gain, se, from);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not SET=GAIN[±SE] with numbers (e.g. cutout=+0.8±0.3)");
        }
    }
}
