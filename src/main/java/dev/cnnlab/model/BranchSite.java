package dev.cnnlab.model;

import ai.djl.nn.Block;

/**
 * One residual branch being built, as a {@link BranchExtension} sees it: its position in the
 * network, its output channels, and the network's layer shapes (so an extension's parameters
 * are drawn from the network's seed like every other layer's).
 */
public final class BranchSite {

    private final int blockIndex;
    private final int totalBlocks;
    private final int channels;
    private final Layers layers;

    BranchSite(int blockIndex, int totalBlocks, int channels, Layers layers) {
        this.blockIndex = blockIndex;
        this.totalBlocks = totalBlocks;
        this.channels = channels;
        this.layers = layers;
    }

    /** 1-based index of this block among all residual blocks of the network. */
    public int blockIndex() {
        return blockIndex;
    }

    /** Residual blocks in the network. */
    public int totalBlocks() {
        return totalBlocks;
    }

    /** Channels of the branch's output. */
    public int channels() {
        return channels;
    }

    /** A fully connected layer initialised like every other in the network. */
    public Block linear(int inFeatures, int outFeatures) {
        return layers.linear(inFeatures, outFeatures);
    }

    /** Global average pooling, [N, C, H, W] to [N, C]. */
    public Block globalAvgPool() {
        return layers.globalAvgPool();
    }

    public Block relu() {
        return layers.relu();
    }

    public Block sigmoid() {
        return layers.sigmoid();
    }

    /** {@code x * gate(x)}, the gate's [N, C] output broadcast over the map. */
    public Block channelGate(Block gate) {
        return layers.channelGate(gate);
    }
}
