package dev.cnnlab.train;

/**
 * One row of a run's history, as written to {@code epochs.csv}.
 *
 * @param epoch 1-based epoch number
 * @param lr learning rate used in the epoch
 * @param trainLoss mean training loss (against the possibly mixed targets)
 * @param trainTop1 training top-1 in percent (target mass on the predicted class, so mixed
 *     batches count each label with its weight)
 * @param testLoss mean test cross-entropy
 * @param testTop1 test top-1 accuracy in percent
 * @param testTop5 test top-5 accuracy in percent
 * @param seconds wall seconds of the epoch (training and evaluation)
 * @param trainImagesPerSecond training throughput (forward, backward, update, data wait)
 * @param testTop1Ema test top-1 of the weight average (null without the {@code ema} technique)
 * @param testTop1FlipTta test top-1 with flip test-time augmentation (null without {@code flip-tta})
 */
public record EpochStats(
        int epoch,
        double lr,
        double trainLoss,
        double trainTop1,
        double testLoss,
        double testTop1,
        double testTop5,
        double seconds,
        double trainImagesPerSecond,
        Double testTop1Ema,
        Double testTop1FlipTta) {

    /** A row without the optional metrics. */
    public EpochStats(int epoch, double lr, double trainLoss, double trainTop1, double testLoss, double testTop1,
            double testTop5, double seconds, double trainImagesPerSecond) {
        this(epoch, lr, trainLoss, trainTop1, testLoss, testTop1, testTop5, seconds, trainImagesPerSecond, null, null);
    }

    /** CSV header matching {@link #csvRow()}; the optional metrics' columns are empty when off. */
    public static final String CSV_HEADER = "epoch,lr,train_loss,train_top1,test_loss,test_top1,test_top5,"
            + "epoch_seconds,train_images_per_second,test_top1_ema,test_top1_flip_tta";

    /** This row as CSV. */
    public String csvRow() {
        return String.format(java.util.Locale.ROOT, "%d,%.6g,%.5f,%.3f,%.5f,%.3f,%.3f,%.2f,%.1f,%s,%s",
                epoch, lr, trainLoss, trainTop1, testLoss, testTop1, testTop5, seconds, trainImagesPerSecond,
                optional(testTop1Ema), optional(testTop1FlipTta));
    }

    private static String optional(Double value) {
        return value == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
