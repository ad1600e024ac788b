package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.device.DeviceUnavailable;
import dev.cnnlab.model.ModelTooLarge;
import dev.cnnlab.train.RunDirectoryConflict;
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
            return diverged.where()
                    + (study
                            ? "; lower `lr` under `protocol:` in the study spec or add the `warmup` technique, then run the"
                                    + " study into a new --out"
                            : "; lower --lr or add warm-up (--technique warmup), then start a new --out");
        }
        if (e instanceof ModelTooLarge tooLarge) {
            return tooLarge.what()
                    + (study
                            ? ": choose a smaller `depth` or `widen` for that model in the study spec"
                            : ": choose a smaller --depth or --widen");
        }
        if (e instanceof DeviceUnavailable device) {
            return switch (device.reason()) {
                case CUDA_BUILD_UNUSABLE -> device.problem() + ": run without CNNLAB_ENGINE=cuda to use the CPU build";
                case CPU_BUILD ->
                    "--device " + device.requested() + ": " + device.problem()
                            + "; use --device cpu, or the CUDA build on a GPU machine (CNNLAB_ENGINE=cuda ./cnnlab ...)";
                case NO_SUCH_GPU ->
                    "--device " + device.requested() + ": " + device.problem() + "; use one of those, or --device cpu";
            };
        }
        if (e instanceof RunDirectoryConflict conflict) {
            return conflict.problem() + ": " + (study ? studyRemedy(conflict.kind()) : trainRemedy(conflict.kind()));
        }
        return e.getMessage();
    }

    private static String trainRemedy(RunDirectoryConflict.Kind kind) {
        return switch (kind) {
            case UNFINISHED -> "add --resume to continue it, or choose another --out";
            case OTHER_CONFIG -> "choose another --out, or repeat that run's options";
            case OTHER_MODEL -> "choose another --out";
        };
    }

    /** A study's cell directories are named by the study; the user controls the spec and the study's --out. */
    private static String studyRemedy(RunDirectoryConflict.Kind kind) {
        return switch (kind) {
            case UNFINISHED -> "run the same study command again, it resumes unfinished cells";
            case OTHER_CONFIG ->
                "the study spec or its options changed since that cell ran: restore them, or run the"
                        + " study into a new --out";
            case OTHER_MODEL -> "delete that cell's directory to train it afresh, or run the study into a new --out";
        };
    }
}
