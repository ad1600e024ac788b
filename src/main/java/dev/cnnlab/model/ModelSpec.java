package dev.cnnlab.model;

import dev.cnnlab.CnnlabException;

/**
 * What network to build: a pre-activation bottleneck ResNet of depth {@code 9n+2}.
 *
 * @param depth total depth (stem conv + 3 stages of n bottleneck blocks of 3 convs + classifier)
 * @param squeezeExcite whether every residual branch ends in a Squeeze-and-Excitation gate
 * @param seReduction channel reduction of the SE bottleneck (16 in the SE paper)
 * @param numClasses classifier outputs
 */
public record ModelSpec(int depth, boolean squeezeExcite, int seReduction, int numClasses) {

    /** Channel widths of the three stages before the x4 bottleneck expansion. */
    public static final int[] STAGE_WIDTHS = {16, 32, 64};

    /** Output channels of a bottleneck block relative to its inner width. */
    public static final int EXPANSION = 4;

    /** Channels of the stem convolution. */
    public static final int STEM_CHANNELS = 16;

    public ModelSpec {
        if (depth < 11 || (depth - 2) % 9 != 0) {
            throw new CnnlabException(
                    "depth " + depth + " is not a pre-activation bottleneck ResNet depth: use 9n+2 with"
                            + " n >= 1 (11, 20, 29, 56, 110, 164, ...)");
        }
        if (seReduction < 1) {
            throw new CnnlabException("SE reduction " + seReduction + " must be >= 1 (default 16)");
        }
        if (numClasses < 2) {
            throw new CnnlabException("numClasses " + numClasses + " must be >= 2");
        }
    }

    /** A CIFAR-100 model of the given depth, optionally with SE (reduction 16). */
    public static ModelSpec cifar100(int depth, boolean squeezeExcite) {
        return new ModelSpec(depth, squeezeExcite, 16, 100);
    }

    /** Bottleneck blocks per stage. */
    public int blocksPerStage() {
        return (depth - 2) / 9;
    }

    /** Display name, e.g. {@code ResNet-164+SE}. */
    public String displayName() {
        return "ResNet-" + depth + (squeezeExcite ? "+SE" : "");
    }
}
