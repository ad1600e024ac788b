package dev.cnnlab.model;

import java.util.List;

/**
 * The pre-activation ResNet families cnnlab builds (He et al., "Identity Mappings in Deep Residual
 * Networks", 2016), and the PreAct ResNet-18 of the mixup paper's code.
 */
public enum Family {

    /** CIFAR bottleneck ResNets, depth 9n+2, widths 16/32/64 x4 expansion (ResNet-29, -164). */
    BOTTLENECK("bottleneck", 4, List.of(16, 32, 64), 16, false, true, false),

    /** CIFAR basic-block ResNets, depth 6n+2, widths 16/32/64 (ResNet-20, -56, -110). */
    BASIC("basic", 1, List.of(16, 32, 64), 16, false, true, false),

    /**
     * PreAct ResNet-18 as in facebookresearch/mixup-cifar10: 64-512 channels in four stages of two
     * basic blocks, a BN-ReLU after the stem, shortcuts taken from the pre-activated input, and no
     * BN-ReLU before pooling.
     */
    PREACT18("preact18", 1, List.of(64, 128, 256, 512), 64, true, false, true);

    private final String key;
    private final int expansion;
    private final List<Integer> stageWidths;
    private final int stemChannels;
    private final boolean stemActivated;
    private final boolean finalActivation;
    private final boolean shortcutFromPreActivation;

    Family(
            String key,
            int expansion,
            List<Integer> stageWidths,
            int stemChannels,
            boolean stemActivated,
            boolean finalActivation,
            boolean shortcutFromPreActivation) {
        this.key = key;
        this.expansion = expansion;
        this.stageWidths = stageWidths;
        this.stemChannels = stemChannels;
        this.stemActivated = stemActivated;
        this.finalActivation = finalActivation;
        this.shortcutFromPreActivation = shortcutFromPreActivation;
    }

    /** The name used on the command line and in specs. */
    public String key() {
        return key;
    }

    /** The family named {@code key}, or null. */
    public static Family of(String key) {
        for (Family f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    public int expansion() {
        return expansion;
    }

    public List<Integer> stageWidths() {
        return stageWidths;
    }

    public int stemChannels() {
        return stemChannels;
    }

    /** Whether the stem convolution is followed by BN-ReLU. */
    public boolean stemActivated() {
        return stemActivated;
    }

    /** Whether a BN-ReLU precedes global pooling. */
    public boolean finalActivation() {
        return finalActivation;
    }

    /** Whether identity shortcuts carry the pre-activated input rather than the raw one. */
    public boolean shortcutFromPreActivation() {
        return shortcutFromPreActivation;
    }

    /** Convolutions per residual branch. */
    int convsPerBlock() {
        return this == BOTTLENECK ? 3 : 2;
    }

    /** Blocks per stage for a depth, or -1 if the depth does not exist in this family. */
    int blocksPerStage(int depth) {
        if (this == PREACT18) {
            return depth == 18 ? 2 : -1;
        }
        int perBlock = convsPerBlock() * stageWidths.size();
        return depth >= perBlock + 2 && (depth - 2) % perBlock == 0 ? (depth - 2) / perBlock : -1;
    }

    /** How valid depths look, for error messages. */
    String depthRule() {
        return switch (this) {
            case BOTTLENECK -> "9n+2 with n >= 1 (11, 20, 29, 56, 110, 164, ...)";
            case BASIC -> "6n+2 with n >= 1 (8, 20, 32, 56, 110, ...)";
            case PREACT18 -> "18";
        };
    }
}
