package dev.cnnlab.train;

import java.util.List;

/**
 * Where a run stands after a completed epoch; saved in every checkpoint.
 *
 * <p>This is also the complete random state: every random stream is derived from
 * {@code config.seed()} and the epoch/batch coordinates (see {@link dev.cnnlab.util.Seeds}), so
 * the next epoch's shuffling, augmentation and mixing follow from {@code completedEpochs} alone.
 *
 * @param config the run's config
 * @param completedEpochs epochs finished
 * @param history one row per finished epoch
 * @param trainSeconds wall seconds spent in epochs so far (dead time between resumes excluded)
 * @param partial progress inside the next epoch when checkpointed mid-epoch, else null
 * @param startedAt when the run first started (UTC, ISO-8601); null when unknown (checkpoints of format 1
 *     written before it was kept)
 */
public record TrainState(
        TrainConfig config,
        int completedEpochs,
        List<EpochStats> history,
        double trainSeconds,
        PartialEpoch partial,
        String startedAt) {

    /**
     * How far an epoch got before a mid-epoch checkpoint: batches are fully determined by (seed,
     * epoch, batch index), so training resumes at {@code batches} with these running sums.
     *
     * @param batches batches done
     * @param images images trained on
     * @param lossSum sum of per-image losses
     * @param targetMass summed target mass on predictions (the training top-1 numerator)
     * @param seconds wall seconds spent in the epoch so far
     */
    public record PartialEpoch(int batches, int images, double lossSum, double targetMass, double seconds) {}

    public TrainState {
        history = List.copyOf(history);
    }

    /** The state of a run that has not started (no start time). */
    public static TrainState fresh(TrainConfig config) {
        return fresh(config, null);
    }

    /** The state of a run starting at {@code startedAt} (UTC, ISO-8601). */
    public static TrainState fresh(TrainConfig config, String startedAt) {
        return new TrainState(config, 0, List.of(), 0, null, startedAt);
    }

    /** The state after one more epoch. */
    public TrainState next(EpochStats stats) {
        List<EpochStats> rows = new java.util.ArrayList<>(history);
        rows.add(stats);
        return new TrainState(config, completedEpochs + 1, rows, trainSeconds + stats.seconds(), null, startedAt);
    }

    /** The state in the middle of the next epoch. */
    public TrainState during(PartialEpoch progress) {
        return new TrainState(config, completedEpochs, history, trainSeconds, progress, startedAt);
    }

    public boolean finished() {
        return completedEpochs >= config.epochs();
    }
}
