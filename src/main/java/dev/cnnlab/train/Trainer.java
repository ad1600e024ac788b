package dev.cnnlab.train;

import dev.cnnlab.data.Batch;
import dev.cnnlab.data.BatchLoader;
import dev.cnnlab.data.ChannelStats;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.data.ImageSplit;
import dev.cnnlab.device.ComputeDevice;
import dev.cnnlab.util.Seeds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trains one network under one {@link TrainConfig} and leaves a complete run directory.
 *
 * <p>One honest loop: per epoch, train on shuffled, augmented (and possibly mixed) batches with
 * {@link SgdOptimizer}, evaluate on the test set without gradients, append a history row,
 * checkpoint. The reported result is the final epoch's test accuracy. What the directory allows
 * (reuse, resume, refuse) is {@link RunStart}'s decision; what the run trains with is built by
 * {@link TrainingSetup}; one step on one batch is {@link TrainStep}.
 */
public final class Trainer {

    /** Mid-epoch checkpoint interval unless told otherwise. */
    public static final double DEFAULT_CHECKPOINT_SECONDS = 60;

    private final TrainConfig config;
    private final Dataset data;
    private final RunFiles files;
    private final TrainListener listener;
    private final int loaderWorkers;
    private final long checkpointNanos;
    private final ComputeDevice device;
    private final boolean tensorBoard;

    /**
     * @param config what to train (validated here, on {@code data}: the config's data becomes its
     *     ref, so the network has the data's classes and the run records what it trained on)
     * @param data the data set
     * @param files the run directory
     * @param listener progress reporting
     * @param loaderWorkers background threads preparing batches
     */
    public Trainer(TrainConfig config, Dataset data, RunFiles files, TrainListener listener, int loaderWorkers) {
        this(config, data, files, listener, loaderWorkers, DEFAULT_CHECKPOINT_SECONDS);
    }

    /**
     * As above, with mid-epoch checkpoints at most every {@code checkpointSeconds} (0 = only at
     * epoch ends), so a killed run loses at most that much work even in long epochs.
     */
    public Trainer(
            TrainConfig config,
            Dataset data,
            RunFiles files,
            TrainListener listener,
            int loaderWorkers,
            double checkpointSeconds) {
        this(config, data, files, listener, loaderWorkers, (long) (checkpointSeconds * 1e9), ComputeDevice.CPU, true);
    }

    private Trainer(
            TrainConfig config,
            Dataset data,
            RunFiles files,
            TrainListener listener,
            int loaderWorkers,
            long checkpointNanos,
            ComputeDevice device,
            boolean tensorBoard) {
        this.config = config.toBuilder().data(data.ref()).build().validate();
        this.data = data;
        data.atResolution(
                this.config.resolution()); // refuses a resolution the data cannot give, before anything is written
        this.files = files;
        this.listener = listener;
        this.loaderWorkers = Math.max(1, loaderWorkers);
        this.checkpointNanos = checkpointNanos;
        this.device = device;
        this.tensorBoard = tensorBoard;
    }

    /**
     * This trainer on {@code device} (default: the CPU): the network, optimiser state, batches and
     * evaluation all live there. A run may be resumed on another device than it started on.
     */
    public Trainer onDevice(ComputeDevice device) {
        return new Trainer(config, data, files, listener, loaderWorkers, checkpointNanos, device, tensorBoard);
    }

    /**
     * This trainer with or without TensorBoard event files in the run's {@code tb/} (default: with).
     * An output switch, not a training setting: it is no part of the config, so a run may be resumed
     * with it changed (the log then catches up, or stops).
     */
    public Trainer tensorBoard(boolean on) {
        return new Trainer(config, data, files, listener, loaderWorkers, checkpointNanos, device, on);
    }

    /**
     * Runs training to the end.
     *
     * @param resume continue from the run directory's checkpoint if there is one; without it a
     *     directory holding an unfinished run is refused rather than overwritten
     * @return the final result (also in {@code result.json})
     * @throws TrainingDiverged when the loss stops being finite (the last good checkpoint is kept)
     */
    public RunResult run(boolean resume) {
        RunStart start = RunStart.decide(files, config, resume);
        if (start.finished().isPresent()) {
            RunResult finished = start.finished().get();
            listener.message(
                    "run in " + files.dir() + " already finished: " + String.format("%.2f%%", finished.testAccuracy()));
            return finished;
        }
        String processStartedAt = Instant.now().toString();
        files.create().writeConfig(config);
        Dataset seen = data.atResolution(config.resolution());
        ImageSplit train = seen.train().limit(config.trainLimit(), seen.classes());
        ImageSplit test = seen.test().limit(config.testLimit(), seen.classes());
        ChannelStats stats = ChannelStats.of(seen.train());
        try (TrainingSetup run = TrainingSetup.open(config, start.saved(), files, processStartedAt, device.device())) {
            TrainState state = run.state;
            // null when off; opening catches up on epochs checkpointed before a kill could log them
            TensorBoardLog board = tensorBoard
                    ? TensorBoardLog.open(files, state, start.saved().isPresent(), Provenance.hostName())
                    : null;
            if (start.saved().isPresent()) {
                listener.message(
                        "resuming " + files.dir() + " after epoch " + state.completedEpochs() + "/" + config.epochs()
                                + (state.partial() == null
                                        ? ""
                                        : " and " + state.partial().batches() + " batches of the next"));
            }
            listener.started(config, run.summary, state.completedEpochs() + 1, train.size(), test.size());
            while (!state.finished()) {
                long epochStart = System.nanoTime();
                TrainState before = state;
                EpochStats row;
                try (EpochTotals totals = trainEpoch(run, train, stats, before)) {
                    Evaluation eval = evaluate(run, test, stats);
                    double seconds = totals.seconds() + (System.nanoTime() - epochStart) / 1e9 - totals.secondsHere();
                    int epoch = state.completedEpochs();
                    row = new EpochStats(
                            epoch + 1,
                            run.schedule.lr(epoch),
                            totals.meanLoss(),
                            totals.top1(),
                            eval.loss(),
                            eval.top1(),
                            eval.top5(),
                            seconds,
                            train.size() / totals.seconds(),
                            eval.metrics());
                }
                state = state.next(row);
                run.checkpoint(files, state);
                files.writeEpochs(state);
                if (board != null) {
                    board.write(state);
                }
                listener.epochDone(row, config.epochs());
            }
            RunResult result =
                    result(state, run, processStartedAt, start.saved().isPresent());
            files.writeResult(result);
            return result;
        }
    }

    /** Trains one epoch from where {@code state} stands, checkpointing mid-epoch when it runs long. */
    private EpochTotals trainEpoch(TrainingSetup run, ImageSplit train, ChannelStats stats, TrainState state) {
        int epoch = state.completedEpochs();
        TrainState.PartialEpoch resumeFrom = state.partial();
        TrainStep step = new TrainStep(
                run.forward,
                run.optimizer,
                run.techniques,
                train.side(),
                config.modelSpec().numClasses());
        try (BatchLoader loader = BatchLoader.builder()
                .setSplit(train)
                .setStats(stats)
                .setBatchSize(config.batchSize())
                .optShuffle(true)
                .optAugment(true)
                .optSeed(config.seed())
                .optEpoch(epoch)
                .optWorkers(loaderWorkers)
                .optTransforms(run.techniques.imageTransforms(), run.techniques.normalizedImageTransforms())
                .optStartBatch(resumeFrom == null ? 0 : resumeFrom.batches())
                .build()) {
            int batches = loader.numBatches();
            listener.epochStarted(epoch + 1, config.epochs(), run.schedule.lr(epoch), batches);
            EpochTotals totals = new EpochTotals(resumeFrom, System.nanoTime(), run.manager);
            long lastSave = System.nanoTime();
            while (loader.hasNext()) {
                Batch batch = loader.next();
                try {
                    double lr = run.schedule.lr(epoch + (double) batch.index() / batches);
                    double meanLoss = step.run(
                            run.manager,
                            batch.images(),
                            batch.labels(),
                            lr,
                            Seeds.stream(config.seed(), "mix", epoch, batch.index()),
                            totals.targetMass());
                    if (!Double.isFinite(meanLoss)) {
                        throw new TrainingDiverged(meanLoss, epoch + 1, batch.index() + 1, lr);
                    }
                    if (run.average != null) {
                        run.average.update();
                    }
                    totals.add(batch.size(), meanLoss, System.nanoTime());
                } finally {
                    batch.release();
                }
                listener.batchDone(batch.index() + 1, batches, totals.meanLoss(), totals.imagesPerSecondHere());
                long now = System.nanoTime();
                if (checkpointNanos > 0 && now - lastSave >= checkpointNanos && batch.index() + 1 < batches) {
                    run.checkpoint(files, state.during(totals.partial(batch.index() + 1)));
                    lastSave = System.nanoTime();
                }
            }
            return totals;
        }
    }

    /** The test metrics of the network, and of its weight average when the run keeps one. */
    private Evaluation evaluate(TrainingSetup run, ImageSplit test, ChannelStats stats) {
        Evaluation eval = Evaluator.evaluate(
                run.forward, run.manager, test, stats, config.batchSize(), loaderWorkers, run.metrics);
        if (run.average == null) {
            return eval;
        }
        double averageTop1 = run.average.withAverage(() -> Evaluator.evaluate(
                        run.forward, run.manager, test, stats, config.batchSize(), loaderWorkers, java.util.List.of())
                .top1());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(WeightAverage.METRIC, averageTop1); // first, as result files have always listed it
        metrics.putAll(eval.metrics());
        return new Evaluation(eval.loss(), eval.top1(), eval.top5(), eval.images(), metrics);
    }

    private RunResult result(TrainState state, TrainingSetup run, String processStartedAt, boolean resumed) {
        Provenance provenance = Provenance.collect(
                new Provenance.Data(data.ref().trainMd5(), data.ref().testMd5(), String.valueOf(data.source())),
                config.threads(),
                device.description(),
                Optional.ofNullable(state.startedAt()).orElse(processStartedAt),
                resumed ? processStartedAt : null);
        return RunResult.of(state, run.summary, provenance);
    }
}
