package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and weight decay, exactly PyTorch's {@code torch.optim.SGD} (no dampening):
 * {@code d = g + wd * w; buf = m * buf + d; w -= lr * buf}, or with Nesterov momentum
 * {@code w -= lr * (d + m * buf)}.
 *
 * <p>DJL's own SGD keeps its momentum state private, which makes exact resumption impossible;
 * this one exposes it to {@link #save} and {@link #load}. Updates are in place on the parameter
 * arrays, outside any gradient collector (libtorch's grad mode is off there).
 */
public final class SgdOptimizer {

    private final List<NDArray> weights;
    private final List<NDArray> velocity;
    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;

    /**
     * An optimizer for the given weights (each with a gradient attached).
     *
     * @param weights arrays updated in place; their order defines the saved state's order
     */
    public SgdOptimizer(List<NDArray> weights, double momentum, double weightDecay) {
        this(weights, momentum, weightDecay, false);
    }

    /** As {@link #SgdOptimizer(List, double, double)}, optionally with Nesterov momentum. */
    public SgdOptimizer(List<NDArray> weights, double momentum, double weightDecay, boolean nesterov) {
        this.nesterov = nesterov;
        this.weights = List.copyOf(weights);
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
        this.velocity = new ArrayList<>(weights.size());
        for (NDArray w : weights) {
            velocity.add(w.getManager().zeros(w.getShape(), w.getDataType()));
        }
    }

    /** An optimizer for every trainable parameter of an initialised block, in block order. */
    public static SgdOptimizer forBlock(Block block, double momentum, double weightDecay) {
        return forBlock(block, momentum, weightDecay, false);
    }

    /** As {@link #forBlock(Block, double, double)}, optionally with Nesterov momentum. */
    public static SgdOptimizer forBlock(Block block, double momentum, double weightDecay, boolean nesterov) {
        List<NDArray> weights = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                weights.add(p.getArray());
            }
        }
        return new SgdOptimizer(weights, momentum, weightDecay, nesterov);
    }

    /** Applies one update with the gradients of the last backward pass, then zeroes them. */
    public void step(double lr) {
        float rate = (float) lr;
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < weights.size(); i++) {
                NDArray w = weights.get(i);
                NDArray grad = w.getGradient();
                if (weightDecay != 0f) {
                    grad.addi(w.mul(weightDecay));
                }
                NDArray buf = velocity.get(i);
                buf.muli(momentum).addi(grad);
                if (nesterov) {
                    w.subi(grad.addi(buf.mul(momentum)).muli(rate));
                } else {
                    w.subi(buf.mul(rate));
                }
                zeroGradient(w, grad);
            }
            scope.suppressNotUsedWarning();
        }
    }

    /** Number of parameter arrays updated. */
    public int size() {
        return weights.size();
    }

    /** Writes the momentum buffers. */
    public void save(DataOutputStream out) throws IOException {
        ArrayIo.write(velocity, out);
    }

    /** Restores momentum buffers written by {@link #save} for the same network. */
    public void load(DataInputStream in, NDManager scratch) throws IOException {
        ArrayIo.readInto(velocity, in, scratch, "optimizer state");
    }

    private static void zeroGradient(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray) {
            JniUtils.zeroGrad((PtNDArray) weight);
        } else {
            grad.subi(grad);
        }
    }
}
