package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * Builds pre-activation bottleneck ResNets (He et al., "Identity Mappings in Deep Residual
 * Networks") for 32x32 inputs, as plain DJL blocks.
 *
 * <p>Layout: conv3x3(3->16); three stages of n bottleneck blocks with widths 16/32/64 and x4
 * expansion (stride 2 in the first block of stages 2 and 3); BN-ReLU, global average pool,
 * linear classifier. A block is BN-ReLU-conv1x1 -BN-ReLU-conv3x3(stride) -BN-ReLU-conv1x1
 * [-SE]; its shortcut is a strided 1x1 projection of the pre-activated input when the shape
 * changes, the raw input otherwise.
 */
public final class PreActResNet {

    /** Names of the network's top-level parts, in order, for summaries. */
    public static final List<String> PART_NAMES = List.of("stem", "stage1", "stage2", "stage3", "head");

    private final ModelSpec spec;
    private final Layers layers;

    private PreActResNet(ModelSpec spec, long seed) {
        this.spec = spec;
        this.layers = new Layers(new Initializers(seed));
    }

    /**
     * Builds an uninitialised network; parameters are drawn from {@code seed} when DJL initialises
     * the block.
     */
    public static SequentialBlock build(ModelSpec spec, long seed) {
        return new PreActResNet(spec, seed).network();
    }

    private SequentialBlock network() {
        SequentialBlock net = new SequentialBlock();
        net.add(layers.conv(ModelSpec.STEM_CHANNELS, 3, 1));
        int inChannels = ModelSpec.STEM_CHANNELS;
        for (int stage = 0; stage < ModelSpec.STAGE_WIDTHS.length; stage++) {
            int width = ModelSpec.STAGE_WIDTHS[stage];
            SequentialBlock blocks = new ReleasingSequentialBlock();
            for (int b = 0; b < spec.blocksPerStage(); b++) {
                int stride = (stage > 0 && b == 0) ? 2 : 1;
                blocks.add(bottleneck(inChannels, width, stride));
                inChannels = width * ModelSpec.EXPANSION;
            }
            net.add(blocks);
        }
        net.add(
                layers.bnRelu()
                        .add(Pool.globalAvgPool2dBlock())
                        .add(layers.linear(inChannels, spec.numClasses())));
        return net;
    }

    private Block bottleneck(int inChannels, int width, int stride) {
        int outChannels = width * ModelSpec.EXPANSION;
        SequentialBlock residual =
                new SequentialBlock()
                        .add(layers.conv(width, 1, 1))
                        .add(layers.bnRelu())
                        .add(layers.conv(width, 3, stride))
                        .add(layers.bnRelu())
                        .add(layers.conv(outChannels, 1, 1));
        if (spec.squeezeExcite()) {
            residual.add(squeezeExcite(outChannels));
        }
        if (stride != 1 || inChannels != outChannels) {
            // The projection sees the same pre-activated input as the residual branch.
            return layers.bnRelu()
                    .add(new ParallelBlock(PreActResNet::sum, List.of(residual, layers.conv(outChannels, 1, stride))));
        }
        SequentialBlock preActivatedResidual = layers.bnRelu().add(residual);
        return new ParallelBlock(PreActResNet::sum, List.of(preActivatedResidual, Blocks.identityBlock()));
    }

    /** x * sigmoid(W2 relu(W1 gap(x))), the channel gate of Hu et al. */
    private Block squeezeExcite(int channels) {
        int squeezed = Math.max(1, channels / spec.seReduction());
        SequentialBlock gate =
                new SequentialBlock()
                        .add(Pool.globalAvgPool2dBlock())
                        .add(layers.linear(channels, squeezed))
                        .add(Activation.reluBlock())
                        .add(layers.linear(squeezed, channels))
                        .add(Activation.sigmoidBlock());
        return new ParallelBlock(PreActResNet::scaleChannels, List.of(Blocks.identityBlock(), gate));
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static NDList scaleChannels(List<NDList> branches) {
        NDArray x = branches.get(0).singletonOrThrow();
        NDArray gate = branches.get(1).singletonOrThrow();
        return new NDList(x.mul(gate.reshape(gate.getShape().get(0), gate.getShape().get(1), 1, 1)));
    }
}
