package dev.cnnlab.study;

import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one cell of a study stands: finished (with its result), running (with the checkpointed
 * history so far), not started, or unreadable (a damaged file, reported instead of crashing).
 */
public final class CellOutcome {

    /** The cell's state on disk. */
    public enum Status {
        FINISHED,
        RUNNING,
        NOT_STARTED,
        UNREADABLE
    }

    private final Cell cell;
    private final RunResult result;
    private final TrainState state;
    private final String problem;

    private CellOutcome(Cell cell, RunResult result, TrainState state, String problem) {
        this.cell = Objects.requireNonNull(cell);
        this.result = result;
        this.state = state;
        this.problem = problem;
    }

    /** A finished run. */
    public static CellOutcome finished(Cell cell, RunResult result) {
        return new CellOutcome(cell, Objects.requireNonNull(result), null, null);
    }

    /** A run with a checkpoint but no result yet. */
    public static CellOutcome running(Cell cell, TrainState state) {
        return new CellOutcome(cell, null, Objects.requireNonNull(state), null);
    }

    /** A run with nothing on disk. */
    public static CellOutcome notStarted(Cell cell) {
        return new CellOutcome(cell, null, null, null);
    }

    /** A run whose files could not be read. */
    public static CellOutcome unreadable(Cell cell, String problem) {
        return new CellOutcome(cell, null, null, Objects.requireNonNull(problem));
    }

    public Cell cell() {
        return cell;
    }

    public Status status() {
        if (result != null) {
            return Status.FINISHED;
        }
        if (state != null) {
            return Status.RUNNING;
        }
        return problem != null ? Status.UNREADABLE : Status.NOT_STARTED;
    }

    public Optional<RunResult> result() {
        return Optional.ofNullable(result);
    }

    public Optional<TrainState> state() {
        return Optional.ofNullable(state);
    }

    /** Why the run's files could not be read, for unreadable cells. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Per-epoch rows so far: the result's for finished runs, the checkpoint's for running ones. */
    public List<EpochStats> history() {
        if (result != null) {
            return result.history() == null ? List.of() : result.history();
        }
        return state != null ? state.history() : List.of();
    }

    /**
     * A short status for tables: {@code finished}, {@code running (epoch k/N)}, {@code not started}
     * or {@code unreadable}. {@code plannedEpochs} is used when the checkpoint does not say.
     */
    public String label(int plannedEpochs) {
        return switch (status()) {
            case FINISHED -> "finished";
            case RUNNING ->
                "running (epoch " + state.completedEpochs() + "/"
                        + (state.config() != null ? state.config().epochs() : plannedEpochs) + ")";
            case NOT_STARTED -> "not started";
            case UNREADABLE -> "unreadable";
        };
    }
}
