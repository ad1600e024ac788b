package dev.cnnlab.train;

import dev.cnnlab.CnnlabException;

/**
 * An invalid training setting, named by its config field ({@code epochs}, {@code lrMilestones},
 * ...) rather than by how the user gave it: the command line phrases it as a flag, a study spec
 * as a key of its file.
 */
public final class ConfigException extends CnnlabException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public ConfigException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The {@link TrainConfig} component at fault. */
    public String field() {
        return field;
    }

    /** What is wrong with it, e.g. {@code must be >= 1, got 0}. */
    public String problem() {
        return problem;
    }
}
