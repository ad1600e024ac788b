package dev.cnnlab.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Builds pre-activation ResNets (He et al., "Identity Mappings in Deep Residual Networks") for
 * 32x32 inputs, as plain DJL blocks, for every {@link Family}.
 *
 * <p>Reference layout (bottleneck family): conv3x3(3->16); three stages of n bottleneck blocks
 * with widths 16/32/64 and x4 expansion (stride 2 in the first block of stages 2 and 3); BN-ReLU,
 * global average pool, linear classifier. A block is BN-ReLU-conv1x1 -BN-ReLU-conv3x3(stride)
 * -BN-ReLU-conv1x1, then whatever the spec's {@link BranchExtension}s add (SE gate, drop path); its shortcut is a strided 1x1 projection of the
 * pre-activated input when the shape changes, the raw input otherwise.
 */
public final class PreActResNet {

    private final ModelSpec spec;
    private final Layers layers;
    private final int totalBlocks;
    private int blockIndex;

    private PreActResNet(ModelSpec spec, long seed) {
        this.spec = spec;
        this.layers = new Layers(new Initializers(seed));
        this.totalBlocks = spec.totalBlocks();
    }

    /**
     * Builds an uninitialised network; parameters are drawn from {@code seed} when DJL initialises
     * the block. Its top-level parts are: stem, one block per stage, head.
     *
     * @throws ModelTooLarge when the parameters alone cannot be trained in this machine's memory
     */
    public static SequentialBlock build(ModelSpec spec, long seed) {
        return buildNetwork(spec, seed).block();
    }

    /**
     * {@link #build} with the network's TorchScript forms, for training and evaluation that run the
     * whole pass as one native call.
     *
     * @throws ModelTooLarge when the parameters alone cannot be trained in this machine's memory
     */
    public static Network buildNetwork(ModelSpec spec, long seed) {
        ModelSize.requireFits(spec, ModelSize.machineBytes());
        PreActResNet builder = new PreActResNet(spec, seed);
        return new Network(builder.network(), builder.layers.forms());
    }

    /** Names of a network's top-level parts, in order, for summaries. */
    public static List<String> partNames(ModelSpec spec) {
        List<String> names = new java.util.ArrayList<>(List.of("stem"));
        for (int s = 1; s <= spec.family().stageWidths().size(); s++) {
            names.add("stage" + s);
        }
        names.add("head");
        return names;
    }

    /**
     * Runs a training forward pass with the step's random stream, which stochastic depth draws
     * from (networks without it ignore the stream).
     */
    public static <T> T withStepRandom(SplittableRandom random, Supplier<T> forward) {
        return DropPath.withRandom(random, forward);
    }

    private SequentialBlock network() {
        Family family = spec.family();
        SequentialBlock net = new SequentialBlock();
        SequentialBlock stem = new SequentialBlock().add(layers.conv(family.stemChannels(), 3, 1));
        if (family.stemActivated()) {
            stem.add(layers.bnRelu());
        }
        net.add(stem);
        int inChannels = family.stemChannels();
        List<Integer> widths = family.stageWidths();
        for (int stage = 0; stage < widths.size(); stage++) {
            int width = spec.channels(widths.get(stage)); // the width rule of ModelSpec
            SequentialBlock blocks = new ReleasingSequentialBlock();
            for (int b = 0; b < spec.blocksPerStage(); b++) {
                int stride = (stage > 0 && b == 0) ? 2 : 1;
                blocks.add(block(inChannels, width, stride));
                inChannels = width * family.expansion();
            }
            net.add(blocks);
        }
        SequentialBlock head = family.finalActivation() ? layers.bnRelu() : new SequentialBlock();
        net.add(head.add(layers.globalAvgPool()).add(layers.linear(inChannels, spec.numClasses())));
        return net;
    }

    private Block block(int inChannels, int width, int stride) {
        blockIndex++;
        int outChannels = width * spec.family().expansion();
        // releasing: an SE block would otherwise hold every full-size intermediate to its end (+34 MB at batch 128)
        SequentialBlock residual = new ReleasingSequentialBlock();
        if (spec.family() == Family.BOTTLENECK) {
            residual.add(layers.conv(width, 1, 1))
                    .add(layers.bnRelu())
                    .add(layers.conv(width, 3, stride))
                    .add(layers.bnRelu())
                    .add(layers.conv(outChannels, 1, 1));
        } else {
            residual.add(layers.conv(width, 3, stride)).add(layers.bnRelu()).add(layers.conv(outChannels, 3, 1));
        }
        BranchSite site = new BranchSite(blockIndex, totalBlocks, outChannels, layers);
        for (BranchExtension extension : spec.branchExtensions()) {
            residual.add(extension.build(site));
        }
        boolean projection = stride != 1 || inChannels != outChannels;
        if (projection || spec.family().shortcutFromPreActivation()) {
            // the shortcut sees the same pre-activated input as the residual branch
            Block shortcut = projection ? layers.conv(outChannels, 1, stride) : layers.identity();
            return layers.bnRelu().add(layers.sum(residual, shortcut));
        }
        SequentialBlock preActivatedResidual = layers.bnRelu().add(residual);
        return layers.sum(preActivatedResidual, layers.identity());
    }
}
