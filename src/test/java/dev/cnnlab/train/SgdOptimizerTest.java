package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.cnnlab.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    /** loss = sum(c * w) has gradient c whatever w is, so every step is computable by hand. */
    private static void backward(NDArray w, float[] c) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(w.mul(w.getManager().create(c)).sum());
        }
    }

    @Test
    void twoStepsFollowPyTorchSgdSemantics() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            SgdOptimizer sgd = new SgdOptimizer(List.of(w), 0.9, 0.1);
            float[] c = {0.5f, -1f};

            backward(w, c);
            sgd.step(0.1);
            // d = g + wd*w = (0.6, -0.8); buf = d; w -= 0.1 * buf
            assertThat(w.toFloatArray()).containsExactly(new float[] {0.94f, 2.08f}, within(1e-6f));

            backward(w, c);
            sgd.step(0.1);
            // d = (0.5 + 0.094, -1 + 0.208) = (0.594, -0.792); buf = 0.9*(0.6,-0.8) + d = (1.134, -1.512)
            assertThat(w.toFloatArray()).containsExactly(new float[] {0.8266f, 2.2312f}, within(1e-6f));
        }
    }

    @Test
    void gradientsAreZeroedAfterEachStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f});
            w.setRequiresGradient(true);
            SgdOptimizer sgd = new SgdOptimizer(List.of(w), 0.0, 0.0);
            backward(w, new float[] {2f});
            sgd.step(1.0);
            backward(w, new float[] {2f});
            sgd.step(1.0);
            // without zeroing, the second step would use an accumulated gradient of 4
            assertThat(w.toFloatArray()[0]).isCloseTo(-3f, within(1e-6f));
        }
    }

    @Test
    void savedMomentumResumesExactly() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] c = {0.3f, -0.7f, 1.1f};
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            a.setRequiresGradient(true);
            SgdOptimizer first = new SgdOptimizer(List.of(a), 0.9, 1e-4);
            backward(a, c);
            first.step(0.1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            first.save(new DataOutputStream(bytes));

            NDArray b = manager.create(a.toFloatArray());
            b.setRequiresGradient(true);
            SgdOptimizer second = new SgdOptimizer(List.of(b), 0.9, 1e-4);
            second.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);

            backward(a, c);
            first.step(0.1);
            backward(b, c);
            second.step(0.1);
            assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
        }
    }

    @Test
    void followsPyTorchAcrossRateChangesIncludingAWarmUpFromZero() throws Exception {
        // warm-up from 0, a constant stretch, a milestone, a cosine-like wobble; the native step keeps
        // PyTorch's unscaled momentum buffers and applies the rate at each step, so a rate change must
        // not rescale them (an earlier update kept lr * buf, where every change was a rescaling)
        double[] rates = {0.0, 0.05, 0.1, 0.1, 0.01, 0.01, 0.03, 0.02};
        float[] c = {0.5f, -1f, 0.25f};
        double momentum = 0.9;
        double decay = 0.01;
        double[] w = {1, 2, -3};
        double[] buf = new double[3];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weights = manager.create(new float[] {1f, 2f, -3f});
            weights.setRequiresGradient(true);
            SgdOptimizer sgd = new SgdOptimizer(List.of(weights), momentum, decay);
            for (int t = 0; t < rates.length; t++) {
                if (t == 4) { // resume from saved state mid-way, as a checkpoint would
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    sgd.save(new DataOutputStream(bytes));
                    sgd = new SgdOptimizer(List.of(weights), momentum, decay);
                    sgd.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), manager);
                }
                backward(weights, c);
                sgd.step(rates[t]);
                for (int i = 0; i < 3; i++) { // torch.optim.SGD, in doubles
                    double d = c[i] + decay * w[i];
                    buf[i] = t == 0 ? d : momentum * buf[i] + d;
                    w[i] -= rates[t] * buf[i];
                }
                float[] actual = weights.toFloatArray();
                for (int i = 0; i < 3; i++) {
                    assertThat((double) actual[i])
                            .as("step %d, weight %d", t, i)
                            .isCloseTo(w[i], within(1e-5));
                }
            }
        }
    }

    @Test
    void nesterovStepsAlongGradientPlusMomentum() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {1f, 2f});
            w.setRequiresGradient(true);
            SgdOptimizer sgd = new SgdOptimizer(List.of(w), 0.9, 0.1, true);
            backward(w, new float[] {0.5f, -1f});
            sgd.step(0.1);
            // d = (0.6, -0.8); buf = d; step = d + 0.9 * buf = (1.14, -1.52); w -= 0.1 * step
            assertThat(w.toFloatArray()).containsExactly(new float[] {0.886f, 2.152f}, within(1e-6f));
        }
    }
}
