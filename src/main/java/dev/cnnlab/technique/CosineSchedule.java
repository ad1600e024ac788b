package dev.cnnlab.technique;

/**
 * Cosine learning-rate annealing to zero over the run (Loshchilov and Hutter, SGDR, ICLR 2017),
 * per batch, replacing the step schedule, with a linear warm-up (Goyal et al., 2017).
 */
public final class CosineSchedule implements Technique {

    public static final String NAME = "cosine";

    private final double warmupEpochs;

    public CosineSchedule(double warmupEpochs) {
        if (!(warmupEpochs >= 0)) {
            throw new IllegalArgumentException("warmup must be >= 0 epochs, got " + warmupEpochs);
        }
        this.warmupEpochs = warmupEpochs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SchedulePlan schedule(SchedulePlan plan) {
        return plan.withCurve(LrSchedule.cosine(plan.baseLr(), plan.epochs())).withWarmup(warmupEpochs);
    }
}
