package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.Fixtures;
import dev.cnnlab.train.SoftTargetCrossEntropy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelSmoothingTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void smoothsOneHotRowsTowardsUniform() {
        float[] targets = {0, 1, 0, 0, 1, 0, 0, 0};
        new LabelSmoothing(0.1).apply(targets, 4);
        assertThat(targets)
                .containsExactly(
                        new float[] {0.025f, 0.925f, 0.025f, 0.025f, 0.925f, 0.025f, 0.025f, 0.025f}, within(1e-7f));
        float[] soft = {0.25f, 0.75f};
        new LabelSmoothing(0.2).apply(soft, 2); // 0.8 * t + 0.1
        assertThat(soft).containsExactly(new float[] {0.3f, 0.7f}, within(1e-7f));
        float[] same = {0, 1, 0};
        new LabelSmoothing(0.0).apply(same, 3);
        assertThat(same).containsExactly(0f, 1f, 0f);
    }

    @Test
    void lossOnKnownLogitsIsTheSmoothedCrossEntropy() {
        double eps = 0.1;
        double[] logits = {2.0, 1.0, 0.0, -1.0, 0.5};
        int label = 1;
        int k = logits.length;
        // By hand: log softmax, then -sum_c t_c log p_c with t_c = (1 - eps) [c = label] + eps / K.
        double max = 2.0;
        double norm = 0;
        for (double z : logits) {
            norm += Math.exp(z - max);
        }
        double logNorm = max + Math.log(norm);
        double expected = 0;
        for (int c = 0; c < k; c++) {
            double t = (c == label ? 1 - eps : 0) + eps / k;
            expected -= t * (logits[c] - logNorm);
        }
        // Equivalently (1 - eps) CE(label) + eps * mean_c CE(c).
        double meanCe = 0;
        for (double z : logits) {
            meanCe += (logNorm - z) / k;
        }
        assertThat(expected).isCloseTo((1 - eps) * (logNorm - logits[label]) + eps * meanCe, within(1e-12));

        float[] targets = new float[k];
        targets[label] = 1f;
        TechniqueCatalog.create(TechniqueSpec.of("label-smoothing"))
                .targetTransform()
                .orElseThrow()
                .apply(targets, k);
        float[] z = new float[k];
        for (int c = 0; c < k; c++) {
            z[c] = (float) logits[c];
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray loss = SoftTargetCrossEntropy.mean(
                    manager.create(z, new Shape(1, k)), manager.create(targets, new Shape(1, k)));
            assertThat((double) loss.getFloat()).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void epsilonMustBeInZeroToOne() {
        assertThatThrownBy(() -> new LabelSmoothing(1.0)).hasMessageContaining("epsilon must be in [0, 1)");
        assertThatThrownBy(() -> new LabelSmoothing(-0.1)).hasMessageContaining("epsilon must be in [0, 1)");
        assertThatThrownBy(() -> new LabelSmoothing(Double.NaN)).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("label-smoothing", "epsilon", 1)))
                .hasMessageContaining("technique 'label-smoothing'")
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new LabelSmoothing(0.1).apply(new float[5], 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(((LabelSmoothing) TechniqueCatalog.create(TechniqueSpec.of("label-smoothing"))).epsilon())
                .isEqualTo(0.1);
    }
}
