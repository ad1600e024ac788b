package dev.cnnlab.torch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import ai.djl.training.GradientCollector;
import java.util.List;

/**
 * PyTorch's {@code torch.optim.SGD} step (no dampening) for every parameter in one native call:
 * libtorch's {@code _foreach} kernels, run by a TorchScript module. Per parameter a DJL call
 * costs a JNI crossing and a Java wrapper per op; with 89 (ResNet-29) to 494 (ResNet-164)
 * parameters that was most of the optimiser's time at small batches.
 *
 * <p>The arithmetic is PyTorch's, in its order: {@code d = g + wd * w; buf = m * buf + d;}
 * {@code w -= lr * buf}, or with Nesterov momentum {@code w -= lr * (d + m * buf)}; then the
 * gradients are zeroed. DJL runs module methods with grad mode off, as an update must.
 *
 * <p>Every weight must have a gradient when the step runs (see {@link #defineGradients}). The lists
 * the kernels mutate are the method's inputs, or built from them: TorchScript drops in-place work
 * on lists it can prove are local (a variant that filtered weights into new lists compiled to
 * nothing, which a test now guards).
 */
public final class ForeachSgdStep implements AutoCloseable {

    private static final String CLASS = "SgdStep";
    private static final String METHODS = "  def forward(self: __torch__." + CLASS + ",\n"
            + "    weights: List[Tensor],\n"
            + "    velocity: List[Tensor],\n"
            + "    lr: float,\n"
            + "    momentum: float,\n"
            + "    weight_decay: float,\n"
            + "    nesterov: bool) -> NoneType:\n"
            + "    grads = annotate(List[Tensor], [])\n"
            + "    for w in weights:\n"
            + "      grads.append(unchecked_cast(Tensor, w.grad))\n"
            + "    if weight_decay != 0.:\n"
            + "      torch._foreach_add_(grads, weights, alpha=weight_decay)\n"
            + "    torch._foreach_mul_(velocity, momentum)\n"
            + "    torch._foreach_add_(velocity, grads)\n"
            + "    if nesterov:\n"
            + "      torch._foreach_add_(grads, velocity, alpha=momentum)\n"
            + "      torch._foreach_add_(weights, grads, alpha=-lr)\n"
            + "    else:\n"
            + "      torch._foreach_add_(weights, velocity, alpha=-lr)\n"
            + "    torch._foreach_zero_(grads)\n"
            + "    return None\n";

    /** Compiled once per process, on first use. */
    private static final class Compiled {
        static final TorchScriptModule MODULE = TorchScriptModule.compile(CLASS, METHODS);
    }

    /**
     * The weight and velocity lists, built once: they hold the same tensors, updated in place (and
     * keep them alive until {@link #close}).
     */
    private final IValue weights;

    private final IValue velocity;

    /** The settings that never change, made into TorchScript values once rather than every step. */
    private final IValue momentum;

    private final IValue weightDecay;
    private final IValue nesterov;

    public ForeachSgdStep(
            List<NDArray> weights, List<NDArray> velocity, float momentum, float weightDecay, boolean nesterov) {
        defineGradients(weights);
        // float32 values, as the arrays hold them and as the configuration has always been applied
        this.momentum = IValue.from((double) momentum);
        this.weightDecay = IValue.from((double) weightDecay);
        this.nesterov = IValue.from(nesterov);
        this.weights = IValue.listFrom(weights.toArray(PtNDArray[]::new));
        this.velocity = IValue.listFrom(velocity.toArray(PtNDArray[]::new));
    }

    /** One update of every weight with its gradient at rate {@code lr}, after which the gradients are zeroed. */
    public void step(float lr) {
        try (IValue rate = IValue.from((double) lr)) {
            Compiled.MODULE
                    .forward(weights, velocity, rate, momentum, weightDecay, nesterov)
                    .close();
        }
    }

    /**
     * Gives every weight a zero gradient now, so the update never meets one without: a weight
     * has none until a backward pass reaches it (a block stochastic depth skips may not be reached
     * in the first steps). Afterwards gradients are zeroed, never dropped.
     */
    private static void defineGradients(List<NDArray> weights) {
        if (weights.isEmpty()) {
            return;
        }
        try (NDScope scope = new NDScope();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (NDArray w : weights) {
                NDArray none = w.mul(w.zerosLike()).sum(); // a libtorch-made zero: autograd may keep it
                total = total == null ? none : total.add(none);
            }
            collector.backward(total);
            scope.suppressNotUsedWarning();
        }
    }

    @Override
    public void close() {
        weights.close();
        velocity.close();
        momentum.close();
        weightDecay.close();
        nesterov.close();
    }
}
