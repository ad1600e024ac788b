package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.util.Seeds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializersTest {

    /** The seeded stream's draws, in [out, in, kh, kw] order. */
    private static float[] drawn(long seed, Shape shape) {
        SplittableRandom random = Seeds.stream(seed, "init");
        double std = Math.sqrt(2.0 / (shape.get(0) * shape.get(2) * shape.get(3)));
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    /** Whether flattening the array gives a view of its storage (true only for row-major layout). */
    private static boolean flattensToAView(NDArray array) {
        array.reshape(-1).muli(0); // writes through only if the reshape is a view
        return array.abs().sum().getFloat() == 0f;
    }

    @Test
    void kernelsLargerThan1x1HoldTheDrawnValuesInChannelsLastOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(8, 5, 3, 3);
            NDArray kernel = new Initializers(7).kaimingNormalFanOut().initialize(manager, shape, DataType.FLOAT32);
            assertThat(kernel.getShape()).isEqualTo(shape);
            assertThat(kernel.toFloatArray()).containsExactly(drawn(7, shape));
            assertThat(flattensToAView(kernel))
                    .as("a channels-last kernel cannot be flattened in place")
                    .isFalse();
        }
    }

    @Test
    void pointwiseKernelsStayRowMajorWhichIsTheSameLayout() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(8, 5, 1, 1);
            NDArray kernel = new Initializers(7).kaimingNormalFanOut().initialize(manager, shape, DataType.FLOAT32);
            assertThat(kernel.toFloatArray()).containsExactly(drawn(7, shape));
            assertThat(flattensToAView(kernel)).isTrue();
        }
    }
}
