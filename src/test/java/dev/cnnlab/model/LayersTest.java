package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnlab.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayersTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void globalAveragePoolIsTheMeanOverTheMapWithAnEvenlySpreadGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // channels-last storage viewed as NCHW, as the network sees its activations
            NDArray x = manager.randomNormal(new Shape(2, 4, 5, 3)).transpose(0, 3, 1, 2);
            x.setRequiresGradient(true);
            NDArray pooled;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                pooled = new Layers(new Initializers(0))
                        .globalAvgPool()
                        .forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow();
                collector.backward(pooled.mul(manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)))
                        .sum());
            }
            assertThat(pooled.getShape()).isEqualTo(new Shape(2, 3));
            float[] expected = x.mean(new int[] {3}).mean(new int[] {2}).toFloatArray();
            float[] actual = pooled.toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-6f));
            }
            // d/dx of w_nc * mean(x_nc) is w_nc / 20 at every position of the map
            NDArray grad = x.getGradient();
            assertThat(grad.get(1, 2).toFloatArray()).containsOnly(6f / 20);
            assertThat(grad.get(0, 0).toFloatArray()).containsOnly(1f / 20);
        }
    }
}
