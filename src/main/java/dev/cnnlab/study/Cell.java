package dev.cnnlab.study;

import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.train.TrainConfig;
import java.util.List;

/**
 * One run of a study: a model size, a technique set and a seed.
 *
 * @param index position in the study's fixed order (what {@code --cell} and job arrays use)
 * @param id directory name under {@code runs/}
 * @param model the model size
 * @param techniqueSet the technique set's name
 * @param techniques the set's techniques with their options
 * @param seed the seed
 */
public record Cell(int index, String id, ModelEntry model, String techniqueSet, List<TechniqueSpec> techniques, long seed) {

    public Cell {
        techniques = List.copyOf(techniques);
    }

    /** The training config of this cell under the study's protocol. */
    public TrainConfig config(Protocol protocol, int threads) {
        return new TrainConfig(model.depth(), techniques, protocol.epochs(), protocol.lr(), protocol.lrMilestones(),
                protocol.lrGamma(), protocol.batchSize(), protocol.weightDecay(), protocol.momentum(), seed,
                protocol.trainLimit(), protocol.testLimit(), threads, model.family(), model.widen(),
                protocol.precision());
    }
}
