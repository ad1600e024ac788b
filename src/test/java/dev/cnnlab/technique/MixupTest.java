package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.Fixtures;
import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MixupTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void imagesAndTargetsAreBlendedWithTheSameLambdaAndPartner() {
        int batch = 4;
        int classes = 5;
        int pixels = 2 * 2 * 3;
        float[] values = new float[batch * pixels];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        float[] targets = new float[batch * classes];
        for (int i = 0; i < batch; i++) {
            targets[i * classes + i] = 1f; // image i has class i
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray images = manager.create(values, new Shape(batch, 2, 2, 3));
            BatchMixer.MixedBatch mixed = new Mixup(1.0).mix(images, targets, classes, Seeds.stream(1, "t"));
            float[] out = mixed.images().toFloatArray();
            for (int i = 0; i < batch; i++) {
                float[] row = Arrays.copyOfRange(mixed.targets(), i * classes, (i + 1) * classes);
                double lambda = row[i];
                int partner = partnerOf(row, i);
                assertThat(row[partner] + (partner == i ? 0 : row[i])).isCloseTo(1f, within(1e-6f));
                for (int p = 0; p < pixels; p++) {
                    double expected = lambda * values[i * pixels + p] + (1 - lambda) * values[partner * pixels + p];
                    assertThat((double) out[i * pixels + p]).isCloseTo(expected, within(1e-3));
                }
            }
        }
    }

    private static int partnerOf(float[] row, int self) {
        for (int c = 0; c < row.length; c++) {
            if (c != self && row[c] > 0) {
                return c;
            }
        }
        return self; // paired with itself: the target stays one-hot
    }

    @Test
    void mixedTargetsAreLambdaWeightedRows() {
        float[] targets = {1, 0, 0, 1};
        float[] mixed = Mixup.mixTargets(targets, 2, new int[] {1, 0}, 0.25);
        assertThat(mixed).containsExactly(new float[] {0.25f, 0.75f, 0.75f, 0.25f}, within(1e-7f));
    }

    @Test
    void lambdaFollowsBetaAlphaAlpha() {
        // Beta(a, a) has mean 1/2 and variance 1 / (4 (2a + 1)): 1/12 for a = 1, 0.1786 for a = 0.2
        for (double alpha : new double[] {0.2, 1.0}) {
            Mixup mixup = new Mixup(alpha);
            java.util.SplittableRandom random = Seeds.stream(7, "beta");
            int n = 20000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double lambda = mixup.sampleLambda(random);
                assertThat(lambda).isBetween(0.0, 1.0);
                sum += lambda;
                squares += lambda * lambda;
            }
            double mean = sum / n;
            assertThat(mean).isCloseTo(0.5, within(0.01));
            assertThat(squares / n - mean * mean).isCloseTo(1 / (4 * (2 * alpha + 1)), within(0.005));
        }
    }

    @Test
    void catalogueRefusesUnknownTechniquesAndOptions() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("dropblock")))
                .hasMessageContaining("unknown technique 'dropblock'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TechniqueCatalog.create(TechniqueSpec.of("mixup", "beta", 1)))
                .hasMessageContaining("has no option 'beta'");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TechniqueCatalog.create(TechniqueSpec.of("mixup", "alpha", -1)))
                .hasMessageContaining("alpha");
    }
}
