package dev.cnnlab.train;

import dev.cnnlab.util.Files2;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one run directory: {@code config.json}, {@code epochs.csv}, {@code result.json}
 * and {@code checkpoint/}.
 */
public final class RunFiles {

    public static final String RESULT = "result.json";
    public static final String EPOCHS = "epochs.csv";
    public static final String CONFIG = "config.json";

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Creates the directory, failing with a one-line error when it cannot be written. */
    public RunFiles create() {
        Files2.createDirectories(dir, "the run's output directory (--out)");
        return this;
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(dir);
    }

    /** The finished result, if the run finished. */
    public Optional<RunResult> result() {
        Path file = dir.resolve(RESULT);
        return Files.isRegularFile(file) ? Optional.of(RunRecords.readResult(file)) : Optional.empty();
    }

    public void writeConfig(TrainConfig config) {
        Json.writeAtomically(dir.resolve(CONFIG), config);
    }

    /**
     * Rewrites epochs.csv from the history, so it always matches the checkpoint; the run's extra
     * metrics (the same in every row) follow the common columns.
     */
    public void writeEpochs(TrainState state) {
        List<String> metrics = state.history().isEmpty()
                ? List.of()
                : List.copyOf(state.history().get(0).metrics().keySet());
        StringBuilder csv = new StringBuilder(EpochStats.csvHeader(metrics)).append('\n');
        state.history().forEach(row -> csv.append(row.csvRow()).append('\n'));
        Files2.writeAtomically(dir.resolve(EPOCHS), csv.toString());
    }

    public void writeResult(RunResult result) {
        RunRecords.write(dir.resolve(RESULT), result);
    }
}
