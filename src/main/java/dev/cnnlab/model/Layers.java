package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import dev.cnnlab.torch.Scalars;
import dev.cnnlab.torch.ScriptForm;
import dev.cnnlab.torch.ScriptForms;
import java.util.List;
import java.util.Locale;

/**
 * The few layer shapes every network here is made of, each written once.
 *
 * <p>All batch norms share one definition (PyTorch's eps 1e-5, momentum 0.1, which DJL spells as
 * 0.9 for the weight of the old running value) and all convolutions the same bias-free,
 * same-padding form with one initialiser, so no model can end up with mixed settings.
 *
 * <p>Each block is made with its TorchScript form ({@link ScriptForm}), recorded in
 * {@link #forms()}, so the network built from these parts can also run as one scripted pass.
 */
final class Layers {

    static final float BN_EPSILON = 1e-5f;
    /** DJL's momentum is the weight of the old running statistic: 0.9 here = 0.1 in PyTorch. */
    static final float BN_MOMENTUM_DJL = 0.9f;

    private final Initializers init;
    private final ScriptForms forms = new ScriptForms();

    Layers(Initializers init) {
        this.init = init;
    }

    /** The TorchScript forms of every block made here. */
    ScriptForms forms() {
        return forms;
    }

    /** A bias-free k x k convolution with "same" padding and Kaiming-normal (fan-out) weights. */
    Block conv(int filters, int kernel, int stride) {
        Block conv = Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
        conv.setInitializer(init.kaimingNormalFanOut(), Parameter.Type.WEIGHT);
        int padding = kernel / 2;
        return forms.add(
                conv,
                (out, x) -> out.assign(String.format(
                        Locale.ROOT,
                        "torch.conv2d(%s, %s, None, [%d, %d], [%d, %d])",
                        x,
                        out.parameter(conv, "weight"),
                        stride,
                        stride,
                        padding,
                        padding)));
    }

    /** Batch norm over the channel axis (weight 1, bias 0 at start). */
    Block batchNorm() {
        return new ChannelBatchNorm(BN_EPSILON, BN_MOMENTUM_DJL);
    }

    /** The pre-activation pair: batch norm then ReLU. */
    SequentialBlock bnRelu() {
        return new SequentialBlock().add(batchNorm()).add(relu());
    }

    Block relu() {
        return forms.add(Activation.reluBlock(), (out, x) -> out.assign("torch.relu(" + x + ")"));
    }

    Block sigmoid() {
        return forms.add(Activation.sigmoidBlock(), (out, x) -> out.assign("torch.sigmoid(" + x + ")"));
    }

    Block identity() {
        return forms.add(Blocks.identityBlock(), (out, x) -> x);
    }

    /** {@code first(x) + second(x)}: a residual block's two paths. */
    Block sum(Block first, Block second) {
        Block sum = new ParallelBlock(
                branches -> new NDList(
                        branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow())),
                List.of(first, second));
        return forms.add(sum, (out, x) -> {
            String a = out.write(first, x);
            String b = out.write(second, x);
            return out.assign("torch.add(" + a + ", " + b + ")");
        });
    }

    /** {@code x * gate(x)} with the gate's [N, C] output broadcast over the map: a channel gate. */
    Block channelGate(Block gate) {
        Block identity = identity();
        Block gated = new ParallelBlock(
                branches -> {
                    NDArray x = branches.get(0).singletonOrThrow();
                    NDArray g = branches.get(1).singletonOrThrow();
                    return new NDList(
                            x.mul(g.reshape(g.getShape().get(0), g.getShape().get(1), 1, 1)));
                },
                List.of(identity, gate));
        return forms.add(gated, (out, x) -> {
            String kept = out.write(identity, x);
            String g = out.write(gate, x);
            return out.assign(String.format(
                    Locale.ROOT, "torch.mul(%s, torch.reshape(%s, [%s.size(0), %s.size(1), 1, 1]))", kept, g, g, g));
        });
    }

    /**
     * Global average pooling, [N, C, H, W] to [N, C], as a sum over the map scaled on the small
     * result. DJL's global pool reaches libtorch's {@code mean}, whose backward divides a broadcast
     * gradient into a new full-size tensor in row-major (NCHW) layout; where that gradient meets
     * the channels-last ones of the rest of the network (the SE gate's input also feeds the
     * residual product), autograd adds the two with mismatched strides, a slow path, slower still
     * in bf16. A sum's backward is a broadcast view that adds at full speed.
     */
    Block globalAvgPool() {
        Block pool = new LambdaBlock(
                inputs -> {
                    NDArray x = inputs.singletonOrThrow();
                    Shape shape = x.getShape();
                    return new NDList(Scalars.divide(x.sum(new int[] {2, 3}), shape.get(2) * shape.get(3)));
                },
                "globalAvgPool");
        return forms.add(
                pool,
                (out, x) -> out.assign(String.format(
                        Locale.ROOT, "torch.div(torch.sum(%s, [2, 3]), float(%s.size(2) * %s.size(3)))", x, x, x)));
    }

    /** A fully connected layer with PyTorch's default initialisation for {@code inFeatures} inputs. */
    Block linear(int inFeatures, int outFeatures) {
        Block linear = Linear.builder().setUnits(outFeatures).optBias(true).build();
        linear.setInitializer(init.pytorchLinearDefault(inFeatures), Parameter.Type.WEIGHT);
        linear.setInitializer(init.pytorchLinearDefault(inFeatures), Parameter.Type.BIAS);
        return forms.add(
                linear,
                (out, x) -> out.assign("torch.linear(" + x + ", " + out.parameter(linear, "weight") + ", "
                        + out.parameter(linear, "bias") + ")"));
    }
}
