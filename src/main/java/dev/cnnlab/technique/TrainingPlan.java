package dev.cnnlab.technique;

/**
 * How the optimiser, the schedule and evaluation run, as techniques adjust them. The plain plan
 * is the reference protocol: heavy-ball momentum, step schedule, raw weights evaluated once.
 *
 * @param nesterov Nesterov momentum instead of heavy-ball
 * @param cosine cosine annealing instead of the step schedule
 * @param warmupEpochs linear learning-rate warm-up, in epochs (0 = none)
 * @param emaDecay decay of an exponential moving average of the weights, evaluated alongside the
 *     raw weights (0 = no average)
 * @param flipTta also evaluate with horizontal-flip test-time augmentation
 */
public record TrainingPlan(boolean nesterov, boolean cosine, double warmupEpochs, double emaDecay, boolean flipTta) {

    /** The reference protocol's plan. */
    public static final TrainingPlan PLAIN = new TrainingPlan(false, false, 0, 0, false);

    public TrainingPlan withNesterov() {
        return new TrainingPlan(true, cosine, warmupEpochs, emaDecay, flipTta);
    }

    public TrainingPlan withCosine() {
        return new TrainingPlan(nesterov, true, warmupEpochs, emaDecay, flipTta);
    }

    public TrainingPlan withWarmup(double epochs) {
        return new TrainingPlan(nesterov, cosine, Math.max(warmupEpochs, epochs), emaDecay, flipTta);
    }

    public TrainingPlan withEma(double decay) {
        return new TrainingPlan(nesterov, cosine, warmupEpochs, decay, flipTta);
    }

    public TrainingPlan withFlipTta() {
        return new TrainingPlan(nesterov, cosine, warmupEpochs, emaDecay, true);
    }
}
