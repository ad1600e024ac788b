package dev.cnnlab.train;

import dev.cnnlab.model.ModelSummary;

/** What a training run reports while it works; every method is optional. */
public interface TrainListener {

    /** Training is about to start (or resume) at epoch {@code firstEpoch} (1-based). */
    default void started(TrainConfig config, ModelSummary model, int firstEpoch, int trainImages, int testImages) {}

    /** An epoch starts. */
    default void epochStarted(int epoch, int epochs, double lr, int batches) {}

    /** A training batch finished. */
    default void batchDone(int batch, int batches, double meanLoss, double imagesPerSecond) {}

    /** An epoch finished and was checkpointed. */
    default void epochDone(EpochStats stats, int epochs) {}

    /** A note for the user (resume, skip, ...). */
    default void message(String text) {}

    /** A listener that reports nothing. */
    TrainListener SILENT = new TrainListener() {};
}
