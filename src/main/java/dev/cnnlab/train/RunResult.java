package dev.cnnlab.train;

import dev.cnnlab.model.ModelSummary;
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

    /**
     * The result of the finished run {@code state}: its final epoch's test metrics, best epoch and
     * mean throughput come from its history, the size from {@code model}.
     */
    public static RunResult of(TrainState state, ModelSummary model, Provenance provenance) {
        List<EpochStats> history = state.history();
        EpochStats last = history.get(history.size() - 1);
        return new RunResult(
                model.spec().displayName(),
                last.testTop1(),
                last.testTop5(),
                last.testLoss(),
                history.stream().mapToDouble(EpochStats::testTop1).max().orElseThrow(),
                model.params(),
                model.flopsPerImage(),
                state.completedEpochs(),
                state.trainSeconds(),
                history.stream()
                        .mapToDouble(EpochStats::trainImagesPerSecond)
                        .average()
                        .orElseThrow(),
                state.config(),
                provenance,
                history,
                last.metrics());
    }

    /** Final-epoch test top-1 in percent of the extra metric {@code key}, or null without it. */
    public Double metric(String key) {
        return metrics.get(key);
    }
}
