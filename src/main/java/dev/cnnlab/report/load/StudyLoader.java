package dev.cnnlab.report.load;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.study.StudyDirectory;
import dev.cnnlab.study.StudySpec;
import java.nio.file.Path;

/** Reads a study directory (its layout is {@link StudyDirectory}'s): the spec and every cell's outcome. */
public final class StudyLoader {

    private StudyLoader() {}

    /**
     * Loads the spec and every cell's outcome. A damaged run file makes that one cell
     * "unreadable" rather than failing the report: a report of a study in progress must always
     * be possible.
     *
     * @throws CnnlabException when {@code study.json} is missing or damaged
     */
    public static StudyResults load(Path studyDir) {
        StudyDirectory directory = new StudyDirectory(studyDir);
        StudySpec spec = directory.spec();
        return new StudyResults(
                studyDir, spec, spec.cells().stream().map(directory::outcome).toList());
    }
}
