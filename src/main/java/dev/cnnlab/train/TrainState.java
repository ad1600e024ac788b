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
 */
public record TrainState(TrainConfig config, int completedEpochs, List<EpochStats> history, double trainSeconds) {

    public TrainState {
        history = List.copyOf(history);
    }

    /** The state of a run that has not started. */
    public static TrainState fresh(TrainConfig config) {
        return new TrainState(config, 0, List.of(), 0);
    }

    /** The state after one more epoch. */
    public TrainState next(EpochStats stats) {
        List<EpochStats> rows = new java.util.ArrayList<>(history);
        rows.add(stats);
        return new TrainState(config, completedEpochs + 1, rows, trainSeconds + stats.seconds());
    }

    public boolean finished() {
        return completedEpochs >= config.epochs();
    }
}
