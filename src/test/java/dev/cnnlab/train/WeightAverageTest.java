package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.cnnlab.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void averageAfterKStepsAndSwappingInAndOut() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear linear = Linear.builder().setUnits(1).optBias(false).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray w = linear.getParameters().get("weight").getArray();
            manager.create(new float[] {1f, 1f}, new Shape(1, 2)).copyTo(w);
            WeightAverage average = new WeightAverage(linear, 0.9);
            manager.create(new float[] {2f, -1f}, new Shape(1, 2)).copyTo(w);
            for (int k = 0; k < 3; k++) {
                average.update();
            }
            // ema_3 = 0.9^3 * 1 + (1 - 0.9^3) * w  with 0.9^3 = 0.729
            float[] seen = average.withAverage(() -> w.toFloatArray());
            assertThat(seen).containsExactly(new float[] {1.271f, 0.458f}, within(1e-5f));
            assertThat(w.toFloatArray()).containsExactly(2f, -1f);
        }
    }
}
