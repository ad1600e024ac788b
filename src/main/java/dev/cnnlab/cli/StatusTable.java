package dev.cnnlab.cli;

import dev.cnnlab.study.CellState;
import dev.cnnlab.study.StudyStatus;
import java.util.Locale;

/** {@code cnnlab status} for people: a head line with the study's progress and ETA, then a row per cell. */
final class StatusTable {

    private StatusTable() {}

    static String render(StudyStatus status) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "study %s: %d of %d cells done, %d running; study ETA %s   (%s)%n",
                status.study(),
                status.done(),
                status.planned(),
                status.running(),
                eta(status),
                status.at().replaceFirst("\\.\\d+Z$", "Z")));
        text.append(String.format(
                Locale.ROOT,
                "%5s  %-32s %-19s %-26s %6s %8s  %s%n",
                "cell",
                "id",
                "state",
                "progress",
                "img/s",
                "ETA",
                "process / result"));
        for (StudyStatus.Entry e : status.cells()) {
            text.append(String.format(
                    Locale.ROOT,
                    "%5d  %-32s %-19s %-26s %6s %8s  %s%n",
                    e.index(),
                    e.id(),
                    e.state().label(),
                    progress(e),
                    e.imagesPerSecond() == null ? "" : String.format(Locale.ROOT, "%.0f", e.imagesPerSecond()),
                    e.state() == CellState.RUNNING
                            ? ConsoleProgress.duration(e.etaSeconds() == null ? Double.NaN : e.etaSeconds())
                            : "",
                    last(e)));
        }
        return text.toString();
    }

    /** The study's ETA: {@code done}, a duration, or why it is not known yet. */
    static String eta(StudyStatus status) {
        if (status.done() == status.planned()) {
            return "done";
        }
        return status.etaSeconds() == null
                ? "? (known when a cell has finished)"
                : ConsoleProgress.duration(status.etaSeconds());
    }

    /** Epoch and batch where known. */
    private static String progress(StudyStatus.Entry e) {
        if (e.epoch() == null || e.epochs() == null) {
            return "";
        }
        if (e.state() == CellState.RUNNING && e.epoch() == 0) {
            return "starting";
        }
        if (e.batch() == null || e.batches() == null || e.batches() == 0 || e.state() == CellState.DONE) {
            return "epoch " + e.epoch() + "/" + e.epochs();
        }
        return "epoch " + e.epoch() + "/" + e.epochs() + ", batch " + e.batch() + "/" + e.batches();
    }

    /** The holder of a live cell, the result of a done one, the reason for the others. */
    private static String last(StudyStatus.Entry e) {
        if (e.testAccuracy() != null) {
            return String.format(Locale.ROOT, "%.2f%% top-1", e.testAccuracy());
        }
        if (e.reason() != null) {
            return e.reason();
        }
        return e.holder() == null ? "" : e.holder();
    }
}
