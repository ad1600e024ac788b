package dev.cnnlab.cli;

import dev.cnnlab.study.Cell;
import dev.cnnlab.study.StudyDirectory;
import dev.cnnlab.study.StudyListener;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.study.StudyStatus;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainListener;
import java.io.PrintStream;
import java.util.Locale;

/** Study progress on stderr: one line per cell event, the cell's own training progress in between. */
final class ConsoleStudyProgress implements StudyListener {

    private final PrintStream out;
    private final boolean live;
    private final StudySpec spec;
    private final StudyDirectory directory;
    private final long start = System.nanoTime();
    private int done;

    ConsoleStudyProgress(PrintStream out, boolean live, StudySpec spec, StudyDirectory directory) {
        this.out = out;
        this.live = live;
        this.spec = spec;
        this.directory = directory;
    }

    @Override
    public void skipped(Cell cell, int cells, String why) {
        out.printf(Locale.ROOT, "[cell %d of %d] %s: %s, skipped%n", cell.index(), cells, cell.id(), why);
    }

    @Override
    public TrainListener starting(Cell cell, int cells) {
        int epochs = cell.fidelity().epochs(spec.protocol());
        java.util.List<Integer> drops = cell.config(spec.protocol(), 1).lrMilestones();
        out.printf(
                Locale.ROOT,
                "[cell %d of %d] %s: %s with {%s}, seed %d, %d epochs (%s)%n",
                cell.index(),
                cells,
                cell.id(),
                cell.fidelity().name(),
                cell.techniqueSet(),
                cell.seed(),
                epochs,
                drops(drops));
        return new ConsoleProgress(out, live);
    }

    /** The LR milestones in words: {@code LR drops at 2, 3}, or {@code no LR drop}. */
    static String drops(java.util.List<Integer> milestones) {
        return milestones.isEmpty()
                ? "no LR drop"
                : "LR drops at "
                        + milestones.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    @Override
    public void waiting(java.util.List<Cell> pending, java.time.Duration recheck) {
        out.printf(
                Locale.ROOT,
                "waiting for %d proxy-stage cell(s) being trained by other processes (%s); checking again"
                        + " in %d s%n",
                pending.size(),
                String.join(", ", pending.stream().map(Cell::id).toList()),
                recheck.toSeconds());
    }

    @Override
    public void finished(Cell cell, int cells, RunResult result) {
        done++;
        out.printf(
                Locale.ROOT,
                "[cell %d of %d] %s: %.2f%% top-1 in %s; study %s: %d cell(s) trained here in %s%n",
                cell.index(),
                cells,
                cell.id(),
                result.testAccuracy(),
                ConsoleProgress.duration(result.wallSeconds()),
                spec.name(),
                done,
                ConsoleProgress.duration((System.nanoTime() - start) / 1e9));
        out.println(studyLine());
    }

    /**
     * The whole study's progress and ETA as {@code cnnlab status} sees it (other processes'
     * cells included); a problem reading it never stops the study.
     */
    private String studyLine() {
        try {
            StudyStatus status = StudyStatus.read(directory);
            return String.format(
                    Locale.ROOT,
                    "study %s: %d of %d cells done, study ETA %s",
                    spec.name(),
                    status.done(),
                    status.planned(),
                    StatusTable.eta(status));
        } catch (RuntimeException e) {
            return "study " + spec.name() + ": ETA unknown (" + e.getMessage() + ")";
        }
    }
}
