package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every value the training loop copies from the device to the host goes through here. On a GPU
 * each read waits for all queued work, so a step that reads often cannot run ahead of the device:
 * a training step reads one scalar (its loss, for the divergence check), sums stay on the device
 * ({@link DeviceSum}) until a checkpoint or the epoch's end. The count lets a test hold that.
 */
public final class HostReads {

    private static final AtomicLong READS = new AtomicLong();

    private HostReads() {}

    /** The value of a one-element array (any type), read once. */
    public static double scalar(NDArray value) {
        READS.incrementAndGet();
        return switch (value.getDataType()) {
            case FLOAT32 -> value.toFloatArray()[0];
            case FLOAT64 -> value.toDoubleArray()[0];
            case INT64 -> value.toLongArray()[0];
            default -> value.toType(DataType.FLOAT64, false).toDoubleArray()[0];
        };
    }

    /** Reads made so far by this process. */
    public static long count() {
        return READS.get();
    }
}
