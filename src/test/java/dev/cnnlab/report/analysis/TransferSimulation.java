package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A simulated study with a known truth for the transfer tests: true proxy gains ξ_i ~ N(1, 1),
 * true target gains η_i = {@link #INTERCEPT} + {@link #SLOPE} ξ_i + N(0, τ²), each measured with
 * seed noise whose standard error is drawn uniformly from the given ranges.
 *
 * @param sets technique sets per study
 * @param proxyNoise the proxy's standard errors: [low, high]
 * @param targetNoise the target's standard errors: [low, high]
 * @param tau the intrinsic scatter's standard deviation
 */
record TransferSimulation(int sets, double[] proxyNoise, double[] targetNoise, double tau) {

    static final double SLOPE = 0.6;
    static final double INTERCEPT = 0.2;

    /** A new technique: its true gains and its measured proxy gain. */
    record NewTechnique(double trueProxy, double trueTarget, double proxyGain, double proxySe) {}

    List<TransferPoint> study(Random random) {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            double xi = 1 + random.nextGaussian();
            double eta = INTERCEPT + SLOPE * xi + tau * random.nextGaussian();
            double sx = uniform(random, proxyNoise);
            double sy = uniform(random, targetNoise);
            points.add(TransferPoint.of(
                    "s" + i, xi + sx * random.nextGaussian(), sx, eta + sy * random.nextGaussian(), sy));
        }
        return points;
    }

    NewTechnique newTechnique(Random random) {
        double xi = 1 + random.nextGaussian();
        double eta = INTERCEPT + SLOPE * xi + tau * random.nextGaussian();
        double sx = uniform(random, proxyNoise);
        return new NewTechnique(xi, eta, xi + sx * random.nextGaussian(), sx);
    }

    private static double uniform(Random random, double[] range) {
        return range[0] + (range[1] - range[0]) * random.nextDouble();
    }
}
