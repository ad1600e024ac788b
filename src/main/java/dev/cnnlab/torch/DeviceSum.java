package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * A running float64 sum kept on the run's device: adding a batch's value costs no host read
 * (see {@link HostReads}); reading it does.
 */
public final class DeviceSum implements AutoCloseable {

    private final NDArray sum;

    /** A sum on {@code manager}'s device starting at {@code start}. */
    public DeviceSum(NDManager manager, double start) {
        sum = manager.create(start);
    }

    /** Adds a 0-d array of any numeric type (no conversion when it is float64 already). */
    public void add(NDArray value) {
        sum.addi(value.toType(DataType.FLOAT64, false));
    }

    /** The sum so far: one host read. */
    public double read() {
        return HostReads.scalar(sum);
    }

    @Override
    public void close() {
        sum.close();
    }
}
