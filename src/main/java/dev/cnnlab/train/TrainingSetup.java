package dev.cnnlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.data.ImageSplit;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.model.Network;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.technique.EvaluationMetric;
import dev.cnnlab.technique.LrSchedule;
import dev.cnnlab.technique.OptimizerSettings;
import dev.cnnlab.technique.SchedulePlan;
import dev.cnnlab.technique.TechniqueSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run trains with, built from its config and techniques: the network, its
 * parameter store, the optimiser (and weight average), the schedule, the extra metrics, and the
 * state to start from (fresh, or restored from a checkpoint). Closing it frees the native memory.
 */
final class TrainingSetup implements AutoCloseable {

    private static final int CHANNELS = ImageSplit.CHANNELS;

    final NDManager manager;
    final TechniqueSet techniques;
    final ModelSpec spec;
    final SequentialBlock net;
    final ModelSummary summary;
    final ParameterStore parameters;
    /** The network's passes, scripted where possible, over {@link #parameters}. */
    final NetworkForward forward;

    final SgdOptimizer optimizer;
    /** The weight average, or null when no technique keeps one. */
    final WeightAverage average;

    final LrSchedule schedule;
    final List<EvaluationMetric> metrics;
    /** Where training starts: fresh or restored. */
    final TrainState state;

    private TrainingSetup(
            TrainConfig config, Optional<TrainState> saved, RunFiles files, String startedAt, Device device) {
        techniques = TechniqueSet.of(config.techniques());
        spec = config.modelSpec();
        OptimizerSettings settings =
                techniques.optimizer(OptimizerSettings.sgd(config.momentum(), config.weightDecay()));
        schedule = techniques
                .schedule(SchedulePlan.step(config.lr(), config.epochs(), config.lrMilestones(), config.lrGamma()))
                .schedule();
        metrics = techniques.evaluationMetrics();
        manager = NDManager.newBaseManager(device);
        try {
            Network network = PreActResNet.buildNetwork(spec, config.seed());
            net = network.block();
            net.initialize(
                    manager,
                    DataType.FLOAT32,
                    new Shape(config.batchSize(), CHANNELS, config.imageSide(), config.imageSide()));
            summary = ModelSummary.of(spec, net, new Shape(1, CHANNELS, config.imageSide(), config.imageSide()));
            optimizer = SgdOptimizer.forBlock(net, settings.momentum(), settings.weightDecay(), settings.nesterov());
            average = settings.averages() ? new WeightAverage(net, settings.averageDecay()) : null;
            state = saved.isPresent()
                    ? files.checkpoint().restore(net, optimizer, average, manager)
                    : TrainState.fresh(config, startedAt);
            parameters = config.computePrecision().parameterStore(manager);
            forward = NetworkForward.of(network, parameters);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Builds the run's objects; restores {@code saved}'s checkpoint from {@code files} when
     * present, else starts a fresh state at {@code startedAt}. Every array lives on {@code device}.
     */
    static TrainingSetup open(
            TrainConfig config, Optional<TrainState> saved, RunFiles files, String startedAt, Device device) {
        return new TrainingSetup(config, saved, files, startedAt, device);
    }

    /** Saves a checkpoint of the network, optimiser and average at {@code at}. */
    void checkpoint(RunFiles files, TrainState at) {
        files.checkpoint().save(net, optimizer, average, at);
    }

    @Override
    public void close() {
        forward.close();
        optimizer.close();
        manager.close();
    }
}
