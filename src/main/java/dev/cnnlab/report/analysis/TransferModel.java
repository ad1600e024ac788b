package dev.cnnlab.report.analysis;

import java.util.List;

/**
 * Calibrated transfer across techniques: whether a proxy's gains predict the target's well
 * enough to fit a line through them ({@link TransferFit}), checked in order:
 *
 * <ol>
 *   <li>at least {@link #MIN_SETS} technique sets measured at both (with fewer, n - 2 degrees of
 *       freedom leave the intrinsic scatter and the slope's interval too loose to act on);
 *   <li>the proxy gains' reliability λ = (s_xx - mean s_x²)/s_xx at least {@link
 *       #MIN_RELIABILITY}: below it the noise correction divides by a variance that is mostly
 *       noise, and the slope is as much the noise's as the techniques';
 *   <li>the slope's {@link #LEVEL} interval excludes 0.
 * </ol>
 *
 * Each failure is a {@link TransferRefusal} with the number that would fix it.
 */
public final class TransferModel {

    /** Coverage of every interval of the transfer model. */
    public static final double LEVEL = 0.9;
    /** Fewest technique sets measured at both fidelities. */
    public static final int MIN_SETS = 8;
    /** Lowest reliability of the proxy's gains. */
    public static final double MIN_RELIABILITY = 0.5;
    /** The most sets a refusal sizes (beyond it: no number would do). */
    static final int MAX_SETS = 10_000;

    private TransferModel() {}

    /**
     * The transfer model of {@code target} on {@code proxy}, or why there is none.
     *
     * @param points the sets measured at both ({@link TransferPoint#pair})
     */
    public static TransferOutcome of(List<TransferPoint> points, String proxy, String target) {
        if (points.size() < MIN_SETS) {
            return TransferRefusal.tooFewSets(proxy, target, points.size());
        }
        double reliability = reliability(points);
        if (reliability < MIN_RELIABILITY) {
            return TransferRefusal.unreliableProxy(
                    proxy, reliability, seeds(points), seedsNeeded(points, Math.max(0, reliability)));
        }
        TransferFit fit = TransferFit.estimate(points, proxy, target);
        if (fit.slopeLow() <= 0 && fit.slopeHigh() >= 0) {
            return TransferRefusal.slopeIncludesZero(fit, moreSetsNeeded(fit));
        }
        return fit;
    }

    /**
     * λ = (s_xx - m)/s_xx: the share of the proxy gains' sample variance s_xx that is not seed
     * noise (m = mean s_x²); 0 when every gain is the same (no spread, so none of it is signal).
     */
    static double reliability(List<TransferPoint> points) {
        int n = points.size();
        double mean =
                points.stream().mapToDouble(TransferPoint::proxyGain).average().orElse(0);
        double sxx = points.stream()
                        .mapToDouble(p -> (p.proxyGain() - mean) * (p.proxyGain() - mean))
                        .sum()
                / (n - 1);
        double m = points.stream()
                .mapToDouble(p -> p.proxySe() * p.proxySe())
                .average()
                .orElse(0);
        return sxx > 0 ? (sxx - m) / sxx : 0;
    }

    /** The seeds behind a typical proxy gain: the mean over the sets, rounded. */
    private static int seeds(List<TransferPoint> points) {
        return (int) Math.round(
                points.stream().mapToInt(TransferPoint::proxySeeds).average().orElse(1));
    }

    /**
     * Seeds per set that would lift the reliability to {@link #MIN_RELIABILITY}: the noise variance
     * m falls as 1/seeds while the true spread S = s_xx - m stays, so k seeds give S/(S + m k₀/k),
     * at least the threshold λ_min when k ≥ k₀ (m/S) λ_min/(1 - λ_min). 0 when S ≤ 0 (no seeds would do).
     */
    private static int seedsNeeded(List<TransferPoint> points, double reliability) {
        if (reliability <= 0) {
            return 0;
        }
        double noiseOverSpread = (1 - reliability) / reliability;
        double ratio = MIN_RELIABILITY / (1 - MIN_RELIABILITY);
        return (int) Math.ceil(seeds(points) * noiseOverSpread * ratio - 1e-9);
    }

    /**
     * Sets to add for the slope's interval to exclude 0 if the slope and the scatter stay as they
     * are: the standard error falls as √((n - 1)/(n' - 1)) and the t quantile with n' - 2 df. 0 when
     * none up to {@link #MAX_SETS} would.
     */
    private static int moreSetsNeeded(TransferFit fit) {
        if (fit.slope() == 0) {
            return 0;
        }
        for (int total = fit.sets() + 1; total <= MAX_SETS; total++) {
            double se = fit.slopeSe() * Math.sqrt((fit.sets() - 1.0) / (total - 1.0));
            if (Stats.tQuantile(0.5 + LEVEL / 2, total - 2) * se < Math.abs(fit.slope())) {
                return total - fit.sets();
            }
        }
        return 0;
    }
}
