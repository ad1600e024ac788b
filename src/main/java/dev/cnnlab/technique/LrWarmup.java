package dev.cnnlab.technique;

/**
 * Linear learning-rate warm-up over the first epochs (Goyal et al., "Accurate, Large Minibatch
 * SGD", 2017), in front of whatever schedule the run uses.
 */
public final class LrWarmup implements Technique {

    public static final String NAME = "warmup";

    private final double epochs;

    public LrWarmup(double epochs) {
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        this.epochs = epochs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SchedulePlan schedule(SchedulePlan plan) {
        return plan.withWarmup(epochs);
    }
}
