package dev.cnnlab.model;

import dev.cnnlab.CnnlabException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What network to build: a family, depth and width, plus what structural techniques add to every
 * residual branch.
 *
 * <p><b>Width rule.</b> {@code widen} scales every stage: a stage whose paper width is {@code base}
 * gets {@link #channels(int, double) max(4, 4 * round(base * widen / 4))} channels (rounding half
 * up, as {@link Math#round(double)}), so every width is a multiple of 4 and at least 4. The bases
 * are 16/32/64 for the bottleneck (before its x4 expansion) and basic families and 64/128/256/512
 * for preact18, all multiples of 4, so widen 1 keeps the paper's widths and an integer widen
 * {@code k} gives exactly {@code base * k}; e.g. widen 0.5 gives 8/16/32, widen 0.75 gives
 * 12/24/48, widen 0.25 gives 4/8/16. The stem convolution (16 channels, 64 for preact18) does not
 * scale with widen.
 *
 * @param family the architecture family
 * @param depth total depth (the family decides which depths exist)
 * @param widen channel multiplier of every stage, finite and &gt; 0 (1 = the paper's widths; see the
 *     width rule above)
 * @param branchExtensions added to the end of every residual branch, in {@link
 *     BranchExtension.Placement} order, then in the order added
 * @param numClasses classifier outputs
 */
public record ModelSpec(
        Family family, int depth, double widen, List<BranchExtension> branchExtensions, int numClasses) {

    public ModelSpec {
        if (family == null) {
            family = Family.BOTTLENECK;
        }
        if (family.blocksPerStage(depth) < 1) {
            throw new CnnlabException(
                    "depth " + depth + " does not exist for " + family.key() + " ResNets: use " + family.depthRule());
        }
        if (!(widen > 0) || !Double.isFinite(widen)) {
            throw new CnnlabException("widen " + formatWiden(widen) + " must be a number > 0 (1 = the paper's widths)");
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
    public static ModelSpec cifar100(Family family, int depth, double widen) {
        return new ModelSpec(family, depth, widen, List.of(), 100);
    }

    /**
     * The width rule: channels of a stage whose paper width is {@code base} at {@code widen},
     * {@code max(4, 4 * round(base * widen / 4))} with {@link Math#round(double)} (half up). A
     * long, as absurd widths are refused by {@link ModelSize} before anything is built.
     */
    public static long channels(int base, double widen) {
        long quarters = Math.round(base * widen / 4); // saturates at Long.MAX_VALUE
        return Math.max(4, quarters > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * quarters);
    }

    /** This spec's channels for a stage whose paper width is {@code base} ({@link #channels(int, double)}). */
    public int channels(int base) {
        return Math.toIntExact(channels(base, widen));
    }

    /** A widen value as written: {@code 2} for 2.0, {@code 0.5}, {@code NaN}. */
    public static String formatWiden(double widen) {
        return Double.isFinite(widen)
                ? BigDecimal.valueOf(widen).stripTrailingZeros().toPlainString()
                : Double.toString(widen);
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

    /**
     * Display name, e.g. {@code ResNet-164+SE}, {@code ResNet-110-basic}, {@code PreActResNet-18x2},
     * {@code ResNet-29x0.5}: any widen but 1 is written after an {@code x} as {@link #formatWiden}.
     */
    public String displayName() {
        String base = switch (family) {
            case BOTTLENECK -> "ResNet-" + depth;
            case BASIC -> "ResNet-" + depth + "-basic";
            case PREACT18 -> "PreActResNet-18";
        };
        StringBuilder name = new StringBuilder(base).append(widen != 1 ? "x" + formatWiden(widen) : "");
        branchExtensions.forEach(e -> name.append(e.nameSuffix()));
        return name.toString();
    }
}
