package dev.cnnlab.technique;

/**
 * Exponential moving average of the weights (Polyak averaging as used by e.g. Tan and Le,
 * EfficientNet, 2019): after every step {@code ema = d * ema + (1 - d) * w}, batch-norm
 * statistics included; the average is evaluated alongside the raw weights every epoch.
 */
public final class WeightAveraging implements Technique {

    public static final String NAME = "ema";

    private final double decay;

    public WeightAveraging(double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
        }
        this.decay = decay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerSettings optimizer(OptimizerSettings settings) {
        return settings.withAverageDecay(decay);
    }
}
