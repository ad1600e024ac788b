package dev.cnnlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.data.Batch;
import dev.cnnlab.data.BatchLoader;
import dev.cnnlab.data.ChannelStats;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.data.ImageSplit;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.model.Network;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.torch.DeviceSum;
import dev.cnnlab.train.NetworkForward;
import dev.cnnlab.train.SgdOptimizer;
import dev.cnnlab.train.TrainStep;
import dev.cnnlab.util.Seeds;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Measures training and inference throughput of the real training step ({@link TrainStep}) on
 * the real data pipeline or on synthetic input, with memory and data-loader wait.
 */
public final class Benchmark {

    /** The classes of the synthetic input's labels (CIFAR-100's). */
    private static final int SYNTHETIC_CLASSES = 100;

    private final BenchConfig config;
    private final Dataset data;
    private final Consumer<String> log;
    private final ComputeDevice device;

    /** A benchmark on the CPU. */
    public Benchmark(BenchConfig config, Dataset data, Consumer<String> log) {
        this(config, data, log, ComputeDevice.CPU);
    }

    /**
     * @param config what to measure
     * @param data the real data, or null with {@code config.synthetic()}
     * @param log progress lines
     * @param device where the network, its batches and the optimiser live
     */
    public Benchmark(BenchConfig config, Dataset data, Consumer<String> log, ComputeDevice device) {
        this.config = config;
        this.data = data == null ? null : data.atResolution(config.resolution());
        this.log = log;
        this.device = device;
    }

    /** The side of the images measured: the data's at the configured resolution, or the resolution (32 if none) for synthetic input. */
    private int side() {
        if (data != null) {
            return data.side();
        }
        return config.resolution() == 0 ? 32 : config.resolution();
    }

    public BenchResult run() {
        TechniqueSet set = TechniqueSet.of(config.techniques());
        int classes = data == null ? SYNTHETIC_CLASSES : data.classes();
        int side = side();
        ModelSpec spec = set.shape(config.baseModel(classes));
        try (NDManager manager = NDManager.newBaseManager(device.device())) {
            Network network = PreActResNet.buildNetwork(spec, 0);
            SequentialBlock net = network.block();
            net.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), 3, side, side));
            ModelSummary summary = ModelSummary.of(spec, net, new Shape(1, 3, side, side));
            ParameterStore parameters = config.precision().parameterStore(manager);
            Rates train = Rates.NONE;
            Rates infer = Rates.NONE;
            try (NetworkForward forward = NetworkForward.of(network, parameters)) {
                log.accept("forward: " + forward.describe());
                if (config.mode() != BenchConfig.Mode.INFER) {
                    try (SgdOptimizer optimizer = SgdOptimizer.forBlock(net, 0.9, 1e-4)) {
                        train = measureTraining(new TrainStep(forward, optimizer, set, side, classes), manager);
                    }
                }
                if (config.mode() != BenchConfig.Mode.TRAIN) {
                    infer = measureInference(forward, manager);
                }
            }
            CpuPeak peak = CpuPeak.of(config.threads(), config.flopsPerCycle());
            long peakRss = ProcessMemory.peakRssMb(); // before the ceiling's arrays
            double ceiling = ConvCeiling.measureGflops(manager);
            double gflops = 3.0 * summary.flopsPerImage() * train.median / 1e9;
            String preload = System.getenv("LD_PRELOAD");
            return BenchResult.builder()
                    .model(spec.displayName())
                    .precision(config.precision().key())
                    .params(summary.params())
                    .flopsPerImage(summary.flopsPerImage())
                    .batchSize(config.batchSize())
                    .threads(config.threads())
                    .device(device.description())
                    .synthetic(config.synthetic())
                    .allocator(preload == null || preload.isBlank() ? "glibc malloc" : preload)
                    .trainImagesPerSecond(train.median)
                    .trainP10(train.p10)
                    .trainP90(train.p90)
                    .inferImagesPerSecond(infer.median)
                    .inferP10(infer.p10)
                    .inferP90(infer.p90)
                    .gflops(gflops)
                    .inferGflops(summary.flopsPerImage() * infer.median / 1e9)
                    .peakGflops(peak.gflops())
                    .peakExplained(peak.explain())
                    .peakFraction(gflops / peak.gflops())
                    .ceilingGflops(ceiling)
                    .ceilingFraction(gflops / ceiling)
                    .peakRssMb(peakRss)
                    .rssGrowthPer100Iterations(train.rssGrowthPercentPer100)
                    .loaderWaitFraction(train.waitFraction)
                    .trainWarmupIterations(train.warmup)
                    .inferWarmupIterations(infer.warmup)
                    .build();
        }
    }

    /** Median and spread of a rate, plus what the run around it showed. */
    private record Rates(
            double median, double p10, double p90, double rssGrowthPercentPer100, double waitFraction, int warmup) {
        static final Rates NONE = new Rates(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

        static Rates of(DescriptiveStatistics imagesPerSecond, double rssGrowth, double wait, int warmup) {
            return new Rates(
                    imagesPerSecond.getPercentile(50),
                    imagesPerSecond.getPercentile(10),
                    imagesPerSecond.getPercentile(90),
                    rssGrowth,
                    wait,
                    warmup);
        }
    }

    private Rates measureTraining(TrainStep step, NDManager manager) {
        BatchSource source = new BatchSource(true);
        WarmupGate gate = WarmupGate.forThisJvm(config.warmup(), config.waitForJit());
        DescriptiveStatistics rates = new DescriptiveStatistics();
        long waited = 0;
        long timed = 0;
        long rssAfterWarmup = -1;
        DeviceSum correct = new DeviceSum(manager, 0);
        for (int it = 0; rates.getN() < config.iterations(); it++) {
            boolean measured = gate.beforeIteration(System.nanoTime());
            if (measured && rssAfterWarmup < 0) {
                rssAfterWarmup = ProcessMemory.rssMb();
            }
            long start = System.nanoTime();
            BatchSource.Next next = source.next();
            long got = System.nanoTime();
            step.run(manager, next.images(), next.labels(), 0.1, Seeds.stream(0, "bench-mix", it), correct);
            next.release().run();
            long end = System.nanoTime();
            if (measured) {
                rates.addValue(next.labels().length / ((end - start) / 1e9));
                waited += got - start;
                timed += end - start;
            }
            progress("train", rates, gate);
        }
        source.close();
        correct.close();
        double growth = 100.0
                * (ProcessMemory.rssMb() - rssAfterWarmup)
                / Math.max(1, rssAfterWarmup)
                * 100.0
                / config.iterations();
        return Rates.of(rates, growth, (double) waited / timed, gate.warmupIterations());
    }

    private Rates measureInference(NetworkForward forward, NDManager manager) {
        BatchSource source = new BatchSource(false);
        WarmupGate gate = WarmupGate.forThisJvm(config.warmup(), config.waitForJit());
        DescriptiveStatistics rates = new DescriptiveStatistics();
        while (rates.getN() < config.iterations()) {
            BatchSource.Next next = source.next();
            boolean measured = gate.beforeIteration(System.nanoTime());
            long start = System.nanoTime();
            try (NDManager scope = manager.newSubManager()) {
                NDArray logits = TrainStep.infer(forward, scope, next.images(), next.labels().length, side());
                logits.argMax(1).toLongArray();
            }
            long end = System.nanoTime();
            next.release().run();
            if (measured) {
                rates.addValue(next.labels().length / ((end - start) / 1e9));
            }
            progress("infer", rates, gate);
        }
        source.close();
        return Rates.of(rates, Double.NaN, Double.NaN, gate.warmupIterations());
    }

    private void progress(String mode, DescriptiveStatistics rates, WarmupGate gate) {
        long n = rates.getN();
        if (n == 0) {
            if (gate.warmupIterations() % 10 == 0) {
                log.accept(String.format(java.util.Locale.ROOT, "%s warm-up %d", mode, gate.warmupIterations()));
            }
        } else if (n == 1 || n % 10 == 0 || n == config.iterations()) {
            log.accept(String.format(
                    java.util.Locale.ROOT,
                    "%s %d/%d after %d warm-up, median %.0f img/s",
                    mode,
                    n,
                    config.iterations(),
                    gate.warmupIterations(),
                    rates.getPercentile(50)));
        }
    }

    /** Full batches, endlessly: from the real loader (epoch after epoch) or one synthetic batch. */
    private final class BatchSource {
        record Next(ByteBuffer images, int[] labels, Runnable release) {}

        private final boolean training;
        private final ByteBuffer synthetic;
        private final int[] syntheticLabels;
        private final ChannelStats stats;
        private BatchLoader loader;
        private int epoch;

        BatchSource(boolean training) {
            this.training = training;
            int b = config.batchSize();
            this.stats = config.synthetic() ? null : ChannelStats.of(data.train());
            if (config.synthetic()) {
                SplittableRandom random = Seeds.stream(0, "bench-input");
                int imageFloats = 3 * side() * side();
                synthetic =
                        ByteBuffer.allocateDirect(b * imageFloats * Float.BYTES).order(ByteOrder.nativeOrder());
                for (int i = 0; i < b * imageFloats; i++) {
                    synthetic.putFloat(i * Float.BYTES, (float) random.nextGaussian());
                }
                syntheticLabels = random.ints(b, 0, SYNTHETIC_CLASSES).toArray();
            } else {
                synthetic = null;
                syntheticLabels = null;
            }
        }

        Next next() {
            if (synthetic != null) {
                return new Next(synthetic, syntheticLabels, () -> {});
            }
            if (loader == null || !loader.hasNext()) {
                close();
                ImageSplit split = training ? data.train() : data.test();
                loader = BatchLoader.builder()
                        .setSplit(split)
                        .setStats(stats)
                        .setBatchSize(config.batchSize())
                        .optShuffle(training)
                        .optAugment(training)
                        .optEpoch(epoch++)
                        .optDropLast(true)
                        .build();
            }
            Batch batch = loader.next();
            return new Next(batch.images(), batch.labels(), batch::release);
        }

        void close() {
            if (loader != null) {
                loader.close();
            }
        }
    }
}
