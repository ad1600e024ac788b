package dev.cnnlab.train;

import java.util.List;

/** Learning rate as a function of the epoch (0-based). */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate used throughout epoch {@code epoch}. */
    double lr(int epoch);

    /** PyTorch's MultiStepLR: {@code base * gamma^(number of milestones <= epoch)}. */
    static LrSchedule multiStep(double base, List<Integer> milestones, double gamma) {
        return epoch -> {
            int passed = 0;
            for (int milestone : milestones) {
                if (epoch >= milestone) {
                    passed++;
                }
            }
            return base * Math.pow(gamma, passed);
        };
    }
}
