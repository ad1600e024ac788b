package dev.cnnlab.technique;

import java.util.List;

/**
 * Learning rate as a function of training progress in epochs: {@code epoch + batch / batches},
 * so schedules may change the rate within an epoch (warm-up, cosine) or only at epoch starts.
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate at {@code progress} epochs into training (0 = first batch). */
    double lr(double progress);

    /** PyTorch's MultiStepLR, per epoch: {@code base * gamma^(milestones <= epoch)}. */
    static LrSchedule multiStep(double base, List<Integer> milestones, double gamma) {
        return progress -> {
            int epoch = (int) Math.floor(progress);
            int passed = 0;
            for (int milestone : milestones) {
                if (epoch >= milestone) {
                    passed++;
                }
            }
            return base * Math.pow(gamma, passed);
        };
    }

    /**
     * Cosine annealing from {@code base} to 0 over {@code epochs} (Loshchilov and Hutter, SGDR,
     * without restarts), per batch.
     */
    static LrSchedule cosine(double base, int epochs) {
        return progress -> 0.5 * base * (1 + Math.cos(Math.PI * Math.min(progress, epochs) / epochs));
    }

    /**
     * This schedule with a linear warm-up over the first {@code warmupEpochs} (Goyal et al., 2017):
     * the rate climbs per batch from 0 to what the schedule gives at the end of the warm-up.
     */
    default LrSchedule withWarmup(double warmupEpochs) {
        if (warmupEpochs <= 0) {
            return this;
        }
        LrSchedule after = this;
        return progress ->
                progress < warmupEpochs ? after.lr(warmupEpochs) * progress / warmupEpochs : after.lr(progress);
    }
}
