package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnlab.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DropPathTest {

    private static final int BATCH = 64;

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    /** Frees and reuses as much Java direct memory of the mask's size as the collector allows. */
    private static void churnDirectMemory(NDManager manager) {
        for (int round = 0; round < 5; round++) {
            List<ByteBuffer> churn = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(BATCH * Float.BYTES);
                for (int j = 0; j < BATCH; j++) {
                    b.putFloat(j * Float.BYTES, Float.NaN);
                }
                churn.add(b);
            }
            churn.clear();
            System.gc();
        }
        try (NDManager scratch = manager.newSubManager()) {
            float[] nan = new float[BATCH];
            java.util.Arrays.fill(nan, Float.NaN);
            for (int i = 0; i < 500; i++) {
                scratch.create(nan, new Shape(BATCH, 1, 1, 1));
            }
        }
    }

    /**
     * The gradient through a dropped path follows the mask (0 or 1/survival per sample), even
     * when the block's own arrays were closed and the garbage collector ran before the backward
     * pass, as in training. A mask on Java memory gave NaN here.
     */
    @Test
    void theBackwardPassStillSeesTheMaskAfterTheBlocksArraysAreGone() {
        DropPath drop = new DropPath(0.5);
        for (int attempt = 0; attempt < 3; attempt++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = manager.ones(new Shape(BATCH, 2, 1, 1));
                x.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y;
                    try (NDManager block = manager.newSubManager()) {
                        NDArray input = x.add(x); // in the graph, and owned by the block as a block's input is
                        input.attach(block);
                        y = DropPath.withRandom(
                                        new SplittableRandom(attempt),
                                        () -> drop.forward(new ParameterStore(block, false), new NDList(input), true))
                                .singletonOrThrow()
                                .sum();
                        y.attach(manager);
                    }
                    churnDirectMemory(manager);
                    collector.backward(y);
                }
                float[] gradient = x.getGradient().toFloatArray();
                assertThat(gradient).containsAnyOf(0f).containsAnyOf(4f); // d(2x * mask)/dx, mask 0 or 2
                for (float g : gradient) {
                    assertThat(g).isIn(0f, 4f);
                }
            }
        }
    }
}
