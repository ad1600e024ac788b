package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal of the transfer model, with its exact line. */
class TransferRefusalTest {

    @Test
    void fewerThanEightSetsAskForTheRest() {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(TransferPoint.of("s" + i, i, 0.1, 0.5 * i, 0.1));
        }

        TransferOutcome outcome = TransferModel.of(points, "P", "T");

        assertThat(outcome).isInstanceOf(TransferRefusal.class);
        TransferRefusal refusal = (TransferRefusal) outcome;
        assertThat(refusal.reason()).isEqualTo(TransferRefusal.Reason.TOO_FEW_SETS);
        assertThat(refusal.line())
                .isEqualTo(
                        "the transfer model needs 8 technique sets measured at both P and T; this study has 5: run 3 more");
        assertThat(refusal.needed()).isEqualTo(3);
    }

    /**
     * Proxy gains 0.0..0.7 (s_xx = 0.06), noise 0.21 (m = 0.0441): reliability 0.0159/0.06 = 0.265.
     * With k seeds instead of 3 the noise is 0.0441 × 3/k; 9 seeds give 0.0159/(0.0159 + 0.0147) =
     * 0.52, 8 give 0.49.
     */
    @Test
    void aProxyWhoseGainsAreMostlyNoiseSaysHowManySeedsWouldDo() {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            points.add(new TransferPoint("s" + i, java.util.Set.of("t" + i), 0.1 * i, 0.21, 2, 3, 0.1 * i, 0.2, 2));
        }

        TransferRefusal refusal = (TransferRefusal) TransferModel.of(points, "P", "T");

        assertThat(refusal.reason()).isEqualTo(TransferRefusal.Reason.UNRELIABLE_PROXY);
        assertThat(refusal.line())
                .isEqualTo("the proxy P's gains are mostly seed noise: reliability 0.27, needs 0.50; about 9 seeds per"
                        + " set instead of 3, or sets with larger gains, would raise it");
        assertThat(refusal.needed()).isEqualTo(9);
    }

    @Test
    void aProxyWithNoSpreadAtAllSaysNoNumberOfSeedsWouldDo() {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            points.add(TransferPoint.of("s" + i, 0.4, 0.2, 0.1 * i, 0.2));
        }

        TransferRefusal refusal = (TransferRefusal) TransferModel.of(points, "P", "T");

        assertThat(refusal.line())
                .isEqualTo("the proxy P's gains are mostly seed noise: reliability 0.00, needs 0.50; their spread is no"
                        + " larger than the noise, so only sets with larger gains (then more seeds) would raise it");
        assertThat(refusal.needed()).isZero();
    }

    /** Numbers from {@code transfer_refusal.py}: slope 0.0199, interval [-0.2527, 0.2925], 937 more sets. */
    @Test
    void aSlopeWhoseIntervalIncludesZeroSaysHowManyMoreSetsWouldDo() {
        double[] x = {-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5};
        double[] y = {0.4, -0.3, 0.5, -0.2, 0.1, 0.6, -0.4, 0.5};
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(TransferPoint.of("s" + i, x[i], 0.3, y[i], 0.3));
        }

        TransferRefusal refusal = (TransferRefusal) TransferModel.of(points, "P", "T");

        assertThat(refusal.reason()).isEqualTo(TransferRefusal.Reason.SLOPE_INCLUDES_ZERO);
        assertThat(refusal.line())
                .isEqualTo(
                        "the slope of T on P is 0.02 with a 90% interval [-0.25, 0.29] that includes 0: the proxy's"
                                + " gains do not show the target's; about 937 more sets would exclude 0 if the slope stays at 0.02");
        assertThat(refusal.needed()).isEqualTo(937);
    }

    @Test
    void aStudyThatPassesEveryCheckGetsItsFit() {
        List<TransferPoint> points = TransferFitFixtureTest.points();

        assertThat(TransferModel.of(points, "P", "T")).isInstanceOf(TransferFit.class);
    }
}
