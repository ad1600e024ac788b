package dev.cnnlab.study;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The live progress of a cell being trained, as its process leaves it in {@code runs/<id>/progress.json}
 * (rewritten atomically every few seconds, see {@link ProgressRecorder}), so that anyone who can
 * read the study directory can follow the study, on whichever machine the cell runs.
 *
 * @param state {@link #RUNNING} or {@link #FAILED}
 * @param epoch the epoch in progress (1-based; 0 before the first starts)
 * @param batch batches done in that epoch
 * @param imagesPerSecond training images per second in this epoch (0 before the first batch)
 * @param epochEtaSeconds seconds left in the epoch; null while unknown
 * @param runEtaSeconds seconds left in the run; null while unknown
 * @param flopsPerImage the network's forward FLOPs per training image (0 before it is built)
 * @param trainImages training images per epoch (0 before the data is read)
 * @param pid the process training the cell
 * @param host the machine it runs on
 * @param updatedAt when the process last wrote this file (ISO-8601, UTC)
 * @param problem why the cell failed, in one line; null unless failed
 */
public record CellProgress(
        String state,
        int epoch,
        int epochs,
        int batch,
        int batches,
        double imagesPerSecond,
        Double epochEtaSeconds,
        Double runEtaSeconds,
        long flopsPerImage,
        int trainImages,
        long pid,
        String host,
        String updatedAt,
        String problem) {

    /** The file in the cell's run directory. */
    public static final String FILE = "progress.json";

    public static final String RUNNING = "running";
    public static final String FAILED = "failed";

    /** How often a running cell rewrites its progress, whatever it is doing (training, evaluating, saving). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /**
     * How old a running cell's progress may be before it reads as interrupted: many heartbeats, so
     * a slow shared file system does not make a live cell look dead.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** The progress left in {@code runDir}, if any. */
    public static Optional<CellProgress> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(Json.read(file, CellProgress.class)) : Optional.empty();
    }

    /** The process holding the cell, as {@code pid@host}. */
    @JsonIgnore
    public String holder() {
        return pid + "@" + host;
    }

    /** Whether the cell failed (then {@link #problem()} says why). */
    @JsonIgnore
    public boolean failed() {
        return FAILED.equals(state);
    }

    /**
     * Whether the process that wrote this is still training the cell at {@code now}: the file is
     * fresh and, when it runs on {@code thisHost}, the process is alive. On another machine only
     * the file's age can tell.
     */
    public boolean live(Instant now, String thisHost) {
        if (!RUNNING.equals(state) || updatedAt == null) {
            return false;
        }
        if (Duration.between(Instant.parse(updatedAt), now).compareTo(STALE_AFTER) > 0) {
            return false;
        }
        return !host.equals(thisHost)
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
