package dev.cnnlab.model;

import dev.cnnlab.CnnlabException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What network to build: a family, depth and width, plus what structural techniques add to every
 * residual branch.
 *
 * @param family the architecture family
 * @param depth total depth (the family decides which depths exist)
 * @param widen channel multiplier of every stage (1 = the paper's widths)
 * @param branchExtensions added to the end of every residual branch, in {@link
 *     BranchExtension.Placement} order, then in the order added
 * @param numClasses classifier outputs
 */
public record ModelSpec(Family family, int depth, int widen, List<BranchExtension> branchExtensions, int numClasses) {

    public ModelSpec {
        if (family == null) {
            family = Family.BOTTLENECK;
        }
        if (family.blocksPerStage(depth) < 1) {
            throw new CnnlabException(
                    "depth " + depth + " does not exist for " + family.key() + " ResNets: use " + family.depthRule());
        }
        if (widen < 1) {
            throw new CnnlabException("widen " + widen + " must be >= 1 (1 = the paper's widths)");
        }
        if (numClasses < 2) {
            throw new CnnlabException("numClasses " + numClasses + " must be >= 2");
        }
        List<BranchExtension> ordered = new ArrayList<>(branchExtensions == null ? List.of() : branchExtensions);
        ordered.sort(Comparator.comparing(BranchExtension::placement)); // stable: insertion order within a placement
        branchExtensions = List.copyOf(ordered);
    }

    /**
     * A bottleneck network of the reference family, optionally with Squeeze-and-Excitation (kept
     * for callers written before branch extensions; techniques use {@link #withBranchExtension}).
     */
    public ModelSpec(int depth, boolean squeezeExcite, int seReduction, int numClasses) {
        this(
                Family.BOTTLENECK,
                depth,
                1,
                squeezeExcite ? List.of(new SqueezeExciteGate(seReduction)) : List.of(),
                numClasses);
    }

    /** A CIFAR-100 model of the reference family, optionally with SE (reduction 16). */
    public static ModelSpec cifar100(int depth, boolean squeezeExcite) {
        return new ModelSpec(depth, squeezeExcite, 16, 100);
    }

    /** A CIFAR-100 model of any family and width. */
    public static ModelSpec cifar100(Family family, int depth, int widen) {
        return new ModelSpec(family, depth, widen, List.of(), 100);
    }

    /** Residual blocks per stage. */
    public int blocksPerStage() {
        return family.blocksPerStage(depth);
    }

    /** Residual blocks in the whole network. */
    public int totalBlocks() {
        return blocksPerStage() * family.stageWidths().size();
    }

    /** This network with one more thing on every residual branch. */
    public ModelSpec withBranchExtension(BranchExtension extension) {
        List<BranchExtension> more = new ArrayList<>(branchExtensions);
        more.add(extension);
        return new ModelSpec(family, depth, widen, more, numClasses);
    }

    /** Display name, e.g. {@code ResNet-164+SE}, {@code ResNet-110-basic}, {@code PreActResNet-18x2}. */
    public String displayName() {
        String base = switch (family) {
            case BOTTLENECK -> "ResNet-" + depth;
            case BASIC -> "ResNet-" + depth + "-basic";
            case PREACT18 -> "PreActResNet-18";
        };
        StringBuilder name = new StringBuilder(base).append(widen > 1 ? "x" + widen : "");
        branchExtensions.forEach(e -> name.append(e.nameSuffix()));
        return name.toString();
    }
}
