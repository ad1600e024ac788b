package dev.cnnlab.model;

import dev.cnnlab.CnnlabException;

/**
 * What network to build.
 *
 * @param family the architecture family
 * @param depth total depth (the family decides which depths exist)
 * @param widen channel multiplier of every stage (1 = the paper's widths)
 * @param squeezeExcite whether every residual branch ends in a Squeeze-and-Excitation gate
 * @param seReduction channel reduction of the SE bottleneck (16 in the SE paper)
 * @param survival stochastic depth: survival probability of the last block, decaying linearly
 *     from 1 at the first block (1 = off)
 * @param numClasses classifier outputs
 */
public record ModelSpec(Family family, int depth, int widen, boolean squeezeExcite, int seReduction, double survival,
        int numClasses) {

    public ModelSpec {
        if (family == null) {
            family = Family.BOTTLENECK;
        }
        if (family.blocksPerStage(depth) < 1) {
            throw new CnnlabException("depth " + depth + " does not exist for " + family.key() + " ResNets: use "
                    + family.depthRule());
        }
        if (widen < 1) {
            throw new CnnlabException("widen " + widen + " must be >= 1 (1 = the paper's widths)");
        }
        if (seReduction < 1) {
            throw new CnnlabException("SE reduction " + seReduction + " must be >= 1 (default 16)");
        }
        if (!(survival > 0 && survival <= 1)) {
            throw new CnnlabException("stochastic-depth survival " + survival + " must be in (0, 1]");
        }
        if (numClasses < 2) {
            throw new CnnlabException("numClasses " + numClasses + " must be >= 2");
        }
    }

    /** A bottleneck network of the reference family: depth 9n+2, widths 16/32/64. */
    public ModelSpec(int depth, boolean squeezeExcite, int seReduction, int numClasses) {
        this(Family.BOTTLENECK, depth, 1, squeezeExcite, seReduction, 1.0, numClasses);
    }

    /** A CIFAR-100 model of the reference family, optionally with SE (reduction 16). */
    public static ModelSpec cifar100(int depth, boolean squeezeExcite) {
        return new ModelSpec(depth, squeezeExcite, 16, 100);
    }

    /** A CIFAR-100 model of any family and width. */
    public static ModelSpec cifar100(Family family, int depth, int widen) {
        return new ModelSpec(family, depth, widen, false, 16, 1.0, 100);
    }

    /** Residual blocks per stage. */
    public int blocksPerStage() {
        return family.blocksPerStage(depth);
    }

    public ModelSpec withSqueezeExcite(int reduction) {
        return new ModelSpec(family, depth, widen, true, reduction, survival, numClasses);
    }

    public ModelSpec withSurvival(double lastBlockSurvival) {
        return new ModelSpec(family, depth, widen, squeezeExcite, seReduction, lastBlockSurvival, numClasses);
    }

    /** Display name, e.g. {@code ResNet-164+SE}, {@code ResNet-110-basic}, {@code PreActResNet-18x2}. */
    public String displayName() {
        String base = switch (family) {
            case BOTTLENECK -> "ResNet-" + depth;
            case BASIC -> "ResNet-" + depth + "-basic";
            case PREACT18 -> "PreActResNet-18";
        };
        return base + (widen > 1 ? "x" + widen : "") + (squeezeExcite ? "+SE" : "") + (survival < 1 ? "+SD" : "");
    }
}
