package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One set's gains at the proxies along an axis, cheapest first, and what each {@link CurveModel}
 * fitted to them predicts: the numbers {@link GainExtrapolation} chooses, refits and checks.
 */
final class GainSeries {
    final String[] names;
    final double[] x;
    final double[] g;
    final double[] se;
    final double[] err;

    private GainSeries(String[] names, double[] x, double[] g, double[] se, double[] err) {
        this.names = names;
        this.x = x;
        this.g = g;
        this.se = se;
        this.err = err;
    }

    static GainSeries of(List<GainPrediction.Point> points) {
        List<GainPrediction.Point> sorted = points.stream()
                .sorted(java.util.Comparator.comparingDouble(GainPrediction.Point::cost))
                .toList();
        return new GainSeries(
                sorted.stream().map(GainPrediction.Point::fidelity).toArray(String[]::new),
                sorted.stream().mapToDouble(p -> Math.log(p.cost())).toArray(),
                sorted.stream().mapToDouble(GainPrediction.Point::gain).toArray(),
                sorted.stream().mapToDouble(GainPrediction.Point::se).toArray(),
                sorted.stream().mapToDouble(GainPrediction.Point::baselineError).toArray());
    }

    int size() {
        return x.length;
    }

    GainSeries withGains(double[] gains) {
        return new GainSeries(names, x, gains, se, err);
    }

    GainSeries without(int i) {
        return new GainSeries(drop(names, i), drop(x, i), drop(g, i), drop(se, i), drop(err, i));
    }

    /** Whether every set's error is positive, so the relative scale is defined. */
    boolean relativeValid() {
        for (int i = 0; i < size(); i++) {
            if (!(g[i] < err[i]) || err[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** The gains on a scale. */
    double[] values(CurveModel.Scale scale) {
        if (scale == CurveModel.Scale.POINTS) {
            return g;
        }
        double[] r = new double[size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.log(err[i] / (err[i] - g[i]));
        }
        return r;
    }

    /** The standard errors on a scale (relative: SE / err_set, the delta method with the baseline held). */
    double[] seOnScale(CurveModel.Scale scale) {
        if (scale == CurveModel.Scale.POINTS) {
            return se;
        }
        double[] s = new double[size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = se[i] / (err[i] - g[i]);
        }
        return s;
    }

    WeightedLine line(CurveModel model) {
        double[] s = seOnScale(model.scale());
        double[] variance = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            variance[i] = s[i] * s[i];
        }
        return WeightedLine.fit(model.form(), x, values(model.scale()), variance);
    }

    double[] fittedOnScale(CurveModel model) {
        WeightedLine line = line(model);
        return Arrays.stream(x).map(line::at).toArray();
    }

    /** The model's prediction in points at {@code x0}, where the baseline's error is {@code error0}. */
    double predict(CurveModel model, double x0, double error0) {
        return predictWithVariance(model, x0, error0)[0];
    }

    /** {prediction, its variance} in points (relative: by the delta method, d g / d r = err_set). */
    double[] predictWithVariance(CurveModel model, double x0, double error0) {
        if (model.scale() == CurveModel.Scale.RELATIVE && !relativeValid()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        WeightedLine line = line(model);
        double y = line.at(x0);
        double v = line.variance(x0);
        if (model.scale() == CurveModel.Scale.POINTS) {
            return new double[] {y, v};
        }
        double setError = error0 * Math.exp(-y);
        return new double[] {error0 - setError, v * setError * setError};
    }

    /**
     * The model's predictions in points at each {@code xs[j]}, where the baseline's error is
     * {@code errors[j]}: one fit for them all (the bootstrap evaluates every draw's fit along the
     * chart's grid).
     */
    double[] predictAll(CurveModel model, double[] xs, double[] errors) {
        double[] out = new double[xs.length];
        if (model.scale() == CurveModel.Scale.RELATIVE && !relativeValid()) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        WeightedLine line = line(model);
        for (int j = 0; j < xs.length; j++) {
            double y = line.at(xs[j]);
            out[j] = model.scale() == CurveModel.Scale.POINTS ? y : errors[j] - errors[j] * Math.exp(-y);
        }
        return out;
    }

    /** Σ (g_i - ĝ₋ᵢ)² / s_i²: the leave-one-out error on points. */
    double press(CurveModel model) {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            double p = without(i).predict(model, x[i], err[i]);
            if (!Double.isFinite(p)) {
                return Double.POSITIVE_INFINITY;
            }
            double r = (g[i] - p) / se[i];
            sum += r * r;
        }
        return sum;
    }

    /**
     * The baseline's error at {@code x0}, interpolated linearly in log cost between the proxies
     * (and the target, when known); only the chart's band between points needs it.
     */
    double baselineErrorAt(double x0, double xT, double errT) {
        List<double[]> known = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            known.add(new double[] {x[i], err[i]});
        }
        if (!Double.isNaN(errT)) {
            known.add(new double[] {xT, errT});
        }
        known.sort(java.util.Comparator.comparingDouble(a -> a[0]));
        if (x0 <= known.get(0)[0]) {
            return known.get(0)[1];
        }
        for (int i = 1; i < known.size(); i++) {
            if (x0 <= known.get(i)[0]) {
                double[] a = known.get(i - 1);
                double[] b = known.get(i);
                return a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]);
            }
        }
        return known.get(known.size() - 1)[1];
    }

    private static double[] drop(double[] values, int i) {
        double[] out = new double[values.length - 1];
        System.arraycopy(values, 0, out, 0, i);
        System.arraycopy(values, i + 1, out, i, values.length - i - 1);
        return out;
    }

    private static String[] drop(String[] values, int i) {
        String[] out = new String[values.length - 1];
        System.arraycopy(values, 0, out, 0, i);
        System.arraycopy(values, i + 1, out, i, values.length - i - 1);
        return out;
    }
}
