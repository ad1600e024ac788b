package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of every parameter array of a network (batch-norm running
 * statistics included): {@code ema = d * ema + (1 - d) * w} after each step. To evaluate it, its
 * values are swapped into the live network and swapped back afterwards.
 */
public final class WeightAverage {

    /** The name under which runs record the average's test top-1. */
    public static final String METRIC = "test_top1_ema";

    private final List<NDArray> live;
    private final List<NDArray> average = new ArrayList<>();
    private final float decay;

    public WeightAverage(Block block, double decay) {
        this.live = ArrayIo.parameterArrays(block);
        this.decay = (float) decay;
        for (NDArray w : live) {
            NDArray copy = w.duplicate();
            copy.setRequiresGradient(false);
            average.add(copy);
        }
    }

    /** Folds the current weights into the average. */
    public void update() {
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < live.size(); i++) {
                average.get(i).muli(decay).addi(live.get(i).mul(1 - decay));
            }
            scope.suppressNotUsedWarning();
        }
    }

    /** Runs {@code body} with the averaged weights in the network, then restores the raw ones. */
    public <T> T withAverage(java.util.function.Supplier<T> body) {
        List<NDArray> saved = new ArrayList<>();
        for (NDArray w : live) {
            saved.add(w.duplicate());
        }
        try {
            for (int i = 0; i < live.size(); i++) {
                average.get(i).copyTo(live.get(i));
            }
            return body.get();
        } finally {
            for (int i = 0; i < live.size(); i++) {
                saved.get(i).copyTo(live.get(i));
                saved.get(i).close();
            }
        }
    }

    public void save(DataOutputStream out) throws IOException {
        ArrayIo.write(average, out);
    }

    public void load(DataInputStream in, NDManager scratch) throws IOException {
        ArrayIo.readInto(average, in, scratch, "weight average");
    }
}
