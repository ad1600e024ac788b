package dev.cnnlab.study;

import dev.cnnlab.data.CifarData;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.Trainer;
import java.util.List;
import java.util.Optional;

/**
 * Runs the cells of a study in one process, one after another, skipping finished cells and cells
 * claimed by another process, resuming interrupted ones from their checkpoints.
 *
 * <p>Several runners (processes, machines of a job array) may work on one study directory at
 * once: each cell is claimed with a {@link CellLock} and owns its own run directory.
 */
public final class StudyRunner {

    private final StudySpec spec;
    private final StudyDirectory directory;
    private final CifarData data;
    private final int threads;
    private final int loaderWorkers;
    private final StudyListener listener;

    public StudyRunner(StudySpec spec, StudyDirectory directory, CifarData data, int threads, int loaderWorkers,
            StudyListener listener) {
        this.spec = spec;
        this.directory = directory;
        this.data = data;
        this.threads = threads;
        this.loaderWorkers = loaderWorkers;
        this.listener = listener;
    }

    /** Runs the given cells (in order); returns how many this process trained to the end. */
    public int run(List<Cell> cells) {
        int total = spec.cells().size();
        int trained = 0;
        for (Cell cell : cells) {
            if (directory.finished(cell)) {
                listener.skipped(cell, total, "finished");
                continue;
            }
            Optional<CellLock> lock = CellLock.tryAcquire(directory.run(cell).dir());
            if (lock.isEmpty()) {
                listener.skipped(cell, total, "being trained by another process");
                continue;
            }
            try (CellLock held = lock.get()) {
                if (directory.finished(cell)) { // finished while we waited for the lock
                    listener.skipped(cell, total, "finished");
                    continue;
                }
                RunResult result = new Trainer(cell.config(spec.protocol(), threads), data, directory.run(cell),
                        listener.starting(cell, total), loaderWorkers, Trainer.DEFAULT_CHECKPOINT_SECONDS).run(true);
                listener.finished(cell, total, result);
                trained++;
            }
        }
        return trained;
    }
}
