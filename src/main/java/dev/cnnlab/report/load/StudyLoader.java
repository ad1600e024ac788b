package dev.cnnlab.report.load;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.study.Cell;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainState;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a study directory: {@code study.json} and the state of every cell's run directory. */
public final class StudyLoader {

    /** The spec file inside a study directory. */
    public static final String SPEC_FILE = "study.json";
    /** The folder of run directories inside a study directory. */
    public static final String RUNS_DIR = "runs";

    private StudyLoader() {}

    /**
     * Loads the spec and every cell's outcome. A damaged run file makes that one cell
     * "unreadable" rather than failing the report: a report of a study in progress must always
     * be possible.
     *
     * @throws CnnlabException when {@code study.json} is missing or damaged
     */
    public static StudyResults load(Path studyDir) {
        Path specFile = studyDir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(specFile)) {
            throw new CnnlabException("no study in " + studyDir + " (" + SPEC_FILE
                    + " missing): run `./cnnlab study SPEC --out " + studyDir + "` first");
        }
        StudySpec spec = Json.read(specFile, StudySpec.class);
        List<CellOutcome> outcomes = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            outcomes.add(outcome(cell, new RunFiles(studyDir.resolve(RUNS_DIR).resolve(cell.id()))));
        }
        return new StudyResults(studyDir, spec, outcomes);
    }

    private static CellOutcome outcome(Cell cell, RunFiles files) {
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
}
