package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Java values as an array that an autograd graph may keep.
 *
 * <p>{@code NDManager.create(float[], ...)} builds the array on a Java direct buffer
 * (libtorch's {@code from_blob}, no copy), alive only as long as the DJL array object. An op that
 * saves such an operand for its backward pass (a multiplication does) reads freed memory once
 * the array is closed and collected before the backward pass runs, as a block's intermediates
 * are (see {@link Scalars} for the same failure with scalars). A libtorch-owned copy lives as long
 * as the graph needs it.
 */
public final class GraphConstants {

    private GraphConstants() {}

    /** A libtorch-owned array of {@code values} with {@code shape}, attached to {@code manager}. */
    public static NDArray of(NDManager manager, float[] values, Shape shape) {
        try (NDArray onJavaMemory = manager.create(values, shape)) {
            return onJavaMemory.duplicate();
        }
    }
}
