package dev.cnnlab.report.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A technique set's gain at the target predicted from its gains at cheaper fidelities along one
 * axis: the chosen form, the prediction with its 90% prediction interval, how far it
 * extrapolates, and the checks against what was measured.
 *
 * <p>Method ({@link GainExtrapolation}): each form in {@link CurveModel#ALL} that the points allow
 * is fitted by weighted least squares (weights 1/SE², the seed-paired gains' own standard
 * errors) against the log of cost along the axis; the form with the smallest
 * leave-one-fidelity-out error is kept. The interval is a parametric bootstrap over the seed
 * noise: each draw adds noise of the measured size, scaled by √(df/χ²_df) so that the noise
 * level's own uncertainty enters as Student's t does, re-chooses the form and refits; the spread
 * of the draws' predictions around the fit's gives the interval. A prediction far beyond the
 * observed span moves more in each draw (the leverage of a line's end), so its interval widens
 * by itself. Assumptions: the chosen form holds up to the target (the leave-one-out check and
 * the largest proxy's backtest test that, within the span only); seeds' noise is normal; the
 * gains' standard errors are right up to the t scaling.
 *
 * @param axis the axis ({@link ScalingAxis#axis()})
 * @param set the technique set
 * @param target the target fidelity
 * @param model the chosen form and scale
 * @param points the proxies' gains it was fitted to, cheapest first
 * @param looError each model's leave-one-fidelity-out error (Σ (g - ĝ₋ᵢ)² / SE², on points), by
 *     {@link CurveModel#label()}; absent when the points cannot check that model
 * @param predicted the predicted true gain at the target, points, with its 90% interval
 * @param df degrees of freedom of the seed noise (the smallest of the points')
 * @param draws bootstrap draws
 * @param leverage how far the target lies beyond the observed span
 * @param looCheck whether the chosen form fits the points it left out, when it can be checked
 * @param largestOut the largest proxy predicted from the smaller ones, when they are enough
 * @param backtest the target's measured gain against the interval, when the target was run
 * @param band the fit and its 90% band from the cheapest proxy to the target, for the chart
 */
public record GainPrediction(
        String axis,
        String set,
        String target,
        CurveModel model,
        List<Point> points,
        Map<String, Double> looError,
        Estimate predicted,
        double df,
        int draws,
        Leverage leverage,
        Optional<LooCheck> looCheck,
        Optional<Backtest> largestOut,
        Optional<Backtest> backtest,
        List<BandPoint> band) {

    /** The level of every interval here. */
    public static final double LEVEL = 0.90;

    /** A p-value below which the leave-one-out check calls the form a misfit. */
    public static final double MISFIT_P = 0.05;

    public GainPrediction {
        points = List.copyOf(points);
        looError = Map.copyOf(looError);
        band = List.copyOf(band);
    }

    /**
     * One proxy's measured gain.
     *
     * @param fidelity the proxy
     * @param cost its cost along the axis (x is its log)
     * @param gain the seed-paired gain, points
     * @param se its standard error
     * @param baselineError the baseline's test error there, percent
     */
    public record Point(String fidelity, double cost, double gain, double se, double baselineError) {}

    /**
     * How far the target lies from the observed proxies, in log cost.
     *
     * @param spanBeyond (x_target - x_largest) / (x_largest - x_smallest): 0 at the largest proxy,
     *     negative inside the span
     * @param words the same in plain words
     */
    public record Leverage(double spanBeyond, String words) {}

    /**
     * The leave-one-fidelity-out check of the chosen form: each proxy predicted from the others,
     * its standardised error r = (g - ĝ₋ᵢ) / √(SE² + Var ĝ₋ᵢ); Q = Σ r² is referred to k × F(k, df)
     * (χ²_k when the noise is known).
     *
     * @param statistic Q
     * @param k points
     * @param p P(a true form gives a Q this large)
     */
    public record LooCheck(double statistic, int k, double p) {

        /** Whether the form misses the points it leaves out more than seed noise explains. */
        public boolean misfit() {
            return p < MISFIT_P;
        }
    }

    /**
     * A measured gain against the interval predicted for it (for a measured gain: the fit's
     * uncertainty and the measurement's seed noise together).
     *
     * @param fidelity where it was measured
     * @param measured its measured gain, points
     * @param se its standard error
     * @param predicted the prediction for it
     * @param low the interval's lower end
     * @param high its upper end
     */
    public record Backtest(String fidelity, double measured, double se, double predicted, double low, double high) {

        /** Whether the measured gain lies in the interval. */
        public boolean inside() {
            return measured >= low && measured <= high;
        }
    }

    /**
     * The fit and its band at one cost, for the chart.
     *
     * @param cost the cost along the axis
     * @param fit the fitted gain, points
     * @param low the band's lower end (90%)
     * @param high its upper end
     */
    public record BandPoint(double cost, double fit, double low, double high) {}

    /** Whether a check within the observed span says the chosen form does not fit. */
    public boolean misfit() {
        return looCheck.map(LooCheck::misfit).orElse(false)
                || largestOut.map(b -> !b.inside()).orElse(false);
    }

    /** The report's lines for this prediction. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        String chosen = looError.size() > 1
                ? ", chosen by leave-one-fidelity-out error ("
                        + String.join(
                                ", ",
                                CurveModel.ALL.stream()
                                        .filter(m -> looError.containsKey(m.label()))
                                        .map(m -> m.label() + " " + fmt("%.2f", looError.get(m.label())))
                                        .toList())
                        + ")"
                : ", the only form " + points.size() + " proxies can check";
        lines.add(set + " along " + axis + ": " + model.describe() + chosen + "."
                + (points.size() < 3
                        ? " A trend (M1) needs a third proxy along the axis to be checked by leave-one-out, so"
                                + " only constant forms were compared."
                        : ""));
        lines.add(
                "Predicted gain at " + target + ": " + signed(predicted.value().getAsDouble()) + " points, "
                        + Math.round(LEVEL * 100) + "% prediction interval ["
                        + signed(predicted.low().getAsDouble()) + ", "
                        + signed(predicted.high().getAsDouble()) + "] (parametric bootstrap, " + draws + " draws, "
                        + (Double.isInfinite(df) ? "" : "t with ") + dfWords(df) + "); " + leverage.words() + ".");
        backtest.ifPresent(b -> lines.add("Backtest: the target's measured gain " + signed(b.measured()) + " ± "
                + fmt("%.2f", b.se()) + " is " + (b.inside() ? "inside" : "OUTSIDE") + " its interval ["
                + signed(b.low()) + ", " + signed(b.high()) + "]."));
        largestOut.ifPresent(b -> lines.add("Leave-the-largest-out: " + b.fidelity() + " predicted "
                + signed(b.predicted()) + " [" + signed(b.low()) + ", " + signed(b.high())
                + "] from the smaller proxies,"
                + " measured " + signed(b.measured()) + ": " + (b.inside() ? "inside" : "OUTSIDE") + "."));
        looCheck.ifPresent(c -> lines.add("Leave-one-out check: "
                + (c.misfit() ? "the form MISSES the points it leaves out" : "the form fits the points it leaves out")
                + " (Q = " + fmt("%.2f", c.statistic()) + " over " + c.k() + " proxies, p = " + fmt("%.3f", c.p())
                + ")."));
        if (misfit()) {
            lines.add("The form does not fit within the observed span: do not trust the extrapolation;"
                    + " a proxy nearer the target would tell.");
        }
        return lines;
    }

    static String dfWords(double df) {
        return Double.isInfinite(df)
                ? "no measured noise: no cell has two seeds, so the seed noise is assumed ("
                        + fmt("%.1f", NoiseModel.ASSUMED_STD) + " points per run) and the interval is only as right"
                        + " as that assumption"
                : fmt("%.1f", df) + " df";
    }

    static String signed(double value) {
        return fmt("%+.2f", value);
    }

    static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
