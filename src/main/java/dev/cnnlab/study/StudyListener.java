package dev.cnnlab.study;

import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainListener;

/** What a study run reports; every method is optional. */
public interface StudyListener {

    /** A cell is skipped: finished before, or being trained by another process. */
    default void skipped(Cell cell, int cells, String why) {}

    /** A cell starts (or resumes); returns the listener for its training progress. */
    default TrainListener starting(Cell cell, int cells) {
        return TrainListener.SILENT;
    }

    /** A promoted-stage cell waits for proxy-stage cells that other processes are training. */
    default void waiting(java.util.List<Cell> pending, java.time.Duration recheck) {}

    /** A cell finished. */
    default void finished(Cell cell, int cells, RunResult result) {}

    StudyListener SILENT = new StudyListener() {};
}
