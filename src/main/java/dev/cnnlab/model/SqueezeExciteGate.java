package dev.cnnlab.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

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
                .add(site.relu())
                .add(site.linear(squeezed, channels))
                .add(site.sigmoid());
        return site.channelGate(gate);
    }

    @Override
    public String nameSuffix() {
        return "+SE";
    }
}
