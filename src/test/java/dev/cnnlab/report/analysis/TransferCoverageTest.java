package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prediction intervals of a new technique's target gain, in simulated studies with a known truth
 * ({@link TransferSimulation}: true slope 0.6, true proxy gains N(1, 1)): over 1000 studies per
 * configuration, the 90% interval for the new technique's true target gain covers it in 85-95% of
 * them, and the interval for a measured target gain covers a measurement of it as often. The new
 * technique's proxy gain is itself measured with noise, drawn like the fitted sets'.
 */
class TransferCoverageTest {

    static final int STUDIES = 1000;

    @ParameterizedTest(name = "{0} sets, proxy noise {1}-{2}, target noise {3}-{4}, τ = {5}")
    @CsvSource({
        // the typical study: reliability about 0.84
        "12, 0.3, 0.5, 0.2, 0.4, 0.3",
        // the fewest sets allowed, noisier proxy (reliability about 0.8), more scatter
        "8, 0.4, 0.6, 0.2, 0.4, 0.5",
        // many sets, little scatter
        "20, 0.3, 0.5, 0.2, 0.4, 0.1"
    })
    void ninetyPercentIntervalsCoverTheTruthNinetyPercentOfTheTime(
            int sets, double sxLow, double sxHigh, double syLow, double syHigh, double tau) {
        TransferSimulation simulation =
                new TransferSimulation(sets, new double[] {sxLow, sxHigh}, new double[] {syLow, syHigh}, tau);
        Random random = new Random(2022 + sets);
        int trueCovered = 0;
        int measuredCovered = 0;
        for (int s = 0; s < STUDIES; s++) {
            List<TransferPoint> study = simulation.study(random);
            TransferFit fit = TransferFit.estimate(study, "P", "T");
            TransferSimulation.NewTechnique fresh = simulation.newTechnique(random);
            double targetSe = syLow + (syHigh - syLow) * random.nextDouble();
            double measured = fresh.trueTarget() + targetSe * random.nextGaussian();
            TransferPrediction prediction = fit.predict(fresh.proxyGain(), fresh.proxySe(), targetSe);
            trueCovered += prediction.trueCovers(fresh.trueTarget()) ? 1 : 0;
            measuredCovered += prediction.measuredCovers(measured) ? 1 : 0;
        }

        assertThat((double) trueCovered / STUDIES).isBetween(0.85, 0.95);
        assertThat((double) measuredCovered / STUDIES).isBetween(0.85, 0.95);
    }
}
