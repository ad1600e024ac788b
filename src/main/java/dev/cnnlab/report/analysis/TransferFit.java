package dev.cnnlab.report.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The errors-in-variables line of a target's gains on a proxy's gains, over technique sets
 * measured at both: what {@link TransferModel} fits, {@link TransferValidation} checks, and a new
 * technique's target gain is predicted from ({@link #predict}).
 *
 * <p><b>Model.</b> Set i has a true proxy gain ξ_i and a true target gain η_i = a + b ξ_i + u_i,
 * where u_i ~ N(0, τ²) is the intrinsic scatter: how far techniques genuinely deviate from one
 * line. We observe x_i = ξ_i + e_i and y_i = η_i + f_i, with seed noise e_i ~ N(0, s_xi²) and
 * f_i ~ N(0, s_yi²) whose variances are known from the seeds ({@link GainEstimate#standardError}).
 * The noises of proxy and target are independent (separate runs at separate fidelities); the ξ_i
 * are treated as a sample of techniques (a structural model), so unweighted moments are consistent
 * whatever the s_xi.
 *
 * <p><b>Slope.</b> Ordinary least squares regresses on x, whose variance s_xx includes the noise,
 * and so shrinks the slope by the reliability λ = (s_xx - m)/s_xx, m = mean s_xi² (regression
 * dilution). The method of moments removes the noise from the denominator: b = s_xy / (s_xx - m),
 * the {@code (S_xy - Σ cov)/(S_xx - Σ s_x²)} form with no covariance between the noises (sample
 * moments with divisor n - 1; E[S_xx] = Σ(ξ_i - ξ̄)² + (1 - 1/n) Σ s_xi², hence the mean). That
 * ratio has no finite mean (its denominator can come close to 0), so this is Fuller's (1987,
 * <i>Measurement Error Models</i>) modified form: H = s_xx - m, floored at m/(n - 1) when s_xx <
 * (1 + 1/(n - 1)) m, and b = s_xy / (H + α m/(n - 1)) with α = {@value #FULLER_ALPHA}. By the delta
 * method the plain ratio's relative bias is 2(1 - λ)/((n - 1)λ²); α = 2 cancels all but 2(1 -
 * λ)²/((n - 1)λ²) of it (about 2% of the slope for 12 sets at λ = 0.75; simulated in
 * TransferSlopeTest). York's maximum likelihood was not used: it weights each set by its noise and
 * would need τ² inside the weights, and with 8-20 sets its gain in precision is small beside the
 * risk of a fit that depends on its start.
 *
 * <p><b>Scatter.</b> A residual r_i = y_i - a - b x_i = u_i + f_i - b e_i has variance τ² + s_yi² +
 * b² s_xi², so τ² = max(0, s_rr - mean(s_yi² + b² s_xi²)), s_rr = Σ r_i²/(n - 2).
 *
 * <p><b>Uncertainty.</b> var(b) ≈ (s_xx s_rr + b² m²) / ((n - 1) D²), D the slope's denominator
 * (the delta method: b - b_true ≈ (s_xv - E s_xv)/D with v the residual, var(s_xv) ≈ (σ_xx σ_vv
 * + σ_xv²)/(n - 1), σ_xv = -b m); var(a) ≈ s_rr/n + x̄² var(b). Intervals use Student's t with n -
 * 2 degrees of freedom (two parameters fitted from n sets); the seed noise variances are treated as
 * known, so their own degrees of freedom ({@link #noiseDf}, from the seed-noise model) are reported
 * but not propagated.
 *
 * @param proxy the proxy fidelity
 * @param target the target fidelity
 * @param sets n, the technique sets fitted
 * @param df n - 2, the degrees of freedom of every interval
 * @param slope b, target points per proxy point, not attenuated
 * @param slopeSe its standard error
 * @param slopeLow the lower end of its {@link TransferModel#LEVEL} interval
 * @param slopeHigh the upper end
 * @param intercept a, the target gain of a technique with proxy gain 0
 * @param interceptSe its standard error
 * @param tau2 τ², the intrinsic scatter's variance (points²), floored at 0
 * @param reliability λ = (s_xx - m)/s_xx, the share of the proxy gains' variance that is not seed
 *     noise (below 0 when the noise exceeds the spread)
 * @param olsSlope the ordinary least squares slope s_xy/s_xx on the same data (attenuated)
 * @param proxyMean x̄
 * @param targetMean ȳ
 * @param proxyVariance s_xx, the sample variance of the proxy gains
 * @param covariance s_xy
 * @param residualVariance s_rr
 * @param meanProxyNoise m, the mean of s_xi²
 * @param meanTargetNoise the mean of s_yi²
 * @param floored whether the denominator was floored (the proxy's spread no larger than its noise)
 * @param noiseDf the fewest degrees of freedom of any set's standard error (infinite: assumed)
 */
public record TransferFit(
        String proxy,
        String target,
        int sets,
        int df,
        double slope,
        double slopeSe,
        double slopeLow,
        double slopeHigh,
        double intercept,
        double interceptSe,
        double tau2,
        double reliability,
        double olsSlope,
        double proxyMean,
        double targetMean,
        double proxyVariance,
        double covariance,
        double residualVariance,
        double meanProxyNoise,
        double meanTargetNoise,
        boolean floored,
        double noiseDf)
        implements TransferOutcome {

    /** Fuller's α: 2 leaves the slope nearly unbiased (see the class comment). */
    public static final double FULLER_ALPHA = 2;

    /** Fewest sets the estimator can fit (one residual degree of freedom). */
    public static final int MIN_POINTS = 3;

    /**
     * Fits the line to the points, with no judgement of whether it should be used ({@link
     * TransferModel#of} judges).
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_POINTS} points, or when every
     *     proxy gain is the same
     */
    public static TransferFit estimate(List<TransferPoint> points, String proxy, String target) {
        int n = points.size();
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException(
                    "an errors-in-variables fit needs at least " + MIN_POINTS + " sets, has " + n);
        }
        double xMean =
                points.stream().mapToDouble(TransferPoint::proxyGain).average().orElseThrow();
        double yMean =
                points.stream().mapToDouble(TransferPoint::targetGain).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        double proxyNoise = 0;
        double targetNoise = 0;
        double noiseDf = Double.POSITIVE_INFINITY;
        for (TransferPoint p : points) {
            double dx = p.proxyGain() - xMean;
            sxx += dx * dx;
            sxy += dx * (p.targetGain() - yMean);
            proxyNoise += p.proxySe() * p.proxySe();
            targetNoise += p.targetSe() * p.targetSe();
            noiseDf = Math.min(noiseDf, Math.min(p.proxyDf(), p.targetDf()));
        }
        sxx /= n - 1;
        sxy /= n - 1;
        double m = proxyNoise / n;
        if (sxx <= 0) {
            throw new IllegalArgumentException("every proxy gain is the same: no slope can be fitted");
        }
        // Fuller's floor: the corrected variance never drops below m/(n-1), so the ratio has moments
        boolean floored = sxx < (1 + 1.0 / (n - 1)) * m;
        double h = floored ? m / (n - 1) : sxx - m;
        double denominator = h + FULLER_ALPHA * m / (n - 1);
        double b = sxy / denominator;
        double a = yMean - b * xMean;
        double rr = 0;
        double explained = 0;
        for (TransferPoint p : points) {
            double r = p.targetGain() - a - b * p.proxyGain();
            rr += r * r;
            explained += p.targetSe() * p.targetSe() + b * b * p.proxySe() * p.proxySe();
        }
        int df = n - 2;
        double residualVariance = rr / df;
        double tau2 = Math.max(0, residualVariance - explained / n);
        double slopeVariance = (sxx * residualVariance + b * b * m * m) / ((n - 1) * denominator * denominator);
        double slopeSe = Math.sqrt(slopeVariance);
        double interceptSe = Math.sqrt(residualVariance / n + xMean * xMean * slopeVariance);
        double t = Stats.tQuantile(0.5 + TransferModel.LEVEL / 2, df);
        return new TransferFit(
                proxy,
                target,
                n,
                df,
                b,
                slopeSe,
                b - t * slopeSe,
                b + t * slopeSe,
                a,
                interceptSe,
                tau2,
                (sxx - m) / sxx,
                sxy / sxx,
                xMean,
                yMean,
                sxx,
                sxy,
                residualVariance,
                m,
                targetNoise / n,
                floored,
                noiseDf);
    }

    /**
     * Predicts a new technique's target gain from its proxy gain, with {@link TransferModel#LEVEL}
     * intervals for its true target gain and for a measured one with the fitted sets' mean target
     * noise.
     *
     * @param proxyGain the new technique's proxy gain x₀
     * @param proxySe its standard error (0 when treated as exact)
     */
    public TransferPrediction predict(double proxyGain, double proxySe) {
        return predict(proxyGain, proxySe, Math.sqrt(meanTargetNoise));
    }

    /**
     * Predicts a new technique's target gain from its proxy gain.
     *
     * <p>The point is a + b x₀. Its error as a guess of the true target gain η₀ = a + b ξ₀ + u₀
     * is (v̄) + (b̂ - b)(x₀ - x̄) - u₀ + b e₀ (v̄: the fit's mean residual), with variance s_rr/n +
     * (x₀ - x̄)² var(b) + τ² + b² s_x0². The new proxy gain's own noise is propagated (b² s_x0²),
     * not shrunk toward the fitted sets' mean (regression calibration): shrinking is right only for
     * a technique drawn like the fitted ones, and would pull a genuinely exceptional technique
     * back, so this interval holds for any true ξ₀. The interval for a measured target gain adds
     * the target's seed noise {@code targetSe}². Both use t with n - 2 degrees of freedom. Simulated
     * coverage of the 90% true-gain interval (TransferCoverageTest): 90% with 12 sets and τ = 0.3,
     * 92% with 8 sets, 93% with 20 sets and τ = 0.1 (τ² floored at 0 errs wide when the scatter is
     * small).
     *
     * @param proxyGain x₀
     * @param proxySe s_x0 (0 when treated as exact)
     * @param targetSe the standard error a target measurement of it would have
     */
    public TransferPrediction predict(double proxyGain, double proxySe, double targetSe) {
        double point = intercept + slope * proxyGain;
        double dx = proxyGain - proxyMean;
        double trueVariance =
                residualVariance / sets + dx * dx * slopeSe * slopeSe + tau2 + slope * slope * proxySe * proxySe;
        double measuredVariance = trueVariance + targetSe * targetSe;
        double t = Stats.tQuantile(0.5 + TransferModel.LEVEL / 2, df);
        double trueSe = Math.sqrt(trueVariance);
        double measuredSe = Math.sqrt(measuredVariance);
        return new TransferPrediction(
                proxyGain,
                proxySe,
                point,
                trueSe,
                point - t * trueSe,
                point + t * trueSe,
                targetSe,
                measuredSe,
                point - t * measuredSe,
                point + t * measuredSe,
                df,
                TransferModel.LEVEL);
    }

    /** The fit as text, one line each, statsmodels style: method, coefficients, noise, assumptions. */
    public List<String> describe() {
        int percent = (int) Math.round(TransferModel.LEVEL * 100);
        String low = fmt("[%.1f%%", (1 - TransferModel.LEVEL) / 2 * 100);
        String high = fmt("%.1f%%]", (1 + TransferModel.LEVEL) / 2 * 100);
        return List.of(
                "Errors-in-variables regression of " + target + " gains on " + proxy + " gains",
                "method: method of moments with known seed noise (Fuller 1987, modified, α = "
                        + fmt("%.0f", FULLER_ALPHA) + ")" + (floored ? "; denominator floored (noise ≥ spread)" : ""),
                fmt("sets: %d   df: %d   reliability of the proxy gains: %.2f", sets, df, reliability),
                fmt("%-12s %9s %9s %9s %9s", "", "coef", "std err", low, high),
                coefficientLine("slope", slope, slopeSe),
                coefficientLine("intercept", intercept, interceptSe),
                fmt("OLS slope on the same sets: %.3f (attenuated by the proxy's noise)", olsSlope),
                fmt("intrinsic scatter τ: %.3f points (τ² = %.4f)", Math.sqrt(tau2), tau2),
                fmt(
                        "residual variance: %.4f (τ² + target noise + slope² × proxy noise; mean noise variances:"
                                + " target %.4f, proxy %.4f)",
                        residualVariance, meanTargetNoise, meanProxyNoise),
                "assumptions: true " + target + " gain = a + b × true " + proxy
                        + " gain + scatter N(0, τ²); seed noise normal, independent between fidelities, "
                        + "its variance known (fewest df of a standard error: "
                        + (Double.isInfinite(noiseDf) ? "∞, assumed" : fmt("%.1f", noiseDf))
                        + "); intervals: " + percent + "%, Student's t with n - 2 = " + df + " df");
    }

    private String coefficientLine(String name, double value, double se) {
        double t = Stats.tQuantile(0.5 + TransferModel.LEVEL / 2, df);
        return fmt("%-12s %9.3f %9.3f %9.3f %9.3f", name, value, se, value - t * se, value + t * se);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
