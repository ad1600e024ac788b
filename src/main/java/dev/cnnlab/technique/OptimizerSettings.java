package dev.cnnlab.technique;

/**
 * How the optimiser updates the weights, as the run's config sets it and optimiser techniques
 * adjust it: SGD's momentum and weight decay, Nesterov momentum, and an exponential moving
 * average of the weights kept alongside them.
 *
 * @param momentum SGD momentum
 * @param weightDecay L2 penalty added to gradients
 * @param nesterov Nesterov momentum instead of heavy-ball
 * @param averageDecay decay of an exponential moving average of the weights, evaluated alongside
 *     the raw weights (0 = none)
 */
public record OptimizerSettings(double momentum, double weightDecay, boolean nesterov, double averageDecay) {

    /** Plain SGD: heavy-ball {@code momentum} and {@code weightDecay}, no weight average. */
    public static OptimizerSettings sgd(double momentum, double weightDecay) {
        return new OptimizerSettings(momentum, weightDecay, false, 0);
    }

    public OptimizerSettings withNesterov() {
        return new OptimizerSettings(momentum, weightDecay, true, averageDecay);
    }

    public OptimizerSettings withAverageDecay(double decay) {
        return new OptimizerSettings(momentum, weightDecay, nesterov, decay);
    }

    /** Whether a weight average is kept. */
    public boolean averages() {
        return averageDecay > 0;
    }
}
