package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainState;
import dev.cnnlab.util.Files2;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A study's output directory, and the one place that knows its layout: {@code study.json} (the
 * effective spec, overrides applied), {@code runs/<cell-id>/} (one run directory per cell, owned
 * by that cell) and the reports. The study runner, the report and the command line all read it
 * through here.
 */
public final class StudyDirectory {

    public static final String SPEC = "study.json";
    public static final String RUNS = "runs";

    private final Path dir;

    public StudyDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Creates the directory for {@code spec}, or checks that an existing one holds the same study.
     * Safe when several processes open the same directory at once: the spec is written atomically
     * and every later opener compares against it.
     */
    public StudyDirectory open(StudySpec spec) {
        Files2.createDirectories(dir.resolve(RUNS), "the study directory (--out)");
        Path file = dir.resolve(SPEC);
        if (!Files.exists(file)) {
            Json.writeAtomically(file, spec);
        }
        StudySpec existing = Json.read(file, StudySpec.class);
        if (!existing.equals(spec)) {
            throw new CnnlabException(dir + " holds study '" + existing.name() + "' with other settings (spec, seeds or"
                    + " overrides differ): use another --out, or repeat the original command line");
        }
        return this;
    }

    /** The marker a run with {@code --no-promote} leaves: the full grid is being trained. */
    static final String FULL_GRID = "full-grid";

    /**
     * Records whether the runs in this directory train the full grid ({@code --no-promote}) or follow
     * the promotion, so a reader of the directory alone ({@code cnnlab status}) knows which cells
     * will train. The last run started decides.
     */
    public void recordFullGrid(boolean fullGrid) {
        Path marker = dir.resolve(FULL_GRID);
        if (fullGrid) {
            Files2.writeAtomically(
                    marker, "the runs in this directory train every cell, promoted or not (--no-promote)\n");
        } else {
            try {
                Files.deleteIfExists(marker);
            } catch (java.io.IOException e) {
                throw new CnnlabException("cannot remove " + marker + ": " + e.getMessage());
            }
        }
    }

    /** Whether the last run started here trains the full grid ({@link #recordFullGrid}). */
    public boolean fullGrid() {
        return Files.exists(dir.resolve(FULL_GRID));
    }

    /**
     * The spec of the study this directory holds.
     *
     * @throws CnnlabException when there is no study here, or its {@code study.json} is damaged
     */
    public StudySpec spec() {
        Path file = dir.resolve(SPEC);
        if (!Files.isRegularFile(file)) {
            throw new CnnlabException("no study in " + dir + " (" + SPEC + " missing): run `./cnnlab study SPEC --out "
                    + dir + "` first");
        }
        return Json.read(file, StudySpec.class);
    }

    /**
     * Where a cell stands on disk. A damaged run file makes that one cell unreadable rather than
     * failing: the state of a study in progress can always be shown.
     */
    public CellOutcome outcome(Cell cell) {
        RunFiles files = run(cell);
        if (!Files.isDirectory(files.dir())) {
            return CellOutcome.notStarted(cell);
        }
        try {
            Optional<RunResult> result = files.result();
            if (result.isPresent()) {
                return CellOutcome.finished(cell, result.get());
            }
            Optional<TrainState> state = files.checkpoint().peek();
            return state.map(s -> CellOutcome.running(cell, s)).orElseGet(() -> CellOutcome.notStarted(cell));
        } catch (CnnlabException e) {
            return CellOutcome.unreadable(cell, e.getMessage());
        }
    }

    /**
     * How {@code study --list} describes a cell: its state on disk and, for a cell of the
     * promotion's target, what the promotion has decided so far.
     */
    public String describe(Cell cell, Optional<PromotionPlan> plan, Optional<PromotionPlan.Decision> decision) {
        CellOutcome outcome = outcome(cell);
        switch (outcome.status()) {
            case FINISHED:
                return "finished";
            case RUNNING:
                TrainState state = outcome.state().orElseThrow();
                return "epoch " + state.completedEpochs() + "/" + state.config().epochs();
            case UNREADABLE:
                return "unreadable (" + outcome.problem().orElseThrow() + ")";
            default:
                break;
        }
        if (plan.isPresent() && plan.get().stage(cell) == PromotionPlan.Stage.PROMOTED) {
            PromotionPlan.Decision d = decision.orElseThrow();
            if (!d.complete()) {
                return "awaits promotion";
            }
            return d.promotes(cell.techniqueSet()) ? "promoted, not started" : "not promoted";
        }
        return "not started";
    }

    /** The run directory of a cell. */
    public RunFiles run(Cell cell) {
        return new RunFiles(dir.resolve(RUNS).resolve(cell.id()));
    }

    /** A finished cell's final-epoch test top-1; empty while it has no result. */
    public java.util.OptionalDouble accuracy(Cell cell) {
        return run(cell)
                .result()
                .map(r -> java.util.OptionalDouble.of(r.testAccuracy()))
                .orElse(java.util.OptionalDouble.empty());
    }

    /** Whether a cell has its final result. */
    public boolean finished(Cell cell) {
        return Files.isRegularFile(dir.resolve(RUNS).resolve(cell.id()).resolve(RunFiles.RESULT));
    }
}
