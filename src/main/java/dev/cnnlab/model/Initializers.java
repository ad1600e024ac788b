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

    /**
     * Kaiming normal, fan-out mode (as torchvision's ResNets): std = sqrt(2 / (out * kh * kw)).
     * Convolution kernels larger than 1x1 come back in channels-last memory order (see
     * {@link #channelsLast}); the values, drawn in [out, in, kh, kw] order, are the same.
     */
    Initializer kaimingNormalFanOut() {
        return (manager, shape, dataType) -> {
            long receptive = shape.dimension() > 2 ? shape.slice(2).size() : 1;
            double std = Math.sqrt(2.0 / (shape.get(0) * receptive));
            NDArray weight = fill(manager, shape, dataType, () -> (float) (random.nextGaussian() * std));
            return shape.dimension() == 4 && receptive > 1 ? channelsLast(weight) : weight;
        };
    }

    /**
     * The same [out, in, kh, kw] kernel stored as [out, kh, kw, in], the layout PyTorch's
     * {@code model.to(memory_format=torch.channels_last)} gives weights. Activations are
     * channels-last, and libtorch's convolution otherwise copies every k x k kernel into that
     * layout in the forward and again in the backward pass, and converts its gradient back, every
     * step (profiled on ResNet-164: 330 kernel copies and 498 gradient conversions per 3 steps,
     * about 2% of the step). 1x1 kernels are the same in both layouts. A checkpoint load writes
     * weights back in the default layout: still correct, only without this saving.
     */
    private static NDArray channelsLast(NDArray weight) {
        Shape s = weight.getShape();
        // a transposed view cannot be flattened, so this reshape copies into [out, kh * kw * in] order
        NDArray packed = weight.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(2) * s.get(3) * s.get(1));
        NDArray view = packed.reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
        weight.close(); // the view keeps the packed storage alive; these handles are not needed
        packed.close();
        return view;
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
            ai.djl.ndarray.NDManager manager, Shape shape, DataType dataType, java.util.function.Supplier<Float> draw) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.get();
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
