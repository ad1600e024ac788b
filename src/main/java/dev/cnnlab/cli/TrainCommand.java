package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.CifarData;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.technique.Mixup;
import dev.cnnlab.technique.SqueezeExcitation;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.ConfigException;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.Trainer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cnnlab train}: one model, one config, one run directory. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        defaultValueProvider = ReferenceDefaults.class,
        description = {
            "Train one pre-activation ResNet on CIFAR-100 (defaults: the reference protocol).",
            "Writes OUT/epochs.csv, OUT/result.json, OUT/config.json and OUT/checkpoint/ (after every epoch)."
        })
final class TrainCommand implements Runnable {

    @ArgGroup(validate = false, heading = "%nData:%n", order = 1)
    DataGroup dataGroup = new DataGroup();

    @ArgGroup(validate = false, heading = "%nModel and techniques:%n", order = 2)
    ModelGroup model = new ModelGroup();

    @ArgGroup(validate = false, heading = "%nOptimisation:%n", order = 3)
    OptimGroup optim = new OptimGroup();

    @ArgGroup(validate = false, heading = "%nRun:%n", order = 4)
    RunGroup run = new RunGroup();

    static final class DataGroup {
        @Option(
                names = "--data",
                paramLabel = "DIR",
                description =
                        "CIFAR-100 binary directory or .tar.gz (default: $CNNLAB_DATA, else ~/.cnnlab/data/cifar-100-binary)")
        Path data;

        @Option(
                names = "--train-limit",
                paramLabel = "N",
                description = "use the first N training images (0 = all 50000)")
        int trainLimit;

        @Option(names = "--test-limit", paramLabel = "N", description = "use the first N test images (0 = all 10000)")
        int testLimit;

        @Option(
                names = "--workers",
                paramLabel = "N",
                defaultValue = "2",
                description = "data loader threads (default ${DEFAULT-VALUE})")
        int workers;
    }

    static final class ModelGroup {
        @Option(
                names = "--depth",
                description = "network depth 9n+2: 29 (tiny proxy), 164 (reference), ... (default ${DEFAULT-VALUE})")
        int depth;

        @Option(
                names = "--family",
                description = "bottleneck (9n+2), basic (6n+2) or preact18 (default ${DEFAULT-VALUE})")
        String family;

        @Option(names = "--widen", description = "channel multiplier of every stage (default ${DEFAULT-VALUE})")
        int widen;

        @Option(names = "--se", description = "Squeeze-and-Excitation on every residual branch (reduction 16)")
        boolean se;

        @Option(
                names = "--technique",
                paramLabel = "NAME[:K=V,...]",
                description =
                        "any catalogue technique with options, repeatable, e.g. cutmix:prob=0.5 (see `cnnlab techniques`)")
        List<String> techniques = new ArrayList<>();

        @Option(
                names = "--mixup",
                paramLabel = "ALPHA",
                description = "mixup with lambda ~ Beta(ALPHA, ALPHA) (paper: 1.0)")
        Double mixup;
    }

    static final class OptimGroup {
        @Option(names = "--epochs", description = "epochs (default ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--lr", description = "initial learning rate (default ${DEFAULT-VALUE})")
        double lr;

        @Option(
                names = "--lr-milestones",
                paramLabel = "E,E",
                split = ",",
                description = "epochs where the LR is multiplied by --lr-gamma (default: the reference 80,120 of 160"
                        + " moved to --epochs, e.g. 2,3 for 4 epochs)")
        List<Integer> milestones;

        @Option(names = "--lr-gamma", description = "LR decay factor (default ${DEFAULT-VALUE})")
        double gamma;

        @Option(names = "--batch-size", description = "batch size (default ${DEFAULT-VALUE})")
        int batchSize;

        @Option(names = "--weight-decay", description = "weight decay (default ${DEFAULT-VALUE})")
        double weightDecay;

        @Option(names = "--momentum", description = "SGD momentum (default ${DEFAULT-VALUE})")
        double momentum;
    }

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

        @Option(names = "--quiet", description = "no progress bar, only the per-epoch rows")
        boolean quiet;

        @Option(names = "--device", paramLabel = "D", description = DeviceChoice.DESCRIPTION)
        String device;

        @Option(
                names = "--precision",
                paramLabel = "P",
                description = "fp32, or bf16: mixed precision (bf16 compute, fp32 master weights) for CPUs with"
                        + " AVX512-BF16 or AMX and for recent GPUs (default ${DEFAULT-VALUE})")
        String precision;

        @Option(
                names = "--checkpoint-every",
                paramLabel = "SECONDS",
                defaultValue = "60",
                description =
                        "also checkpoint inside an epoch this often (0 = only at epoch ends; default ${DEFAULT-VALUE})")
        double checkpointSeconds;
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
        if (dataGroup.workers < 1) {
            throw new CnnlabException("--workers must be >= 1, got " + dataGroup.workers);
        }
        if (run.resume && run.out == null) {
            throw new CnnlabException("--resume needs --out DIR: the run directory to continue");
        }
        ComputeDevice device = DeviceChoice.resolve(run.device); // before anything is written
        Path out = run.out != null ? run.out : defaultOut(config);
        RunFiles files = new RunFiles(out).create();
        CifarData data = DataOptions.read(dataGroup.data);
        EngineSetup.start(threads);
        config.computePrecision()
                .speedWarning(device.device())
                .ifPresent(w -> System.err.println("cnnlab: warning: " + w));
        ConsoleProgress progress = new ConsoleProgress(System.err, !run.quiet);
        RunResult result = new Trainer(config, data, files, progress, dataGroup.workers, run.checkpointSeconds)
                .onDevice(device)
                .run(run.resume);
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
        List<TechniqueSpec> techniques = new ArrayList<>();
        if (model.se) {
            techniques.add(TechniqueSpec.of(SqueezeExcitation.NAME));
        }
        if (model.mixup != null) {
            techniques.add(TechniqueSpec.of(Mixup.NAME, "alpha", model.mixup));
        }
        model.techniques.forEach(text -> techniques.add(TechniqueOption.parse(text)));
        TrainConfig.Builder builder = TrainConfig.builder()
                .depth(model.depth)
                .family(model.family)
                .widen(model.widen)
                .techniques(techniques)
                .epochs(optim.epochs)
                .lr(optim.lr)
                .lrGamma(optim.gamma)
                .batchSize(optim.batchSize)
                .weightDecay(optim.weightDecay)
                .momentum(optim.momentum)
                .seed(run.seed)
                .trainLimit(dataGroup.trainLimit)
                .testLimit(dataGroup.testLimit)
                .threads(threads)
                .precision(run.precision);
        if (optim.milestones != null) {
            builder.lrMilestones(optim.milestones);
        }
        return builder.build();
    }

    private static Path defaultOut(TrainConfig config) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", config.modelSpec().displayName().replace('+', '-') + "-" + time);
    }
}
