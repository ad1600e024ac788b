package dev.cnnlab.model;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * How big a network is before it is built, so that a depth or width whose parameters cannot fit
 * in memory is refused with a one-line error instead of an {@link OutOfMemoryError} half-way
 * through building millions of blocks.
 *
 * <p>The estimate counts the convolutions, batch norms and classifier of the family's layout
 * exactly (what {@link ModelSummary} reads from a built network); branch extensions add at most a
 * few percent and are left out, so it is a lower bound. Training needs at least the weights, their
 * gradients and the momentum buffers: three float32 copies.
 */
public final class ModelSize {

    /** Float32 copies of every parameter that training holds at once: weights, gradients, momentum. */
    static final int TRAINING_COPIES = 3;

    private ModelSize() {}

    /** Trainable parameters of {@code spec} without its branch extensions (as a double: depths may be absurd). */
    public static double baseParams(ModelSpec spec) {
        Family family = spec.family();
        double params = 3.0 * family.stemChannels() * 9 + (family.stemActivated() ? 2.0 * family.stemChannels() : 0);
        int in = family.stemChannels();
        List<Integer> widths = family.stageWidths();
        double blocks = spec.blocksPerStage();
        for (int stage = 0; stage < widths.size(); stage++) {
            double width = ModelSpec.channels(widths.get(stage), spec.widen());
            double out = width * family.expansion();
            // the first block of a stage may change the shape (projection shortcut), the others repeat
            params += block(family, in, width, out, stage > 0 || in != out);
            params += (blocks - 1) * block(family, out, width, out, false);
            in = (int) Math.min(Integer.MAX_VALUE, out);
        }
        double features = (double) ModelSpec.channels(widths.get(widths.size() - 1), spec.widen()) * family.expansion();
        return params
                + (family.finalActivation() ? 2 * features : 0)
                + features * spec.numClasses()
                + spec.numClasses();
    }

    /** Bytes of float32 parameter memory training {@code spec} needs at least. */
    public static double trainingBytes(ModelSpec spec) {
        return baseParams(spec) * Float.BYTES * TRAINING_COPIES;
    }

    /** Physical memory of this machine in bytes (the JVM's heap limit where that is unknown). */
    public static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            if (total > 0) {
                return total;
            }
        }
        return Runtime.getRuntime().maxMemory();
    }

    /** Refuses a network whose parameters alone cannot be trained in {@code availableBytes}. */
    public static void requireFits(ModelSpec spec, long availableBytes) {
        double needed = trainingBytes(spec);
        if (needed > availableBytes) {
            throw new ModelTooLarge(spec, baseParams(spec), needed, availableBytes);
        }
    }

    private static double block(Family family, double in, double width, double out, boolean projection) {
        double preActivation = 2 * in; // the block's leading BN
        double branch = family == Family.BOTTLENECK
                ? in * width + 2 * width + width * width * 9 + 2 * width + width * out
                : in * width * 9 + 2 * width + width * out * 9;
        return preActivation + branch + (projection ? in * out : 0);
    }
}
