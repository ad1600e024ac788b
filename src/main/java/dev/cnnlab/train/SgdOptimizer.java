package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.cnnlab.CnnlabException;
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
 * <p>The plain update runs as one native call per parameter (DJL's {@code sgdUpdate}, whose
 * arithmetic is all in libtorch) instead of seven array operations: measured about 2x faster
 * (ResNet-29's 89 arrays: 12.9 to 6.9 ms a step; ResNet-164's 494: 64 to 32 ms). That kernel keeps its momentum buffer
 * pre-multiplied by the learning rate ({@code v = m * v + lr * d; w -= v}); the same sequence as
 * PyTorch's as long as {@code v = lr * buf}, so this class remembers the rate {@code v} is scaled
 * by and rescales {@code v} when the rate changes (at a milestone, or every step of a cosine or
 * warm-up schedule). Nesterov momentum and zero rates take the array-operation path on {@code buf}.
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
    /** Whether the weights are PyTorch-engine arrays, which the native update needs. */
    private final boolean nativeArrays;
    /** The learning rate the velocity buffers are multiplied by (always > 0; 1 = PyTorch's buf). */
    private float velocityScale = 1f;

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
        this.nativeArrays = this.weights.stream().allMatch(w -> w instanceof PtNDArray);
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
        this.velocity = new ArrayList<>(weights.size());
        for (NDArray w : weights) {
            velocity.add(w.zerosLike()); // in the weight's memory layout (channels-last kernels stay so)
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
        if (nesterov || rate <= 0f || !nativeArrays) {
            arrayStep(rate);
        } else {
            nativeStep(rate);
        }
    }

    private void nativeStep(float rate) {
        rescaleVelocity(rate);
        try (NDScope scope = new NDScope()) {
            for (int i = 0; i < weights.size(); i++) {
                PtNDArray w = (PtNDArray) weights.get(i);
                // no clipping (-1), no gradient rescaling (1)
                JniUtils.sgdUpdate(
                        w,
                        (PtNDArray) w.getGradient(),
                        (PtNDArray) velocity.get(i),
                        rate,
                        weightDecay,
                        1f,
                        -1f,
                        momentum);
                JniUtils.zeroGrad(w);
            }
            scope.suppressNotUsedWarning();
        }
    }

    private void rescaleVelocity(float scale) {
        if (scale != velocityScale) {
            float factor = scale / velocityScale;
            for (NDArray v : velocity) {
                v.muli(factor);
            }
            velocityScale = scale;
        }
    }

    private void arrayStep(float rate) {
        rescaleVelocity(1f);
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

    /** Writes the momentum buffers, as they are, and the rate they are scaled by. */
    public void save(DataOutputStream out) throws IOException {
        ArrayIo.write(velocity, out);
        out.writeFloat(velocityScale);
    }

    /** Restores momentum buffers written by {@link #save} for the same network. */
    public void load(DataInputStream in, NDManager scratch) throws IOException {
        ArrayIo.readInto(velocity, in, scratch, "optimizer state");
        try {
            velocityScale = in.readFloat();
        } catch (EOFException e) {
            velocityScale = 1f; // written before the native step: PyTorch's unscaled buffers
        }
        if (!(velocityScale > 0f) || !Float.isFinite(velocityScale)) {
            throw new CnnlabException("optimizer state has a velocity scale of " + velocityScale
                    + ": the checkpoint is damaged; use another --out");
        }
    }

    private static void zeroGradient(NDArray weight, NDArray grad) {
        if (weight instanceof PtNDArray) {
            JniUtils.zeroGrad((PtNDArray) weight);
        } else {
            grad.subi(grad);
        }
    }
}
