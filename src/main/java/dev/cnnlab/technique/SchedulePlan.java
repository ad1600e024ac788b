package dev.cnnlab.technique;

import java.util.List;

/**
 * The learning-rate schedule of a run as schedule techniques shape it: a curve over the run
 * (the config's step schedule unless a technique replaces it) and a linear warm-up in front.
 *
 * <p>The warm-up is kept apart from the curve so that techniques compose in any order: the
 * longest warm-up asked for wins, and it climbs to whatever curve the run ends up with.
 *
 * @param baseLr the config's initial learning rate
 * @param epochs epochs of the run
 * @param curve learning rate by progress in epochs, before warm-up
 * @param warmupEpochs linear warm-up in epochs (0 = none)
 */
public record SchedulePlan(double baseLr, int epochs, LrSchedule curve, double warmupEpochs) {

    /**
     * A step schedule (PyTorch's MultiStepLR) without warm-up: {@code lr}, multiplied by {@code gamma}
     * at each of {@code milestones}, over {@code epochs}.
     */
    public static SchedulePlan step(double lr, int epochs, List<Integer> milestones, double gamma) {
        return new SchedulePlan(lr, epochs, LrSchedule.multiStep(lr, milestones, gamma), 0);
    }

    /** The same plan with another curve (e.g. cosine annealing). */
    public SchedulePlan withCurve(LrSchedule newCurve) {
        return new SchedulePlan(baseLr, epochs, newCurve, warmupEpochs);
    }

    /** The same plan with a warm-up at least {@code epochs} long. */
    public SchedulePlan withWarmup(double warmup) {
        return new SchedulePlan(baseLr, epochs, curve, Math.max(warmupEpochs, warmup));
    }

    /** The schedule the run follows. */
    public LrSchedule schedule() {
        return curve.withWarmup(warmupEpochs);
    }
}
