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

    private record Key(ModelSpec spec, int side) {}

    private static final Map<Key, ModelSummary> CACHE = new ConcurrentHashMap<>();

    private ModelCost() {}

    /** The summary of {@code spec}'s network on CIFAR's 32x32 images. */
    public static ModelSummary summary(ModelSpec spec) {
        return summary(spec, 32);
    }

    /**
     * The summary of {@code spec}'s network on {@code side x side} images: the parameters do not
     * depend on the side (global pooling), the FLOPs grow with its square.
     */
    public static ModelSummary summary(ModelSpec spec, int side) {
        return CACHE.computeIfAbsent(new Key(spec, side), k -> {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) { // counting needs no GPU
                SequentialBlock net = PreActResNet.build(k.spec(), 0);
                Shape input = new Shape(1, 3, k.side(), k.side());
                net.initialize(manager, DataType.FLOAT32, input);
                return ModelSummary.of(k.spec(), net, input);
            }
        });
    }
}
