package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.torch.ForeachSgdStep;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and weight decay, PyTorch's {@code torch.optim.SGD} (no dampening):
 * {@code d = g + wd * w; buf = m * buf + d; w -= lr * buf}, or with Nesterov momentum
 * {@code w -= lr * (d + m * buf)}.
 *
 * <p>The update of every parameter is one native call ({@link ForeachSgdStep}, libtorch's
 * {@code _foreach} kernels in PyTorch's order), updating the parameter arrays in place outside
 * any gradient collector. DJL's own SGD keeps its momentum state private, which makes exact
 * resumption impossible; this one exposes it to {@link #save} and {@link #load}. Closing it
 * releases its hold on the weight and momentum arrays (their manager frees them).
 */
public final class SgdOptimizer implements AutoCloseable {

    private final List<NDArray> weights;
    private final List<NDArray> velocity;
    private final ForeachSgdStep update;

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
        this.weights = List.copyOf(weights);
        this.velocity = new ArrayList<>(weights.size());
        for (NDArray w : weights) {
            velocity.add(w.zerosLike()); // in the weight's memory layout (channels-last kernels stay so)
        }
        this.update = new ForeachSgdStep(this.weights, velocity, (float) momentum, (float) weightDecay, nesterov);
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
        update.step((float) lr); // float32, as the arrays hold it
    }

    /** Number of parameter arrays updated. */
    public int size() {
        return weights.size();
    }

    /** Writes the momentum buffers, and the rate they are scaled by (always 1: PyTorch's buffers). */
    public void save(DataOutputStream out) throws IOException {
        ArrayIo.write(velocity, out);
        out.writeFloat(1f);
    }

    /** Restores momentum buffers written by {@link #save} for the same network. */
    public void load(DataInputStream in, NDManager scratch) throws IOException {
        ArrayIo.readInto(velocity, in, scratch, "optimizer state");
        float velocityScale;
        try {
            velocityScale = in.readFloat();
        } catch (EOFException e) {
            velocityScale = 1f; // written before scaled buffers existed: PyTorch's unscaled buffers
        }
        if (!(velocityScale > 0f) || !Float.isFinite(velocityScale)) {
            throw new CnnlabException("optimizer state has a velocity scale of " + velocityScale
                    + ": the checkpoint is damaged; use another --out");
        }
        if (velocityScale != 1f) {
            // checkpoints of the earlier per-parameter update kept lr * buf
            for (NDArray v : velocity) {
                v.divi(velocityScale);
            }
        }
    }

    @Override
    public void close() {
        update.close();
    }
}
