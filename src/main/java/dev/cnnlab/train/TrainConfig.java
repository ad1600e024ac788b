package dev.cnnlab.train;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.precision.Precision;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TechniqueSpec;
import java.util.List;

/**
 * Everything that decides what a training run computes. Saved with every checkpoint and result;
 * a run can only be resumed under the same config.
 *
 * <p>Speed knobs that do not change the numbers (loader workers) are not part of it; the
 * thread count is, because libtorch's reductions may sum in a different order with other
 * thread counts.
 *
 * @param depth network depth (9n+2 for the bottleneck family)
 * @param techniques techniques switched on, in order
 * @param epochs epochs to train
 * @param lr initial learning rate
 * @param lrMilestones epochs at which the learning rate is multiplied by {@code lrGamma}
 * @param lrGamma learning-rate decay factor at each milestone
 * @param batchSize training batch size
 * @param weightDecay L2 penalty added to gradients (PyTorch SGD semantics)
 * @param momentum SGD momentum
 * @param seed seed of every random stream (initial weights, order, augmentation, mixing)
 * @param trainLimit use only the first N training records (0 = all)
 * @param testLimit use only the first N test records (0 = all)
 * @param threads libtorch intra-op threads
 * @param family architecture family key ({@code bottleneck}, {@code basic}, {@code preact18})
 * @param widen channel multiplier of every stage
 * @param precision compute precision key ({@code fp32}, or {@code bf16} mixed precision); it changes
 *     the numbers, so it is part of the config
 */
public record TrainConfig(
        int depth,
        List<TechniqueSpec> techniques,
        int epochs,
        double lr,
        List<Integer> lrMilestones,
        double lrGamma,
        int batchSize,
        double weightDecay,
        double momentum,
        long seed,
        int trainLimit,
        int testLimit,
        int threads,
        String family,
        int widen,
        String precision) {

    public TrainConfig {
        techniques = List.copyOf(techniques);
        lrMilestones = List.copyOf(lrMilestones);
        family = family == null ? Family.BOTTLENECK.key() : family;
        widen = widen == 0 ? 1 : widen; // results written before widths existed
        precision = precision == null ? Precision.FP32.key() : precision; // ... and before precisions
    }

    /** A config for the reference (bottleneck) family at its paper widths. */
    public TrainConfig(int depth, List<TechniqueSpec> techniques, int epochs, double lr, List<Integer> lrMilestones,
            double lrGamma, int batchSize, double weightDecay, double momentum, long seed, int trainLimit,
            int testLimit, int threads) {
        this(depth, techniques, epochs, lr, lrMilestones, lrGamma, batchSize, weightDecay, momentum, seed, trainLimit,
                testLimit, threads, Family.BOTTLENECK.key(), 1, Precision.FP32.key());
    }

    /** The reference protocol: SGD 0.9, wd 1e-4, batch 128, 160 epochs, LR 0.1 x0.1 at 80/120. */
    public static TrainConfig reference(int depth, List<TechniqueSpec> techniques, int threads) {
        return new TrainConfig(depth, techniques, 160, 0.1, List.of(80, 120), 0.1, 128, 1e-4, 0.9, 0, 0, 0, threads);
    }

    /** Checks every value, naming the option to fix. */
    public TrainConfig validate() {
        baseModel();
        computePrecision();
        require(epochs >= 1, "--epochs must be >= 1, got " + epochs);
        require(lr > 0 && Double.isFinite(lr), "--lr must be a positive number, got " + lr);
        require(lrGamma > 0 && lrGamma <= 1, "--lr-gamma must be in (0, 1], got " + lrGamma);
        require(batchSize >= 2, "--batch-size must be >= 2 (batch norm needs 2 images), got " + batchSize);
        require(weightDecay >= 0, "--weight-decay must be >= 0, got " + weightDecay);
        require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        require(trainLimit >= 0, "--train-limit must be >= 0 (0 = all), got " + trainLimit);
        require(testLimit >= 0, "--test-limit must be >= 0 (0 = all), got " + testLimit);
        require(threads >= 1, "--threads must be >= 1, got " + threads);
        int previous = 0;
        for (int milestone : lrMilestones) {
            require(milestone > previous, "--lr-milestones must be increasing positive epochs, got " + lrMilestones);
            previous = milestone;
        }
        TechniqueSet.of(techniques);
        return this;
    }

    /** The network this config trains: the depth shaped by every technique. */
    public ModelSpec modelSpec() {
        return TechniqueSet.of(techniques).shape(baseModel());
    }

    /** The same config with another thread count. */
    public TrainConfig withThreads(int newThreads) {
        return new TrainConfig(depth, techniques, epochs, lr, lrMilestones, lrGamma, batchSize,
                weightDecay, momentum, seed, trainLimit, testLimit, newThreads, family, widen, precision);
    }

    /** The number format the network computes in. */
    public Precision computePrecision() {
        return Precision.of(precision);
    }

    /** The network before techniques shape it. */
    private ModelSpec baseModel() {
        Family f = Family.of(family);
        if (f == null) {
            throw new CnnlabException("unknown model family '" + family + "': use bottleneck, basic or preact18");
        }
        return ModelSpec.cifar100(f, depth, widen);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new CnnlabException(message);
        }
    }
}
