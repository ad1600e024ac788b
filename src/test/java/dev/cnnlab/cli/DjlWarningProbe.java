package dev.cnnlab.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.torch.EngineSetup;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Makes DJL log one of its own warnings (a buffer larger than the array it fills), so a test can
 * see whether DJL's logging reaches stderr.
 */
public final class DjlWarningProbe {

    /** The text of the warning DJL 0.25's BaseNDManager logs. */
    static final String WARNING = "Input buffer size is greater than the NDArray size";

    private DjlWarningProbe() {}

    public static void main(String[] args) {
        EngineSetup.start(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            ByteBuffer eightFloats = ByteBuffer.allocateDirect(8 * Float.BYTES).order(ByteOrder.nativeOrder());
            manager.create(eightFloats, new Shape(2), DataType.FLOAT32).close();
        }
    }
}
