package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/**
 * The channel gate of Hu et al. (Squeeze-and-Excitation, CVPR 2018) on a residual branch:
 * {@code x * sigmoid(W2 relu(W1 gap(x)))}.
 *
 * @param reduction channel reduction of the bottleneck (16 in the paper)
 */
public record SqueezeExciteGate(int reduction) implements BranchExtension {

    public SqueezeExciteGate {
        if (reduction < 1) {
            throw new IllegalArgumentException("SE reduction must be >= 1, got " + reduction);
        }
    }

    @Override
    public Placement placement() {
        return Placement.GATE;
    }

    @Override
    public Block build(BranchSite site) {
        int channels = site.channels();
        int squeezed = Math.max(1, channels / reduction);
        SequentialBlock gate = new SequentialBlock()
                .add(site.globalAvgPool())
                .add(site.linear(channels, squeezed))
                .add(Activation.reluBlock())
                .add(site.linear(squeezed, channels))
                .add(Activation.sigmoidBlock());
        return new ParallelBlock(SqueezeExciteGate::scaleChannels, List.of(Blocks.identityBlock(), gate));
    }

    @Override
    public String nameSuffix() {
        return "+SE";
    }

    private static NDList scaleChannels(List<NDList> branches) {
        NDArray x = branches.get(0).singletonOrThrow();
        NDArray gate = branches.get(1).singletonOrThrow();
        return new NDList(
                x.mul(gate.reshape(gate.getShape().get(0), gate.getShape().get(1), 1, 1)));
    }
}
