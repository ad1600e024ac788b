package dev.cnnlab.cli;

import dev.cnnlab.bench.BenchConfig;
import dev.cnnlab.bench.BenchResult;
import dev.cnnlab.bench.Benchmark;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.torch.Precision;
import dev.cnnlab.util.Json;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cnnlab bench}: training and inference speed, memory and loader wait. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        defaultValueProvider = ReferenceDefaults.class,
        sortOptions = false,
        description = {
            "Measure training (forward + backward + update) and inference images/s of the real training step,",
            "on the real augmented data pipeline (default) or synthetic input; GFLOP/s against the fp32 peak; memory."
        })
final class BenchCommand implements Runnable {

    @ArgGroup(validate = false, heading = "%nModel and techniques:%n", order = 1)
    ModelOptions model = new ModelOptions();

    @Option(names = "--batch-size", description = "batch size (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--iterations",
            defaultValue = "20",
            description = "timed iterations per mode (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(
            names = "--warmup",
            defaultValue = "5",
            description = "untimed iterations first, at least (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--wait-for-jit",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "after --warmup, keep warming up until the JVM's JIT compiler is quiet (at most 60 more"
                    + " iterations); --no-wait-for-jit for exactly --warmup (default ${DEFAULT-VALUE})")
    boolean waitForJit;

    @Option(names = "--synthetic", description = "fixed random input instead of real CIFAR-100 batches")
    boolean synthetic;

    @Option(names = "--mode", defaultValue = "both", description = "train, infer or both (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--threads", description = "libtorch threads (default: one per core)")
    Integer threads;

    @Option(
            names = "--flops-per-cycle",
            description = "FP32 FLOP per cycle per core for the peak (default: from the CPU's family and flags)")
    Integer flopsPerCycle;

    @Option(
            names = "--precision",
            paramLabel = "P",
            description = "fp32, or bf16 mixed precision (default ${DEFAULT-VALUE})")
    String precision;

    @Option(
            names = "--resolution",
            paramLabel = "R",
            description = "resample the images to R x R first (default: the data's size, 32 for --synthetic)")
    int resolution;

    @Mixin
    DataOptions data;

    @Mixin
    DeviceOption device;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public void run() {
        int t = threads != null ? threads : EngineSetup.defaultThreads();
        BenchConfig.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "train" -> BenchConfig.Mode.TRAIN;
            case "infer" -> BenchConfig.Mode.INFER;
            case "both" -> BenchConfig.Mode.BOTH;
            default -> throw new dev.cnnlab.CnnlabException("--mode must be train, infer or both, got " + mode);
        };
        BenchConfig config = new BenchConfig(
                model.depth,
                model.family,
                model.widen,
                model.techniqueSpecs(),
                batchSize,
                iterations,
                warmup,
                waitForJit,
                synthetic,
                m,
                t,
                flopsPerCycle,
                Precision.of(precision),
                resolution);
        Dataset cifar = synthetic ? null : data.read();
        ComputeDevice on = device.resolve();
        EngineSetup.start(t);
        config.precision().speedWarning(on.device()).ifPresent(w -> System.err.println("cnnlab: warning: " + w));
        BenchResult r = new Benchmark(config, cifar, line -> System.err.println("  " + line), on).run();
        if (json) {
            System.out.println(Json.write(r));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%s %s on %s, batch %d, %d threads, %s input, allocator %s%n",
                r.model(),
                r.precision(),
                r.device(),
                r.batchSize(),
                r.threads(),
                r.synthetic() ? "synthetic" : "real augmented",
                r.allocator());
        if (!Double.isNaN(r.trainImagesPerSecond())) {
            System.out.printf(
                    Locale.ROOT,
                    "train: %.1f img/s median (p10 %.1f, p90 %.1f) = %.1f GFLOP/s, %.0f%% of fp32 peak;"
                            + " loader wait %.1f%%; RSS growth %.2f%%/100 it; %d warm-up iterations%n",
                    r.trainImagesPerSecond(),
                    r.trainP10(),
                    r.trainP90(),
                    r.gflops(),
                    100 * r.peakFraction(),
                    100 * r.loaderWaitFraction(),
                    r.rssGrowthPer100Iterations(),
                    r.trainWarmupIterations());
            System.out.printf(
                    Locale.ROOT,
                    "       one 50,000-image epoch ~%s, 160 epochs ~%s%n",
                    ConsoleProgress.duration(50000 / r.trainImagesPerSecond()),
                    ConsoleProgress.duration(160 * 50000 / r.trainImagesPerSecond()));
        }
        if (!Double.isNaN(r.inferImagesPerSecond())) {
            System.out.printf(
                    Locale.ROOT,
                    "infer: %.1f img/s median (p10 %.1f, p90 %.1f) = %.1f GFLOP/s; %d warm-up" + " iterations%n",
                    r.inferImagesPerSecond(),
                    r.inferP10(),
                    r.inferP90(),
                    r.inferGflops(),
                    r.inferWarmupIterations());
        }
        System.out.printf(
                Locale.ROOT,
                "peak RSS %d MB%nfp32 peak: %s%nmeasured ceiling: libtorch's best fp32"
                        + " convolution (3x3, 256 channels, channels-last) runs at %.0f GFLOP/s, %.0f%% of that peak;"
                        + " training reaches %.0f%% of it%n",
                r.peakRssMb(),
                r.peakExplained(),
                r.ceilingGflops(),
                100 * r.ceilingGflops() / r.peakGflops(),
                100 * r.ceilingFraction());
    }
}
