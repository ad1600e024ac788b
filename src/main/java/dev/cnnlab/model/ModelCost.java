package dev.cnnlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parameters and forward FLOPs of a network without training it: builds and initialises the
 * network once for a one-image input (the engine must be started) and remembers the answer.
 */
public final class ModelCost {

    private static final Map<ModelSpec, ModelSummary> CACHE = new ConcurrentHashMap<>();

    private ModelCost() {}

    /** The summary of {@code spec}'s network. */
    public static ModelSummary summary(ModelSpec spec) {
        return CACHE.computeIfAbsent(spec, s -> {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) { // counting needs no GPU
                SequentialBlock net = PreActResNet.build(s, 0);
                Shape input = new Shape(1, 3, 32, 32);
                net.initialize(manager, DataType.FLOAT32, input);
                return ModelSummary.of(s, net, input);
            }
        });
    }
}
