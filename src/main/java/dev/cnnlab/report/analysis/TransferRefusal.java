package dev.cnnlab.report.analysis;

import java.util.Locale;

/**
 * Why a study cannot support a transfer model, in one line that says what is wrong and how much
 * more would fix it.
 *
 * @param reason which check failed
 * @param line the reason for the reader, with the number needed
 * @param needed the number the line asks for: more sets ({@link Reason#TOO_FEW_SETS}, {@link
 *     Reason#SLOPE_INCLUDES_ZERO}) or seeds per set ({@link Reason#UNRELIABLE_PROXY}); 0 when no
 *     number would do
 */
public record TransferRefusal(Reason reason, String line, int needed) implements TransferOutcome {

    /** The checks, in the order {@link TransferModel#of} applies them. */
    public enum Reason {
        /** Fewer than {@link TransferModel#MIN_SETS} sets measured at both fidelities. */
        TOO_FEW_SETS,
        /** The proxy's gains spread too little beyond their seed noise (reliability below {@link TransferModel#MIN_RELIABILITY}). */
        UNRELIABLE_PROXY,
        /** The slope's interval includes 0: the proxy's gains do not show the target's. */
        SLOPE_INCLUDES_ZERO
    }

    static TransferRefusal tooFewSets(String proxy, String target, int sets) {
        int more = TransferModel.MIN_SETS - sets;
        return new TransferRefusal(
                Reason.TOO_FEW_SETS,
                "the transfer model needs " + TransferModel.MIN_SETS + " technique sets measured at both " + proxy
                        + " and " + target + "; this study has " + sets + ": run " + more + " more",
                more);
    }

    /**
     * @param reliability the proxy gains' reliability
     * @param seeds the seeds per set now
     * @param seedsNeeded seeds per set that would reach the threshold; 0 when the spread is all noise
     */
    static TransferRefusal unreliableProxy(String proxy, double reliability, int seeds, int seedsNeeded) {
        String head = String.format(
                Locale.ROOT,
                "the proxy %s's gains are mostly seed noise: reliability %.2f, needs %.2f; ",
                proxy,
                reliability,
                TransferModel.MIN_RELIABILITY);
        String fix = seedsNeeded > 0
                ? "about " + seedsNeeded + " seeds per set instead of " + seeds
                        + ", or sets with larger gains, would raise it"
                : "their spread is no larger than the noise, so only sets with larger gains (then more seeds) would raise it";
        return new TransferRefusal(Reason.UNRELIABLE_PROXY, head + fix, seedsNeeded);
    }

    /** @param moreSets sets to add for the interval to exclude 0 at the same slope; 0 when none would */
    static TransferRefusal slopeIncludesZero(TransferFit fit, int moreSets) {
        String head = String.format(
                Locale.ROOT,
                "the slope of %s on %s is %.2f with a %d%% interval [%.2f, %.2f] that includes 0: the proxy's gains do"
                        + " not show the target's; ",
                fit.target(),
                fit.proxy(),
                fit.slope(),
                Math.round(TransferModel.LEVEL * 100),
                fit.slopeLow(),
                fit.slopeHigh());
        String fix = moreSets > 0
                ? String.format(
                        Locale.ROOT,
                        "about %d more sets would exclude 0 if the slope stays at %.2f",
                        moreSets,
                        fit.slope())
                : String.format(
                        Locale.ROOT, "no number of sets would exclude 0 if the slope stays at %.2f", fit.slope());
        return new TransferRefusal(Reason.SLOPE_INCLUDES_ZERO, head + fix, moreSets);
    }
}
