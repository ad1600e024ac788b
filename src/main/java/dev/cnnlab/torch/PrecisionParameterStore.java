package dev.cnnlab.torch;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.function.Supplier;

/**
 * A parameter store handing convolution and linear weights (and linear biases) to the
 * layers in the compute precision. Batch-norm parameters and statistics are handed over as they
 * are (float32). The cast happens inside the forward pass, so in training autograd carries the
 * gradient back to the float32 master weight.
 *
 * <p>A cast weight belongs to one forward pass: it goes into the manager given to
 * {@link #forward}, which the caller closes with the pass's activations. (Left in the weight's own
 * long-lived manager, every step would leak a copy of the network.)
 */
final class PrecisionParameterStore extends DirectParameterStore {

    private final Precision precision;
    private NDManager castManager;

    PrecisionParameterStore(NDManager manager, Precision precision) {
        super(manager);
        this.precision = precision;
    }

    Precision precision() {
        return precision;
    }

    /** Runs one forward pass whose cast weights live in {@code scratch}. */
    <T> T forward(NDManager scratch, Supplier<T> pass) {
        NDManager previous = castManager;
        castManager = scratch;
        try {
            return pass.get();
        } finally {
            castManager = previous;
        }
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray value = super.getValue(parameter, device, training);
        if (parameter == null) {
            return value;
        }
        Parameter.Type type = parameter.getType();
        if (type != Parameter.Type.WEIGHT && type != Parameter.Type.BIAS) {
            return value;
        }
        if (castManager == null) {
            throw new IllegalStateException("a " + precision.key() + " forward pass must run inside Precision.forward");
        }
        NDArray cast = precision.cast(value);
        cast.attach(castManager);
        return cast;
    }
}
