package dev.cnnlab.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * @param metrics extra test metrics in percent by name (e.g. {@code test_top1_ema}), in the order
 *     the run computed them; empty without techniques that add one
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
        Map<String, Double> metrics) {

    /** CSV header of the columns every row has; the run's extra metrics follow, one column each. */
    public static final String CSV_HEADER =
            "epoch,lr,train_loss,train_top1,test_loss,test_top1,test_top5," + "epoch_seconds,train_images_per_second";

    public EpochStats {
        metrics = Metrics.copyOf(metrics);
    }

    /** Test top-1 in percent of the extra metric {@code key}, or null when the run did not compute it. */
    public Double metric(String key) {
        return metrics.get(key);
    }

    /** The CSV header for rows with these extra metrics. */
    public static String csvHeader(List<String> metricNames) {
        return metricNames.isEmpty() ? CSV_HEADER : CSV_HEADER + "," + String.join(",", metricNames);
    }

    /** This row as CSV, matching {@link #csvHeader} of its own metric names. */
    public String csvRow() {
        StringBuilder row = new StringBuilder(String.format(
                Locale.ROOT,
                "%d,%.6g,%.5f,%.3f,%.5f,%.3f,%.3f,%.2f,%.1f",
                epoch,
                lr,
                trainLoss,
                trainTop1,
                testLoss,
                testTop1,
                testTop5,
                seconds,
                trainImagesPerSecond));
        metrics.values().forEach(value -> row.append(String.format(Locale.ROOT, ",%.3f", value)));
        return row.toString();
    }
}
