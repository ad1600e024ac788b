package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.ConfigException;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.Trainer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cnnlab train}: one model, one config, one run directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        defaultValueProvider = ReferenceDefaults.class,
        description = {
            "Train one pre-activation ResNet on CIFAR-100 (defaults: the reference protocol).",
            "Writes OUT/epochs.csv, OUT/result.json, OUT/config.json, OUT/checkpoint/ (after every epoch)"
                    + " and OUT/tb/ (TensorBoard event files)."
        })
final class TrainCommand implements Runnable {

    @Mixin
    DataOptions data;

    @ArgGroup(validate = false, heading = "%nModel and techniques:%n", order = 1)
    ModelOptions model = new ModelOptions();

    @ArgGroup(validate = false, heading = "%nTraining settings:%n", order = 2)
    SettingsOptions settings = new SettingsOptions();

    @ArgGroup(validate = false, heading = "%nRun:%n", order = 3)
    RunGroup run = new RunGroup();

    @Mixin
    DeviceOption device;

    static final class RunGroup {
        @Option(names = "--out", paramLabel = "DIR", description = "run directory (default runs/<model>-<time>)")
        Path out;

        @Option(names = "--resume", description = "continue the unfinished run in --out from its last checkpoint")
        boolean resume;

        @Option(names = "--seed", description = "seed of every random choice (default ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--threads",
                paramLabel = "N",
                description = "libtorch intra-op threads (default: one per core)")
        Integer threads;

        @Option(
                names = "--loader-threads",
                paramLabel = "N",
                defaultValue = "2",
                description = "data loader threads (default ${DEFAULT-VALUE})")
        int loaderThreads;

        /** The old name of --loader-threads, kept hidden for one release (0.2). */
        @Option(names = "--workers", paramLabel = "N", hidden = true)
        Integer oldLoaderThreads;

        @Option(names = "--quiet", description = "no progress bar, only the per-epoch rows")
        boolean quiet;

        @Option(
                names = "--checkpoint-every",
                paramLabel = "SECONDS",
                defaultValue = "60",
                description =
                        "also checkpoint inside an epoch this often (0 = only at epoch ends; default ${DEFAULT-VALUE})")
        double checkpointSeconds;

        @Option(
                names = "--no-tensorboard",
                description = "write no TensorBoard event files (OUT/tb/); they are on by default")
        boolean noTensorBoard;

        /** --loader-threads, or the old --workers with a warning. */
        int loaderThreads() {
            if (oldLoaderThreads == null) {
                return loaderThreads;
            }
            System.err.println("cnnlab: warning: train --workers is now --loader-threads; the old name goes in the"
                    + " next release");
            return oldLoaderThreads;
        }
    }

    @Override
    public void run() {
        int threads = run.threads != null ? run.threads : EngineSetup.defaultThreads();
        TrainConfig config;
        try {
            config = config(threads).validate();
        } catch (ConfigException e) {
            throw new CnnlabException(ReferenceDefaults.flag(e.field()) + " " + e.problem());
        }
        int loaderThreads = run.loaderThreads();
        if (loaderThreads < 1) {
            throw new CnnlabException("--loader-threads must be >= 1, got " + loaderThreads);
        }
        if (run.resume && run.out == null) {
            throw new CnnlabException("--resume needs --out DIR: the run directory to continue");
        }
        ComputeDevice on = device.resolve(); // before anything is written
        Path out = run.out != null ? run.out : defaultOut(config);
        Dataset cifar = data.read(); // before anything is written: bad data leaves no run directory
        RunFiles files = new RunFiles(out);
        ConsoleProgress progress = new ConsoleProgress(System.err, !run.quiet);
        // checks the config against the data (its classes, a resolution it can give) before writing
        Trainer trainer = new Trainer(config, cifar, files, progress, loaderThreads, run.checkpointSeconds)
                .onDevice(on)
                .tensorBoard(!run.noTensorBoard);
        files.create();
        EngineSetup.start(threads);
        config.computePrecision().speedWarning(on.device()).ifPresent(w -> System.err.println("cnnlab: warning: " + w));
        RunResult result = trainer.run(run.resume);
        System.out.printf(
                Locale.ROOT,
                "%s: final test top-1 %.2f%%, top-5 %.2f%% after %d epochs (%.0f s, %.0f img/s) -> %s%n",
                result.model(),
                result.testAccuracy(),
                result.testTop5(),
                result.epochs(),
                result.wallSeconds(),
                result.trainImagesPerSecond(),
                out.resolve(RunFiles.RESULT));
    }

    TrainConfig config(int threads) {
        return settings.all()
                .applyTo(TrainConfig.builder())
                .depth(model.depth)
                .family(model.family)
                .widen(model.widen)
                .techniques(model.techniqueSpecs())
                .seed(run.seed)
                .threads(threads)
                .build();
    }

    private static Path defaultOut(TrainConfig config) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", config.modelSpec().displayName().replace('+', '-') + "-" + time);
    }
}
