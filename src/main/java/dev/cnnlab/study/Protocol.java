package dev.cnnlab.study;

import dev.cnnlab.torch.Precision;
import dev.cnnlab.train.Milestones;
import dev.cnnlab.train.TrainConfig;
import java.util.List;

/**
 * The training protocol shared by every cell of a study. Missing values take the reference
 * protocol's ({@link TrainConfig#REFERENCE}); missing milestones are the reference's 80, 120 of
 * 160 moved to {@code epochs} ({@link Milestones}).
 *
 * @param epochs epochs per run
 * @param lr initial learning rate
 * @param lrMilestones epochs where the LR decays
 * @param lrGamma decay factor
 * @param batchSize batch size
 * @param weightDecay weight decay
 * @param momentum SGD momentum
 * @param trainLimit first N training images (0 = all)
 * @param testLimit first N test images (0 = all)
 * @param precision compute precision: fp32 (default) or bf16 mixed precision
 */
public record Protocol(
        Integer epochs,
        Double lr,
        List<Integer> lrMilestones,
        Double lrGamma,
        Integer batchSize,
        Double weightDecay,
        Double momentum,
        Integer trainLimit,
        Integer testLimit,
        String precision) {

    private static final TrainConfig R = TrainConfig.REFERENCE;

    public Protocol {
        epochs = or(epochs, R.epochs());
        lr = or(lr, R.lr());
        lrMilestones = List.copyOf(or(lrMilestones, Milestones.scaled(R.lrMilestones(), R.epochs(), epochs)));
        lrGamma = or(lrGamma, R.lrGamma());
        batchSize = or(batchSize, R.batchSize());
        weightDecay = or(weightDecay, R.weightDecay());
        momentum = or(momentum, R.momentum());
        trainLimit = or(trainLimit, R.trainLimit());
        testLimit = or(testLimit, R.testLimit());
        precision = Precision.of(or(precision, R.precision())).key();
    }

    /** The reference protocol. */
    public static Protocol reference() {
        return new Protocol(null, null, null, null, null, null, null, null, null, null);
    }

    /** This protocol for {@code newEpochs} epochs, its milestones moved with them. */
    public Protocol withEpochs(int newEpochs) {
        return new Protocol(
                newEpochs,
                lr,
                Milestones.scaled(lrMilestones, epochs, newEpochs),
                lrGamma,
                batchSize,
                weightDecay,
                momentum,
                trainLimit,
                testLimit,
                precision);
    }

    public Protocol withBatchSize(int newBatchSize) {
        return new Protocol(
                epochs,
                lr,
                lrMilestones,
                lrGamma,
                newBatchSize,
                weightDecay,
                momentum,
                trainLimit,
                testLimit,
                precision);
    }

    public Protocol withTrainLimit(int newTrainLimit) {
        return new Protocol(
                epochs,
                lr,
                lrMilestones,
                lrGamma,
                batchSize,
                weightDecay,
                momentum,
                newTrainLimit,
                testLimit,
                precision);
    }

    public Protocol withTestLimit(int newTestLimit) {
        return new Protocol(
                epochs,
                lr,
                lrMilestones,
                lrGamma,
                batchSize,
                weightDecay,
                momentum,
                trainLimit,
                newTestLimit,
                precision);
    }

    public Protocol withPrecision(String newPrecision) {
        return new Protocol(
                epochs,
                lr,
                lrMilestones,
                lrGamma,
                batchSize,
                weightDecay,
                momentum,
                trainLimit,
                testLimit,
                newPrecision);
    }

    /** The protocol's share of a training config (the fidelity sets model, epochs, data and milestones). */
    public TrainConfig.Builder applyTo(TrainConfig.Builder builder) {
        return builder.lr(lr)
                .lrGamma(lrGamma)
                .batchSize(batchSize)
                .weightDecay(weightDecay)
                .momentum(momentum)
                .testLimit(testLimit)
                .precision(precision);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
