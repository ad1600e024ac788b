package dev.cnnlab.train;

import dev.cnnlab.CnnlabException;

/**
 * A run directory that already holds something this run may not use as it is: an unfinished
 * run not asked to resume, a run under another config, or saved arrays of another model. The
 * message says only what the directory holds; the command line and the study phrase the remedy
 * for how the user named the directory ({@code --out} of {@code train}, a cell of a study).
 */
public final class RunDirectoryConflict extends CnnlabException {

    private static final long serialVersionUID = 1L;

    /** What stands in the way. */
    public enum Kind {
        /** A checkpoint of the same config, and the run was not asked to resume. */
        UNFINISHED,
        /** A finished run or checkpoint under a different config. */
        OTHER_CONFIG,
        /** Saved arrays whose count or shapes do not fit the model being built. */
        OTHER_MODEL
    }

    private final Kind kind;

    public RunDirectoryConflict(Kind kind, String problem) {
        super(problem);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** What the directory holds, without advice, e.g. {@code runs/a holds an unfinished run (2/5 epochs)}. */
    public String problem() {
        return getMessage();
    }
}
