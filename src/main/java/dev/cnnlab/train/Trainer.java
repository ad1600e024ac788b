package dev.cnnlab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.Batch;
import dev.cnnlab.data.BatchLoader;
import dev.cnnlab.data.ChannelStats;
import dev.cnnlab.data.Checksums;
import dev.cnnlab.data.Cifar100Split;
import dev.cnnlab.data.CifarData;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TrainingPlan;
import dev.cnnlab.util.Seeds;
import java.util.Optional;

/**
 * Trains one network under one {@link TrainConfig} and leaves a complete run directory.
 *
 * <p>One honest loop: per epoch, train on shuffled, augmented (and possibly mixed) batches with
 * {@link SgdOptimizer}, evaluate on the test set without gradients, append a history row,
 * checkpoint. The reported result is the final epoch's test accuracy.
 */
public final class Trainer {

    private static final int SIDE = Cifar100Split.IMAGE_SIDE;
    private static final int CHANNELS = Cifar100Split.CHANNELS;

    private final TrainConfig config;
    private final CifarData data;
    private final RunFiles files;
    private final TrainListener listener;
    private final int loaderWorkers;
    private final long checkpointNanos;

    /**
     * @param config what to train (validated here)
     * @param data the data set
     * @param files the run directory
     * @param listener progress reporting
     * @param loaderWorkers background threads preparing batches
     */
    public Trainer(TrainConfig config, CifarData data, RunFiles files, TrainListener listener, int loaderWorkers) {
        this(config, data, files, listener, loaderWorkers, DEFAULT_CHECKPOINT_SECONDS);
    }

    /**
     * As above, with mid-epoch checkpoints at most every {@code checkpointSeconds} (0 = only at
     * epoch ends), so a killed run loses at most that much work even in long epochs.
     */
    public Trainer(TrainConfig config, CifarData data, RunFiles files, TrainListener listener, int loaderWorkers,
            double checkpointSeconds) {
        this.config = config.validate();
        this.data = data;
        this.files = files;
        this.listener = listener;
        this.loaderWorkers = Math.max(1, loaderWorkers);
        this.checkpointNanos = (long) (checkpointSeconds * 1e9);
    }

    /** Mid-epoch checkpoint interval unless told otherwise. */
    public static final double DEFAULT_CHECKPOINT_SECONDS = 60;

    /**
     * Runs training to the end.
     *
     * @param resume continue from the run directory's checkpoint if there is one; without it a
     *     directory holding an unfinished run is refused rather than overwritten
     * @return the final result (also in {@code result.json})
     */
    public RunResult run(boolean resume) {
        Optional<RunResult> finished = files.result();
        if (finished.isPresent()) {
            requireSameConfig(finished.get().config(), "a finished run");
            listener.message("run in " + files.dir() + " already finished: " + String.format("%.2f%%", finished.get().testAccuracy()));
            return finished.get();
        }
        Optional<TrainState> saved = files.checkpoint().peek();
        if (saved.isPresent() && !resume) {
            throw new CnnlabException(files.dir() + " holds an unfinished run (" + saved.get().completedEpochs() + "/"
                    + saved.get().config().epochs() + " epochs): add --resume to continue it, or choose another --out");
        }
        saved.ifPresent(s -> requireSameConfig(s.config(), "a checkpoint"));
        files.create().writeConfig(config);

        Cifar100Split train = data.train().limit(config.trainLimit());
        Cifar100Split test = data.test().limit(config.testLimit());
        ChannelStats stats = ChannelStats.of(data.train());
        TechniqueSet techniques = TechniqueSet.of(config.techniques());
        ModelSpec spec = config.modelSpec();
        TrainingPlan plan = techniques.plan();
        LrSchedule schedule = (plan.cosine() ? LrSchedule.cosine(config.lr(), config.epochs())
                : LrSchedule.multiStep(config.lr(), config.lrMilestones(), config.lrGamma())).withWarmup(plan.warmupEpochs());

        try (NDManager manager = NDManager.newBaseManager(Engine.getInstance().defaultDevice())) {
            SequentialBlock net = PreActResNet.build(spec, config.seed());
            net.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), CHANNELS, SIDE, SIDE));
            ModelSummary summary = ModelSummary.of(spec, net, new Shape(1, CHANNELS, SIDE, SIDE));
            SgdOptimizer optimizer = SgdOptimizer.forBlock(net, config.momentum(), config.weightDecay(), plan.nesterov());
            WeightAverage average = plan.emaDecay() > 0 ? new WeightAverage(net, plan.emaDecay()) : null;
            TrainState state = saved.isPresent()
                    ? files.checkpoint().restore(net, optimizer, average, manager)
                    : TrainState.fresh(config);
            if (saved.isPresent()) {
                listener.message("resuming " + files.dir() + " after epoch " + state.completedEpochs() + "/" + config.epochs()
                        + (state.partial() == null ? "" : " and " + state.partial().batches() + " batches of the next"));
            }
            listener.started(config, summary, state.completedEpochs() + 1, train.size(), test.size());
            ParameterStore parameters = config.computePrecision().parameterStore(manager);

            while (!state.finished()) {
                int epoch = state.completedEpochs();
                double lr = schedule.lr(epoch);
                long start = System.nanoTime();
                TrainStep step = new TrainStep(net, parameters, optimizer, techniques);
                TrainState before = state;
                TrainTotals totals = trainEpoch(step, average, manager, train, stats, techniques, epoch, schedule,
                        state.partial(), progress -> files.checkpoint().save(net, optimizer, average, before.during(progress)));
                double trainSeconds = totals.seconds;
                Evaluation eval = Evaluator.evaluate(net, parameters, manager, test, stats, config.batchSize(),
                        loaderWorkers, plan.flipTta());
                Double averageTop1 = average == null ? null : average.withAverage(() -> Evaluator.evaluate(net,
                        parameters, manager, test, stats, config.batchSize(), loaderWorkers, false).top1());
                double seconds = trainSeconds + (System.nanoTime() - start) / 1e9 - totals.secondsHere;
                EpochStats row = new EpochStats(epoch + 1, lr, totals.meanLoss(), totals.top1(),
                        eval.loss(), eval.top1(), eval.top5(), seconds, train.size() / trainSeconds,
                        averageTop1, eval.flipTop1());
                state = state.next(row);
                files.checkpoint().save(net, optimizer, average, state);
                files.writeEpochs(state);
                listener.epochDone(row, config.epochs());
            }
            RunResult result = result(state, summary, spec);
            files.writeResult(result);
            return result;
        }
    }

    private TrainTotals trainEpoch(TrainStep step, WeightAverage average, NDManager manager, Cifar100Split train,
            ChannelStats stats, TechniqueSet techniques, int epoch, LrSchedule schedule, TrainState.PartialEpoch resumeFrom,
            java.util.function.Consumer<TrainState.PartialEpoch> saveMidEpoch) {
        TrainTotals totals = new TrainTotals(resumeFrom);
        try (BatchLoader loader = BatchLoader.builder()
                .setSplit(train)
                .setStats(stats)
                .setBatchSize(config.batchSize())
                .optShuffle(true)
                .optAugment(true)
                .optSeed(config.seed())
                .optEpoch(epoch)
                .optWorkers(loaderWorkers)
                .optTransforms(techniques.imageTransforms(), techniques.normalizedImageTransforms())
                .optStartBatch(resumeFrom == null ? 0 : resumeFrom.batches())
                .build()) {
            listener.epochStarted(epoch + 1, config.epochs(), schedule.lr(epoch), loader.numBatches());
            long start = System.nanoTime();
            long lastSave = start;
            int imagesBefore = totals.images;
            while (loader.hasNext()) {
                Batch batch = loader.next();
                try {
                    double lr = schedule.lr(epoch + (double) batch.index() / loader.numBatches());
                    TrainStep.Outcome outcome = step.run(manager, batch.images(), batch.labels(), lr,
                            Seeds.stream(config.seed(), "mix", epoch, batch.index()));
                    if (!Double.isFinite(outcome.meanLoss())) {
                        // the weights are now poisoned: stop, keeping the last good checkpoint
                        throw new CnnlabException("training diverged: loss " + outcome.meanLoss() + " at epoch "
                                + (epoch + 1) + ", batch " + (batch.index() + 1) + " (learning rate " + lr
                                + "); lower --lr or add warm-up (--technique warmup), then start a new --out");
                    }
                    if (average != null) {
                        average.update();
                    }
                    totals.add(batch.size(), outcome.meanLoss(), outcome.targetMassOnPrediction());
                } finally {
                    batch.release();
                }
                long now = System.nanoTime();
                totals.secondsHere = (now - start) / 1e9;
                totals.seconds = totals.priorSeconds + totals.secondsHere;
                listener.batchDone(batch.index() + 1, loader.numBatches(), totals.meanLoss(),
                        (totals.images - imagesBefore) / totals.secondsHere);
                if (checkpointNanos > 0 && now - lastSave >= checkpointNanos && batch.index() + 1 < loader.numBatches()) {
                    saveMidEpoch.accept(totals.partial(batch.index() + 1));
                    lastSave = System.nanoTime();
                }
            }
        }
        return totals;
    }

    private RunResult result(TrainState state, ModelSummary summary, ModelSpec spec) {
        EpochStats last = state.history().get(state.history().size() - 1);
        double best = state.history().stream().mapToDouble(EpochStats::testTop1).max().orElse(Double.NaN);
        double throughput = state.history().stream().mapToDouble(EpochStats::trainImagesPerSecond).average().orElse(Double.NaN);
        Provenance provenance = Provenance.collect(
                Checksums.md5(data.train()), Checksums.md5(data.test()), String.valueOf(data.source()),
                config.threads(), Engine.getInstance().defaultDevice().toString());
        return new RunResult(spec.displayName(), last.testTop1(), last.testTop5(), last.testLoss(), best,
                summary.params(), summary.flopsPerImage(), state.completedEpochs(), state.trainSeconds(),
                throughput, config, provenance, state.history(), last.testTop1Ema(), last.testTop1FlipTta());
    }

    private void requireSameConfig(TrainConfig other, String what) {
        if (!other.withThreads(config.threads()).equals(config)) {
            throw new CnnlabException(files.dir() + " holds " + what + " with a different config (" + other
                    + "): choose another --out, or repeat that run's options");
        }
    }

    /** Running sums of one training epoch, continued from a mid-epoch checkpoint when resuming. */
    private static final class TrainTotals {
        int images;
        double lossSum;
        double correct;
        final double priorSeconds;
        double secondsHere;
        double seconds;

        TrainTotals(TrainState.PartialEpoch resumeFrom) {
            if (resumeFrom != null) {
                images = resumeFrom.images();
                lossSum = resumeFrom.lossSum();
                correct = resumeFrom.targetMass();
            }
            priorSeconds = resumeFrom == null ? 0 : resumeFrom.seconds();
            seconds = priorSeconds;
        }

        TrainState.PartialEpoch partial(int batchesDone) {
            return new TrainState.PartialEpoch(batchesDone, images, lossSum, correct, seconds);
        }

        void add(int n, double meanLoss, double targetMass) {
            images += n;
            lossSum += meanLoss * n;
            correct += targetMass;
        }

        double meanLoss() {
            return images == 0 ? Double.NaN : lossSum / images;
        }

        double top1() {
            return images == 0 ? Double.NaN : 100.0 * correct / images;
        }
    }
}
