package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftTargetCrossEntropyTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static double ce(double[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        return -(logits[label] - max - Math.log(sum));
    }

    @Test
    void oneHotTargetsGiveOrdinaryCrossEntropyAndBlendedTargetsTheMixupLoss() {
        double[] row0 = {1.0, 2.0, 0.5};
        double[] row1 = {-1.0, 0.0, 3.0};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {1f, 2f, 0.5f, -1f, 0f, 3f}, new Shape(2, 3));
            NDArray oneHot = manager.create(new float[] {0, 1, 0, 1, 0, 0}, new Shape(2, 3));
            double expected = (ce(row0, 1) + ce(row1, 0)) / 2;
            assertThat(SoftTargetCrossEntropy.mean(logits, oneHot).getFloat())
                    .isCloseTo((float) expected, within(1e-5f));

            // mixup: lam * CE(y_a) + (1 - lam) * CE(y_b) with y_a = (1, 0), y_b = (2, 2)
            double lam = 0.3;
            NDArray blended = manager.create(new float[] {0, 0.3f, 0.7f, 0.3f, 0, 0.7f}, new Shape(2, 3));
            double mixup =
                    (lam * ce(row0, 1) + (1 - lam) * ce(row0, 2) + lam * ce(row1, 0) + (1 - lam) * ce(row1, 2)) / 2;
            assertThat(SoftTargetCrossEntropy.mean(logits, blended).getFloat()).isCloseTo((float) mixup, within(1e-5f));
        }
    }
}
