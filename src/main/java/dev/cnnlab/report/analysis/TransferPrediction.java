package dev.cnnlab.report.analysis;

import java.util.List;
import java.util.Locale;

/**
 * A new technique's target gain predicted from its proxy gain by a {@link TransferFit}.
 *
 * @param proxyGain the proxy gain predicted from, x₀
 * @param proxySe its standard error (0: treated as exact)
 * @param prediction the predicted target gain, a + b x₀
 * @param trueSe the prediction's standard error as a guess of the true target gain (parameters,
 *     intrinsic scatter τ², and b² s_x0²; no target noise)
 * @param trueLow the lower end of the interval for the true target gain
 * @param trueHigh its upper end
 * @param targetSe the target seed noise assumed for a measured gain
 * @param measuredSe the standard error as a guess of a measured target gain (adds targetSe²)
 * @param measuredLow the lower end of the interval for a measured target gain
 * @param measuredHigh its upper end
 * @param df degrees of freedom of the t quantile (n - 2)
 * @param level the intervals' coverage
 */
public record TransferPrediction(
        double proxyGain,
        double proxySe,
        double prediction,
        double trueSe,
        double trueLow,
        double trueHigh,
        double targetSe,
        double measuredSe,
        double measuredLow,
        double measuredHigh,
        int df,
        double level) {

    /** Whether the true-gain interval contains {@code value}. */
    public boolean trueCovers(double value) {
        return trueLow <= value && value <= trueHigh;
    }

    /** Whether the measured-gain interval contains {@code value}. */
    public boolean measuredCovers(double value) {
        return measuredLow <= value && value <= measuredHigh;
    }

    /** The prediction as text lines. */
    public List<String> lines() {
        int percent = (int) Math.round(level * 100);
        return List.of(
                String.format(
                        Locale.ROOT,
                        "proxy gain %+.2f ± %.2f → predicted target gain %+.2f",
                        proxyGain,
                        proxySe,
                        prediction),
                String.format(
                        Locale.ROOT,
                        "%d%% interval for the true target gain: [%+.2f, %+.2f] (t, %d df)",
                        percent,
                        trueLow,
                        trueHigh,
                        df),
                String.format(
                        Locale.ROOT,
                        "%d%% interval for a measured target gain (seed noise %.2f): [%+.2f, %+.2f]",
                        percent,
                        targetSe,
                        measuredLow,
                        measuredHigh));
    }
}
