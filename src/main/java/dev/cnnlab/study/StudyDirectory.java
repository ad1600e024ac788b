package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.util.Files2;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A study's output directory: {@code study.json} (the effective spec, overrides applied),
 * {@code runs/<cell-id>/} (one run directory per cell, owned by that cell) and the reports.
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
