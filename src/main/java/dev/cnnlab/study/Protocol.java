package dev.cnnlab.study;

import dev.cnnlab.precision.Precision;
import java.util.List;

/**
 * The training protocol shared by every cell of a study. Missing values take the reference
 * protocol's (SGD 0.9, wd 1e-4, batch 128, 160 epochs, LR 0.1 x0.1 at 80 and 120, all data).
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

    public Protocol {
        epochs = or(epochs, 160);
        lr = or(lr, 0.1);
        lrMilestones = List.copyOf(or(lrMilestones, List.of(80, 120)));
        lrGamma = or(lrGamma, 0.1);
        batchSize = or(batchSize, 128);
        weightDecay = or(weightDecay, 1e-4);
        momentum = or(momentum, 0.9);
        trainLimit = or(trainLimit, 0);
        testLimit = or(testLimit, 0);
        precision = Precision.of(or(precision, Precision.FP32.key())).key();
    }

    /** The reference protocol. */
    public static Protocol reference() {
        return new Protocol(null, null, null, null, null, null, null, null, null, null);
    }

    /** This protocol with command-line overrides applied (null = keep). */
    public Protocol override(Integer newEpochs, Integer newBatchSize, Integer newTrainLimit, Integer newTestLimit,
            String newPrecision) {
        return new Protocol(or(newEpochs, epochs), lr, lrMilestones, lrGamma, or(newBatchSize, batchSize),
                weightDecay, momentum, or(newTrainLimit, trainLimit), or(newTestLimit, testLimit),
                or(newPrecision, precision));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
