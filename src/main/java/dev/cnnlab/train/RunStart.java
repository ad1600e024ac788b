package dev.cnnlab.train;

import java.util.List;
import java.util.Optional;

/**
 * What a run directory allows before anything is trained: reuse a finished result, resume a
 * checkpoint, start afresh, or refuse (another config's run, or an unfinished run without
 * resume), as a {@link RunDirectoryConflict}. Nothing is written here.
 *
 * @param finished the directory's finished result under the same config, if any
 * @param saved the checkpoint to resume, if any
 */
record RunStart(Optional<RunResult> finished, Optional<TrainState> saved) {

    /** Decides how {@code config} may use the run directory {@code files}. */
    static RunStart decide(RunFiles files, TrainConfig config, boolean resume) {
        Optional<RunResult> finished = files.result();
        if (finished.isPresent()) {
            requireSameConfig(files, config, finished.get().config(), "a finished run");
            return new RunStart(finished, Optional.empty());
        }
        Optional<TrainState> saved = files.checkpoint().peek();
        if (saved.isPresent() && !resume) {
            throw new RunDirectoryConflict(
                    RunDirectoryConflict.Kind.UNFINISHED,
                    files.dir() + " holds an unfinished run (" + saved.get().completedEpochs() + "/"
                            + saved.get().config().epochs() + " epochs)");
        }
        saved.ifPresent(s -> requireSameConfig(files, config, s.config(), "a checkpoint"));
        return new RunStart(Optional.empty(), saved);
    }

    private static void requireSameConfig(RunFiles files, TrainConfig config, TrainConfig other, String what) {
        // the thread count may differ: resuming on another machine is allowed
        List<String> differences = other.withThreads(config.threads()).differencesFrom(config);
        if (!differences.isEmpty()) {
            throw new RunDirectoryConflict(
                    RunDirectoryConflict.Kind.OTHER_CONFIG,
                    files.dir() + " holds " + what + " with a different config: " + String.join("; ", differences));
        }
    }
}
