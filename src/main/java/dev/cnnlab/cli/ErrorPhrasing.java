package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.ModelTooLarge;
import dev.cnnlab.train.TrainingDiverged;

/**
 * Turns the domain's typed errors into advice for how the user gave the value: options of
 * {@code cnnlab train}, keys of a study spec for {@code cnnlab study}. Errors without a typed
 * form keep their own message.
 */
final class ErrorPhrasing {

    /** The name of the subcommand whose values come from a spec file rather than options. */
    private static final String STUDY = "study";

    private ErrorPhrasing() {}

    /** The one-line message for {@code e}, raised while running the subcommand {@code command}. */
    static String phrase(CnnlabException e, String command) {
        boolean study = STUDY.equals(command);
        if (e instanceof TrainingDiverged diverged) {
            return diverged.where() + (study
                    ? "; lower `lr` under `protocol:` in the study spec or add the `warmup` technique, then run the"
                            + " study into a new --out"
                    : "; lower --lr or add warm-up (--technique warmup), then start a new --out");
        }
        if (e instanceof ModelTooLarge tooLarge) {
            return tooLarge.what() + (study ? ": choose a smaller `depth` or `widen` for that model in the study spec"
                    : ": choose a smaller --depth or --widen");
        }
        return e.getMessage();
    }
}
