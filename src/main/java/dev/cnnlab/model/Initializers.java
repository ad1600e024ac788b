package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.cnnlab.util.Seeds;
import java.util.SplittableRandom;

/**
 * Weight initialisers drawing from one seeded Java stream.
 *
 * <p>DJL initialises parameters in block-tree order, so a single sequential stream gives the same
 * weights for the same seed on any engine, device or thread count.
 */
final class Initializers {

    private final SplittableRandom random;

    Initializers(long seed) {
        this.random = Seeds.stream(seed, "init");
    }

    /** Kaiming normal, fan-out mode (as torchvision's ResNets): std = sqrt(2 / (out * kh * kw)). */
    Initializer kaimingNormalFanOut() {
        return (manager, shape, dataType) -> {
            long receptive = shape.dimension() > 2 ? shape.slice(2).size() : 1;
            double std = Math.sqrt(2.0 / (shape.get(0) * receptive));
            return fill(manager, shape, dataType, () -> (float) (random.nextGaussian() * std));
        };
    }

    /**
     * PyTorch's default for nn.Linear weight and bias: uniform(-1/sqrt(fanIn), 1/sqrt(fanIn)).
     * The bias initialiser cannot see fan-in from its own shape, so it is passed in.
     */
    Initializer pytorchLinearDefault(int fanIn) {
        double bound = 1.0 / Math.sqrt(fanIn);
        return (manager, shape, dataType) ->
                fill(manager, shape, dataType, () -> (float) random.nextDouble(-bound, bound));
    }

    private static NDArray fill(
            ai.djl.ndarray.NDManager manager,
            Shape shape,
            DataType dataType,
            java.util.function.Supplier<Float> draw) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.get();
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
