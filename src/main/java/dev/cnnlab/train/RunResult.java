package dev.cnnlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cnnlab.technique.FlipTestTimeAugmentation;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a finished run, as written to {@code result.json}.
 *
 * @param model display name of the trained network
 * @param testAccuracy final-epoch test top-1 in percent (not the best epoch)
 * @param testTop5 final-epoch test top-5 in percent
 * @param testLoss final-epoch test loss
 * @param bestTestAccuracy best epoch's test top-1, for reference only
 * @param params trainable parameters
 * @param flopsPerImage forward FLOPs per image
 * @param epochs epochs trained
 * @param wallSeconds wall seconds spent training and evaluating (summed over resumed parts)
 * @param trainImagesPerSecond mean training throughput over all epochs
 * @param config the run's config
 * @param provenance data, code, software and hardware of the run
 * @param history per-epoch rows (the same as epochs.csv)
 * @param metrics the final epoch's extra test metrics in percent by name (see {@link EpochStats#metrics()})
 */
public record RunResult(
        String model,
        double testAccuracy,
        double testTop5,
        double testLoss,
        double bestTestAccuracy,
        long params,
        long flopsPerImage,
        int epochs,
        double wallSeconds,
        double trainImagesPerSecond,
        TrainConfig config,
        Provenance provenance,
        List<EpochStats> history,
        Map<String, Double> metrics) {

    public RunResult {
        history = history == null ? List.of() : List.copyOf(history);
        metrics = Metrics.copyOf(metrics);
    }

    /** A result without extra metrics. */
    public RunResult(
            String model,
            double testAccuracy,
            double testTop5,
            double testLoss,
            double bestTestAccuracy,
            long params,
            long flopsPerImage,
            int epochs,
            double wallSeconds,
            double trainImagesPerSecond,
            TrainConfig config,
            Provenance provenance,
            List<EpochStats> history) {
        this(
                model,
                testAccuracy,
                testTop5,
                testLoss,
                bestTestAccuracy,
                params,
                flopsPerImage,
                epochs,
                wallSeconds,
                trainImagesPerSecond,
                config,
                provenance,
                history,
                Map.of());
    }

    /** Reads results written now ({@code metrics}) and before ({@code testAccuracyEma}, {@code testAccuracyFlipTta}). */
    @JsonCreator
    static RunResult fromJson(
            @JsonProperty("model") String model,
            @JsonProperty("testAccuracy") double testAccuracy,
            @JsonProperty("testTop5") double testTop5,
            @JsonProperty("testLoss") double testLoss,
            @JsonProperty("bestTestAccuracy") double bestTestAccuracy,
            @JsonProperty("params") long params,
            @JsonProperty("flopsPerImage") long flopsPerImage,
            @JsonProperty("epochs") int epochs,
            @JsonProperty("wallSeconds") double wallSeconds,
            @JsonProperty("trainImagesPerSecond") double trainImagesPerSecond,
            @JsonProperty("config") TrainConfig config,
            @JsonProperty("provenance") Provenance provenance,
            @JsonProperty("history") List<EpochStats> history,
            @JsonProperty("metrics") Map<String, Double> metrics,
            @JsonProperty("testAccuracyEma") Double legacyEma,
            @JsonProperty("testAccuracyFlipTta") Double legacyFlipTta) {
        return new RunResult(
                model,
                testAccuracy,
                testTop5,
                testLoss,
                bestTestAccuracy,
                params,
                flopsPerImage,
                epochs,
                wallSeconds,
                trainImagesPerSecond,
                config,
                provenance,
                history,
                EpochStats.withLegacy(metrics, legacyEma, legacyFlipTta));
    }

    /** Final-epoch top-1 of the weight average (null without {@code ema}). */
    public Double testAccuracyEma() {
        return metrics.get(WeightAverage.METRIC);
    }

    /** Final-epoch top-1 with flip test-time augmentation (null without it). */
    public Double testAccuracyFlipTta() {
        return metrics.get(FlipTestTimeAugmentation.METRIC);
    }
}
