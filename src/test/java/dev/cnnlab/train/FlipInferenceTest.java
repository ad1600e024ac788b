package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flip test-time augmentation feeds the network each image mirrored left-right. */
class FlipInferenceTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void theMirroredPassSeesEveryRowReversed() {
        int n = 2;
        ByteBuffer images = ByteBuffer.allocateDirect(n * 3072 * 4).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n * 3072; i++) {
            images.putFloat(i * 4, i); // NHWC: value encodes (image, y, x, channel)
        }
        // a "network" that returns its NCHW input flattened, so outputs show what it saw
        Block seeing = LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), -1));
        try (NDManager manager = NDManager.newBaseManager()) {
            seeing.initialize(manager, DataType.FLOAT32, new Shape(n, 3, 32, 32));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] plain = TrainStep.infer(NetworkForward.eager(seeing, ps), manager, images, n, 32)
                    .toFloatArray();
            float[] mirrored = TrainStep.inferMirrored(NetworkForward.eager(seeing, ps), manager, images, n, 32)
                    .toFloatArray();
            for (int b = 0; b < n; b++) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            int at = ((b * 3 + c) * 32 + y) * 32 + x;
                            int mirror = ((b * 3 + c) * 32 + y) * 32 + (31 - x);
                            assertThat(mirrored[at]).isEqualTo(plain[mirror]);
                            assertThat(plain[at]).isEqualTo(((b * 32 + y) * 32 + x) * 3 + c);
                        }
                    }
                }
            }
        }
    }
}
