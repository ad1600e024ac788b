package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transfer line on a 10-set fixture whose every number was computed independently with numpy
 * and scipy by {@code src/test/resources/dev/cnnlab/report/analysis/transfer_fixture.py} (its output
 * is pasted below).
 */
class TransferFitFixtureTest {

    static final double[] X = {-0.8, -0.3, 0.1, 0.4, 0.9, 1.2, 1.6, 2.3, 2.9, 3.4};
    static final double[] Y = {-0.6, -0.4, 1.0, 0.0, 1.3, 0.4, 1.8, 1.0, 2.6, 1.7};
    static final double[] SX = {0.5, 0.6, 0.4, 0.5, 0.7, 0.5, 0.6, 0.4, 0.5, 0.6};
    static final double[] SY = {0.3, 0.2, 0.3, 0.25, 0.3, 0.2, 0.35, 0.3, 0.25, 0.3};
    static final double TOLERANCE = 1e-9;

    static List<TransferPoint> points() {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < X.length; i++) {
            points.add(TransferPoint.of("s" + i, X[i], SX[i], Y[i], SY[i]));
        }
        return points;
    }

    @Test
    void theSlopeInterceptAndScatterAreTheHandComputedOnes() {
        TransferFit fit = TransferFit.estimate(points(), "P", "T");

        // s_xx = 1.920111, s_xy = 1.172667, m = mean s_x² = 0.289; not floored (1.92 ≥ (1 + 1/9) 0.289);
        // slope = s_xy / (s_xx - m + 2 m / 9) = 1.172667 / 1.695333 = 0.691703
        assertThat(fit.proxyVariance()).isCloseTo(1.920111111111, within(TOLERANCE));
        assertThat(fit.covariance()).isCloseTo(1.172666666667, within(TOLERANCE));
        assertThat(fit.meanProxyNoise()).isCloseTo(0.289, within(TOLERANCE));
        assertThat(fit.floored()).isFalse();
        assertThat(fit.slope()).isCloseTo(0.691702713331, within(TOLERANCE));
        assertThat(fit.intercept()).isCloseTo(0.070707825403, within(TOLERANCE));
        // τ² = s_rr - mean(s_y² + b² s_x²) = 0.397960 - 0.216023
        assertThat(fit.residualVariance()).isCloseTo(0.397959907696, within(TOLERANCE));
        assertThat(fit.tau2()).isCloseTo(0.181937093687, within(TOLERANCE));
        assertThat(fit.slopeSe()).isCloseTo(0.176309395833, within(TOLERANCE));
        assertThat(fit.reliability()).isCloseTo(0.849487876859, within(TOLERANCE));
        assertThat(fit.df()).isEqualTo(8);
        assertThat(fit.slopeLow()).isCloseTo(0.691702713331 - 1.859548037523 * 0.176309395833, within(TOLERANCE));
    }

    @Test
    void ordinaryLeastSquaresIsAttenuatedByTheReliability() {
        TransferFit fit = TransferFit.estimate(points(), "P", "T");

        // OLS / EIV = (s_xx - m + 2m/(n-1)) / s_xx = λ + 2m/((n-1) s_xx) = 0.849488 + 0.033447
        assertThat(fit.olsSlope()).isCloseTo(0.610728545802, within(TOLERANCE));
        assertThat(fit.olsSlope() / fit.slope()).isCloseTo(0.882935015335, within(TOLERANCE));
        assertThat(fit.olsSlope() / fit.slope())
                .isCloseTo(fit.reliability() + 2 * 0.289 / (9 * 1.920111111111), within(1e-9));
        assertThat(Math.abs(fit.olsSlope())).isLessThan(Math.abs(fit.slope()));
    }

    @Test
    void aPredictionCarriesParametersScatterAndTheNewProxyNoise() {
        TransferFit fit = TransferFit.estimate(points(), "P", "T");

        TransferPrediction prediction = fit.predict(2.0, 0.5);

        assertThat(prediction.prediction()).isCloseTo(1.454113252064, within(TOLERANCE));
        assertThat(prediction.trueLow()).isCloseTo(0.334114548565, within(TOLERANCE));
        assertThat(prediction.trueHigh()).isCloseTo(2.574111955564, within(TOLERANCE));
        assertThat(prediction.measuredLow()).isCloseTo(0.219912988487, within(TOLERANCE));
        assertThat(prediction.measuredHigh()).isCloseTo(2.688313515642, within(TOLERANCE));
    }

    @Test
    void theDescriptionStatesMethodCoefficientsAndAssumptions() {
        List<String> lines = TransferFit.estimate(points(), "P", "T").describe();

        assertThat(lines.get(0)).isEqualTo("Errors-in-variables regression of T gains on P gains");
        assertThat(lines).anyMatch(l -> l.startsWith("slope") && l.contains("0.692") && l.contains("0.176"));
        assertThat(lines).contains("sets: 10   df: 8   reliability of the proxy gains: 0.85");
        assertThat(lines).anyMatch(l -> l.startsWith("intrinsic scatter τ: 0.427"));
        assertThat(lines).anyMatch(l -> l.startsWith("assumptions:") && l.contains("Student's t with n - 2 = 8 df"));
    }

    static GainEstimate gain(String fidelity, String set, double value, double se, double df, int seeds) {
        return new GainEstimate(
                fidelity,
                set,
                Estimate.interval(value, value - 2 * se, value + 2 * se),
                seeds,
                true,
                se,
                df,
                VarianceModel.Source.MODEL,
                se * Math.sqrt(seeds),
                0.5);
    }

    @Test
    void pointsPairTheSetsMeasuredAtBothFidelities() {
        List<GainEstimate> gains = List.of(
                gain("P", "se", 1.0, 0.3, 4.5, 3),
                gain("P", "se+mixup", 2.0, 0.4, 4.5, 3),
                gain("P", "cutout", 0.5, 0.2, 4.5, 3),
                gain("T", "se+mixup", 1.5, 0.25, 6.0, 2),
                gain("T", "se", 0.8, 0.2, 6.0, 2));

        List<TransferPoint> points =
                TransferPoint.between(gains, "P", "T", java.util.Map.of("se", java.util.Set.of("squeeze-excite")));

        assertThat(points)
                .containsExactly(
                        new TransferPoint("se", java.util.Set.of("squeeze-excite"), 1.0, 0.3, 4.5, 3, 0.8, 0.2, 6.0),
                        new TransferPoint(
                                "se+mixup", java.util.Set.of("se", "mixup"), 2.0, 0.4, 4.5, 3, 1.5, 0.25, 6.0));
    }

    @Test
    void aSetWithoutAKnownCompositionIsSplitOnPlus() {
        assertThat(TransferPoint.techniquesOf("se+mixup")).containsExactly("mixup", "se");
        assertThat(TransferPoint.techniquesOf("cutout")).containsExactly("cutout");
    }
}
