package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Predicts each technique set's gain at the target from its gains at the proxies along each
 * {@link ScalingAxis}: the method is described on {@link GainPrediction}.
 *
 * <p>One series: the proxies' seed-paired gains g_i with standard errors s_i at x_i = ln(cost),
 * and the baseline's error e_i there. A model is a candidate when the points can fit it (M1
 * needs two proxies; the relative scale needs the baseline's error at the target, to turn its
 * prediction back into points); it can be compared by leave-one-out when they can fit it with
 * one left out. The chosen model is the one with the smallest Σ (g_i - ĝ₋ᵢ)² / s_i², ties to the
 * simpler. The bootstrap repeats the whole choice in each draw, so the interval carries the
 * uncertainty of which form was chosen as well as of its fit.
 */
public final class GainExtrapolation {

    /** Bootstrap draws per prediction. */
    public static final int DRAWS = 4000;

    /** Points between the cheapest proxy and the target at which the chart's band is computed. */
    static final int BAND_POINTS = 24;

    /**
     * Which models may be chosen and how many draws to take.
     *
     * @param allowed the models to choose among (a test fixes one to check its intervals)
     * @param draws bootstrap draws
     */
    public record Options(List<CurveModel> allowed, int draws) {

        /** Every model, {@link #DRAWS} draws. */
        public static final Options DEFAULT = new Options(CurveModel.ALL, DRAWS);

        public Options {
            allowed = List.copyOf(allowed);
            if (allowed.isEmpty() || draws < 100) {
                throw new IllegalArgumentException("give at least one model and 100 draws");
            }
        }
    }

    private GainExtrapolation() {}

    /** Every set's prediction along every axis of the evidence. */
    public static List<GainPrediction> all(Evidence evidence, List<GainEstimate> gains, Options options) {
        return all(evidence, ScalingAxis.all(evidence), gains, options);
    }

    /** Every set's prediction along each of {@code axes} (those {@link ScalingAxis#all} found in the evidence). */
    static List<GainPrediction> all(
            Evidence evidence, List<ScalingAxis> axes, List<GainEstimate> gains, Options options) {
        List<GainPrediction> predictions = new ArrayList<>();
        for (ScalingAxis axis : axes) {
            Map<String, OptionalDouble> baselineError = new LinkedHashMap<>();
            for (ScalingAxis.Station s : axis.stations()) {
                baselineError.put(
                        s.fidelity(),
                        evidence.cell(s.fidelity(), evidence.baseline()).stream()
                                .mapToDouble(o -> 100 - o.top1())
                                .average());
            }
            for (String set : evidence.candidates()) {
                List<GainPrediction.Point> points = new ArrayList<>();
                for (ScalingAxis.Station s : axis.proxies()) {
                    Optional<GainEstimate> g = find(gains, s.fidelity(), set);
                    OptionalDouble error = baselineError.get(s.fidelity());
                    if (g.isPresent() && error.isPresent() && g.get().standardError() > 0) {
                        points.add(new GainPrediction.Point(
                                s.fidelity(),
                                s.cost(),
                                g.get().gain().value().getAsDouble(),
                                g.get().standardError(),
                                error.getAsDouble()));
                    }
                }
                if (points.size() < 2) {
                    continue;
                }
                double df = gains.stream()
                        .filter(g -> g.set().equals(set)
                                && points.stream().anyMatch(p -> p.fidelity().equals(g.fidelity())))
                        .mapToDouble(GainEstimate::df)
                        .min()
                        .orElse(Double.POSITIVE_INFINITY);
                predictions.add(predict(
                        axis.axis(),
                        set,
                        axis.targetStation(),
                        points,
                        baselineError.get(axis.target()),
                        find(gains, axis.target(), set),
                        df,
                        options));
            }
        }
        return List.copyOf(predictions);
    }

    private static Optional<GainEstimate> find(List<GainEstimate> gains, String fidelity, String set) {
        return gains.stream()
                .filter(g -> g.fidelity().equals(fidelity) && g.set().equals(set))
                .findFirst();
    }

    /**
     * Predicts one series.
     *
     * @param axis the axis's name
     * @param set the set
     * @param target the target's station
     * @param points the proxies' gains (at least 2)
     * @param targetBaselineError the baseline's error at the target, when it was run
     * @param measured the set's measured gain at the target, when it was run
     * @param df the seed noise's degrees of freedom
     * @param options models and draws
     */
    static GainPrediction predict(
            String axis,
            String set,
            ScalingAxis.Station target,
            List<GainPrediction.Point> points,
            OptionalDouble targetBaselineError,
            Optional<GainEstimate> measured,
            double df,
            Options options) {
        GainSeries series = GainSeries.of(points);
        double xT = target.x();
        double errT = targetBaselineError.orElse(Double.NaN);
        List<CurveModel> candidates = options.allowed().stream()
                .filter(m -> series.size() >= m.form().parameters()
                        && (m.scale() == CurveModel.Scale.POINTS || !Double.isNaN(errT)))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no allowed model fits " + points.size() + " points"
                    + " (relative needs the baseline at the target)");
        }
        Map<String, Double> looError = new LinkedHashMap<>();
        CurveModel chosen = choose(candidates, series, looError);
        double fit = series.predict(chosen, xT, errT);

        // the grid of the chart's band: the cheapest proxy to the target (or the dearest proxy)
        double xLow = Math.min(series.x[0], xT);
        double xHigh = Math.max(series.x[series.size() - 1], xT);
        double[] grid = new double[BAND_POINTS + 1];
        double[] gridError = new double[grid.length];
        double[] gridFit = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            grid[j] = xLow + (xHigh - xLow) * j / BAND_POINTS;
            gridError[j] = series.baselineErrorAt(grid[j], xT, errT);
            gridFit[j] = series.predict(chosen, grid[j], gridError[j]);
        }

        // the parametric bootstrap: noise of the measured size, t-scaled, around the chosen fit
        RandomGenerator random = new Well19937c((axis + "\u0000" + set).hashCode());
        ChiSquaredDistribution chi2 = Double.isInfinite(df) ? null : new ChiSquaredDistribution(random, df);
        double[] fitted = series.fittedOnScale(chosen);
        double[] scaleSe = series.seOnScale(chosen.scale());
        double seT = measured.map(GainEstimate::standardError).orElse(0.0);
        double[] errors = new double[options.draws()];
        double[] measuredErrors = new double[options.draws()];
        double[][] gridErrors = new double[grid.length][options.draws()];
        int kept = 0;
        for (int b = 0; b < options.draws(); b++) {
            double c = chi2 == null ? 1 : Math.sqrt(df / chi2.sample());
            double[] g = new double[series.size()];
            for (int i = 0; i < g.length; i++) {
                double y = fitted[i] + c * scaleSe[i] * random.nextGaussian();
                g[i] = chosen.scale() == CurveModel.Scale.POINTS ? y : series.err[i] * (1 - Math.exp(-y));
            }
            GainSeries drawn = series.withGains(g);
            List<CurveModel> drawCandidates = candidates.stream()
                    .filter(m -> m.scale() == CurveModel.Scale.POINTS || drawn.relativeValid())
                    .toList();
            CurveModel m = choose(drawCandidates, drawn, null);
            double p = drawn.predict(m, xT, errT);
            if (!Double.isFinite(p)) {
                continue;
            }
            errors[kept] = p - fit;
            measuredErrors[kept] = p - (fit + c * seT * random.nextGaussian());
            double[] along = drawn.predictAll(m, grid, gridError);
            for (int j = 0; j < grid.length; j++) {
                gridErrors[j][kept] = along[j] - gridFit[j];
            }
            kept++;
        }
        double alpha = 1 - GainPrediction.LEVEL;
        double[] e = sorted(errors, kept);
        Estimate predicted =
                Estimate.interval(fit, fit - Stats.quantile(e, 1 - alpha / 2), fit - Stats.quantile(e, alpha / 2));
        List<GainPrediction.BandPoint> band = new ArrayList<>();
        for (int j = 0; j < grid.length; j++) {
            double[] ej = sorted(gridErrors[j], kept);
            band.add(new GainPrediction.BandPoint(
                    Math.exp(grid[j]),
                    gridFit[j],
                    gridFit[j] - Stats.quantile(ej, 1 - alpha / 2),
                    gridFit[j] - Stats.quantile(ej, alpha / 2)));
        }
        double[] me = sorted(measuredErrors, kept);
        Optional<GainPrediction.Backtest> backtest = measured.map(g -> {
            return new GainPrediction.Backtest(
                    target.fidelity(),
                    g.gain().value().getAsDouble(),
                    g.standardError(),
                    fit,
                    fit - Stats.quantile(me, 1 - alpha / 2),
                    fit - Stats.quantile(me, alpha / 2));
        });
        return new GainPrediction(
                axis,
                set,
                target.fidelity(),
                chosen,
                points,
                looError,
                predicted,
                df,
                kept,
                leverage(series, xT),
                looCheck(chosen, series, df),
                largestOut(chosen, series, df),
                backtest,
                band);
    }

    /** The candidate with the smallest leave-one-out error, ties to the earlier; records each error when asked. */
    private static CurveModel choose(List<CurveModel> candidates, GainSeries series, Map<String, Double> record) {
        List<CurveModel> checkable = candidates.stream()
                .filter(m -> series.size() >= m.form().parameters() + 1)
                .toList();
        if (checkable.isEmpty()) {
            return candidates.get(0);
        }
        if (checkable.size() == 1 && record == null) {
            return checkable.get(0);
        }
        CurveModel best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (CurveModel m : checkable) {
            double error = series.press(m);
            if (record != null) {
                record.put(m.label(), error);
            }
            if (error < bestError - 1e-12 || best == null) {
                best = m;
                bestError = error;
            }
        }
        return best;
    }

    private static GainPrediction.Leverage leverage(GainSeries series, double xT) {
        double low = series.x[0];
        double high = series.x[series.size() - 1];
        double span = high - low;
        double beyond = (xT - high) / span;
        String words;
        if (xT > high) {
            words = "the target is " + GainPrediction.fmt("%.1f", beyond)
                    + "× the observed span beyond the largest proxy (in log cost)";
        } else if (xT >= low) {
            words = "the target lies inside the observed span (an interpolation)";
        } else {
            words = "the target is " + GainPrediction.fmt("%.1f", (low - xT) / span)
                    + "× the observed span below the smallest proxy (in log cost)";
        }
        return new GainPrediction.Leverage(beyond, words);
    }

    /** The chosen form's leave-one-out check, when every point can be left out. */
    static Optional<GainPrediction.LooCheck> looCheck(CurveModel model, GainSeries series, double df) {
        int k = series.size();
        if (k < model.form().parameters() + 1) {
            return Optional.empty();
        }
        double q = 0;
        for (int i = 0; i < k; i++) {
            GainSeries rest = series.without(i);
            double[] pv = rest.predictWithVariance(model, series.x[i], series.err[i]);
            double r = (series.g[i] - pv[0]) / Math.sqrt(series.se[i] * series.se[i] + pv[1]);
            q += r * r;
        }
        double p = Double.isInfinite(df)
                ? 1 - new ChiSquaredDistribution(null, k).cumulativeProbability(q)
                : 1 - new FDistribution(null, k, df).cumulativeProbability(q / k);
        return Optional.of(new GainPrediction.LooCheck(q, k, p));
    }

    /** The largest proxy predicted from the smaller ones with the chosen form, when they can fit it. */
    static Optional<GainPrediction.Backtest> largestOut(CurveModel model, GainSeries series, double df) {
        int last = series.size() - 1;
        if (last < model.form().parameters()) {
            return Optional.empty();
        }
        GainSeries rest = series.without(last);
        double[] pv = rest.predictWithVariance(model, series.x[last], series.err[last]);
        double half = Stats.tQuantile(1 - (1 - GainPrediction.LEVEL) / 2, df)
                * Math.sqrt(pv[1] + series.se[last] * series.se[last]);
        return Optional.of(new GainPrediction.Backtest(
                series.names[last], series.g[last], series.se[last], pv[0], pv[0] - half, pv[0] + half));
    }

    private static double[] sorted(double[] values, int n) {
        double[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        return copy;
    }
}
