package dev.cnnlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cnnlab.technique.FlipTestTimeAugmentation;
import java.util.LinkedHashMap;
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

    /** A row without extra metrics. */
    public EpochStats(
            int epoch,
            double lr,
            double trainLoss,
            double trainTop1,
            double testLoss,
            double testTop1,
            double testTop5,
            double seconds,
            double trainImagesPerSecond) {
        this(epoch, lr, trainLoss, trainTop1, testLoss, testTop1, testTop5, seconds, trainImagesPerSecond, Map.of());
    }

    /** Reads rows written now ({@code metrics}) and before ({@code testTop1Ema}, {@code testTop1FlipTta}). */
    @JsonCreator
    static EpochStats fromJson(
            @JsonProperty("epoch") int epoch,
            @JsonProperty("lr") double lr,
            @JsonProperty("trainLoss") double trainLoss,
            @JsonProperty("trainTop1") double trainTop1,
            @JsonProperty("testLoss") double testLoss,
            @JsonProperty("testTop1") double testTop1,
            @JsonProperty("testTop5") double testTop5,
            @JsonProperty("seconds") double seconds,
            @JsonProperty("trainImagesPerSecond") double trainImagesPerSecond,
            @JsonProperty("metrics") Map<String, Double> metrics,
            @JsonProperty("testTop1Ema") Double legacyEma,
            @JsonProperty("testTop1FlipTta") Double legacyFlipTta) {
        return new EpochStats(
                epoch,
                lr,
                trainLoss,
                trainTop1,
                testLoss,
                testTop1,
                testTop5,
                seconds,
                trainImagesPerSecond,
                withLegacy(metrics, legacyEma, legacyFlipTta));
    }

    /**
     * {@code metrics} with the two extra metrics that files written before metrics were generic
     * kept in fields of their own (null = absent), under today's names and in their old order.
     */
    static Map<String, Double> withLegacy(Map<String, Double> metrics, Double ema, Double flipTta) {
        Map<String, Double> all = new LinkedHashMap<>(metrics == null ? Map.of() : metrics);
        if (ema != null) {
            all.putIfAbsent(WeightAverage.METRIC, ema);
        }
        if (flipTta != null) {
            all.putIfAbsent(FlipTestTimeAugmentation.METRIC, flipTta);
        }
        return all;
    }

    /** Test top-1 of the weight average (null without the {@code ema} technique). */
    public Double testTop1Ema() {
        return metrics.get(WeightAverage.METRIC);
    }

    /** Test top-1 with flip test-time augmentation (null without {@code flip-tta}). */
    public Double testTop1FlipTta() {
        return metrics.get(FlipTestTimeAugmentation.METRIC);
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
