package dev.cnnlab.report.analysis;

/**
 * A weighted least-squares fit of a constant (M0) or a line (M1) with known point variances:
 * each point weighs {@code 1 / variance}. The variance of a prediction is then exact (given the
 * variances): {@code 1/Σw} for M0, {@code 1/Σw + (x0 - x̄)² / Sxx} for M1, the second term being
 * the leverage that grows as {@code x0} leaves the observed span.
 *
 * @param form the fitted form
 * @param intercept the value at {@code center}
 * @param slope per unit of x (0 for M0)
 * @param center the weighted mean of x
 * @param weightSum Σw
 * @param sxx Σw (x - x̄)² (0 for M0)
 */
record WeightedLine(CurveModel.Form form, double intercept, double slope, double center, double weightSum, double sxx) {

    /** Fits {@code form} to the points; the caller gives at least {@code form.parameters()} distinct x. */
    static WeightedLine fit(CurveModel.Form form, double[] x, double[] y, double[] variance) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1 / variance[i];
            sw += w;
            swx += w * x[i];
            swy += w * y[i];
        }
        double xbar = swx / sw;
        double ybar = swy / sw;
        if (form == CurveModel.Form.M0) {
            return new WeightedLine(form, ybar, 0, xbar, sw, 0);
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double w = 1 / variance[i];
            sxx += w * (x[i] - xbar) * (x[i] - xbar);
            sxy += w * (x[i] - xbar) * (y[i] - ybar);
        }
        return new WeightedLine(form, ybar, sxy / sxx, xbar, sw, sxx);
    }

    /** The fitted value at {@code x0}. */
    double at(double x0) {
        return intercept + slope * (x0 - center);
    }

    /** The variance of the fitted value at {@code x0}, from the points' variances. */
    double variance(double x0) {
        double v = 1 / weightSum;
        return form == CurveModel.Form.M0 ? v : v + (x0 - center) * (x0 - center) / sxx;
    }
}
