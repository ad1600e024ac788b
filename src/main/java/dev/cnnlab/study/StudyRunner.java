package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.Trainer;
import dev.cnnlab.util.Files2;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the cells of a study in one process, one after another, skipping finished cells and cells
 * claimed by another process, resuming interrupted ones from their checkpoints.
 *
 * <p>Several runners (processes, machines of a job array) may work on one study directory at
 * once: each cell is claimed with a {@link CellLock} and owns its own run directory.
 *
 * <p>With a {@link Promotion}, a promoted-stage cell needs the proxy stage's decision. When it is
 * reached before the proxy stage is complete (say, {@code --cell I} of a job array), the runner
 * first trains the proxy cells that nobody is training (resuming their checkpoints), waits for
 * those another process holds, and then trains the cell if its set is promoted or skips it as
 * "not promoted". So a promoted cell never waits for work that nobody does, and never runs
 * before the decision that selects it.
 */
public final class StudyRunner {

    /** How often a waiting promoted cell looks at the proxy stage again. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(20);

    private final StudySpec spec;
    private final StudyDirectory directory;
    private final Dataset data;
    private int threads = 1;
    private int loaderWorkers = 2;
    private ComputeDevice device = ComputeDevice.CPU;
    private boolean promote = true;
    private boolean tensorBoard = true;
    private Duration poll = DEFAULT_POLL;
    private StudyListener listener = StudyListener.SILENT;

    public StudyRunner(StudySpec spec, StudyDirectory directory, Dataset data) {
        this.spec = spec;
        this.directory = directory;
        this.data = data;
    }

    /** libtorch threads per cell. */
    public StudyRunner threads(int value) {
        threads = value;
        return this;
    }

    /** The device every cell trains on (default: the CPU). */
    public StudyRunner device(ComputeDevice value) {
        device = value;
        return this;
    }

    /** Data-loader threads per cell. */
    public StudyRunner loaderWorkers(int value) {
        loaderWorkers = value;
        return this;
    }

    /** False to train every cell, promoted or not (the full grid, {@code --no-promote}). */
    public StudyRunner promote(boolean value) {
        promote = value;
        return this;
    }

    /** False to write no TensorBoard event files in the cells' run directories ({@code --no-tensorboard}). */
    public StudyRunner tensorBoard(boolean value) {
        tensorBoard = value;
        return this;
    }

    /** How often a waiting promoted cell checks the proxy stage. */
    public StudyRunner poll(Duration value) {
        poll = value;
        return this;
    }

    public StudyRunner listener(StudyListener value) {
        listener = value;
        return this;
    }

    /** Runs the given cells (in order); returns how many this process trained to the end. */
    public int run(List<Cell> cells) {
        Optional<PromotionPlan> plan = promote ? PromotionPlan.of(spec) : Optional.empty();
        if (PromotionPlan.of(spec).isPresent()) {
            directory.recordFullGrid(!promote);
        }
        int trained = 0;
        for (Cell cell : cells) {
            if (plan.isPresent() && plan.get().stage(cell) == PromotionPlan.Stage.PROMOTED) {
                if (!directory.finished(cell)) {
                    Awaited awaited = awaitDecision(plan.get());
                    trained += awaited.trainedHere();
                    if (!awaited.decision().promotes(cell.techniqueSet())) {
                        listener.skipped(
                                cell,
                                spec.cells().size(),
                                "not promoted (" + plan.get().promotion().from() + " promotes "
                                        + String.join(", ", awaited.decision().promoted()) + ")");
                        continue;
                    }
                }
            }
            if (train(cell)) {
                trained++;
            }
        }
        return trained;
    }

    private record Awaited(PromotionPlan.Decision decision, int trainedHere) {}

    /** The proxy stage's complete decision: trains what nobody trains, waits for the rest. */
    private Awaited awaitDecision(PromotionPlan plan) {
        int trainedHere = 0;
        PromotionPlan.Decision decision = plan.decide(directory::accuracy);
        while (!decision.complete()) {
            for (Cell pending : decision.pending()) {
                if (train(pending)) {
                    trainedHere++;
                }
            }
            decision = plan.decide(directory::accuracy);
            if (!decision.complete()) {
                listener.waiting(decision.pending(), poll);
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CnnlabException(
                            "interrupted while waiting for the proxy stage; run the same command again");
                }
                decision = plan.decide(directory::accuracy);
            }
        }
        return new Awaited(decision, trainedHere);
    }

    /** Trains one cell unless it is finished or held by another process; true when this call finished it. */
    private boolean train(Cell cell) {
        int total = spec.cells().size();
        if (directory.finished(cell)) {
            listener.skipped(cell, total, "finished");
            return false;
        }
        Optional<CellLock> lock = CellLock.tryAcquire(directory.run(cell).dir());
        if (lock.isEmpty()) {
            listener.skipped(cell, total, "being trained by another process");
            return false;
        }
        try (CellLock held = lock.get()) {
            if (directory.finished(cell)) { // finished while we waited for the lock
                listener.skipped(cell, total, "finished");
                return false;
            }
            TrainConfig config = cell.config(spec.protocol(), threads);
            RunResult result;
            try (ProgressRecorder progress = ProgressRecorder.start(
                    directory.run(cell).dir(), config.epochs(), listener.starting(cell, total))) {
                try {
                    result = new Trainer(
                                    config,
                                    data,
                                    directory.run(cell),
                                    progress,
                                    loaderWorkers,
                                    Trainer.DEFAULT_CHECKPOINT_SECONDS)
                            .onDevice(device)
                            .tensorBoard(tensorBoard)
                            .run(true);
                } catch (RuntimeException e) {
                    progress.failed(Files2.describe(e));
                    throw e;
                }
                progress.finished();
            }
            listener.finished(cell, total, result);
            return true;
        }
    }
}
