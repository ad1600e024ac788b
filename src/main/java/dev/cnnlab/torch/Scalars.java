package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for arithmetic inside an autograd graph.
 *
 * <p>DJL's {@code x.div(3)}, {@code x.mul(0.5)} and friends wrap the number in a 0-d array built on a
 * Java direct buffer (libtorch's {@code from_blob}, no copy) and close it right after the op. The
 * op's backward keeps that tensor to use later, but once the DJL array is closed the buffer can be
 * garbage-collected and its memory reused: the backward then reads whatever is there. With a small
 * young generation (the launcher's) that gave NaN gradients within one step. A scalar made by
 * libtorch ({@code full}) owns its memory, so autograd can keep it as long as it likes.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code x / divisor}, safe to differentiate. */
    public static NDArray divide(NDArray x, double divisor) {
        return x.div(x.getManager().full(new Shape(), (float) divisor));
    }
}
