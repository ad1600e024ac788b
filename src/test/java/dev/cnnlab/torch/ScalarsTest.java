package dev.cnnlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cnnlab.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    /** d(sum(x / 4))/dx after the scalar's Java side has had every chance to be collected and reused. */
    private static float[] gradientAfterChurn(BiFunction<NDArray, Double, NDArray> divide) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = divide.apply(x, 4.0).sum();
                for (int round = 0; round < 5; round++) {
                    List<ByteBuffer> churn = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        ByteBuffer b = ByteBuffer.allocateDirect(8);
                        b.putDouble(0, Double.NaN);
                        churn.add(b);
                    }
                    churn.clear();
                    System.gc();
                }
                try (NDManager scratch = manager.newSubManager()) {
                    for (int i = 0; i < 2000; i++) {
                        scratch.create(Float.NaN); // same-sized 0-d arrays on fresh direct buffers
                    }
                }
                collector.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Fails with DJL's own {@code x.div(4)} under the launcher's small young generation (checked). */
    @Test
    void aDivisionByALibtorchOwnedScalarKeepsItsGradientWhateverTheGarbageCollectorDoes() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(gradientAfterChurn(Scalars::divide)).containsOnly(0.25f);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(Scalars.divide(manager.create(new float[] {2, 6}, new Shape(2)), 2)
                            .toFloatArray())
                    .containsExactly(1f, 3f);
        }
    }
}
