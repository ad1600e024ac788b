package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.Fixtures;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.torch.DeviceSum;
import dev.cnnlab.torch.Precision;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint resumes on whatever device the resuming run is on: the saved arrays are decoded
 * onto that run's manager (its device) and copied into its own arrays; nothing in the file or the
 * path names a device. Here both runs are on the CPU (DJL folds every CPU index into one device,
 * and no machine of this project has a GPU), each with its own manager and network, through the
 * same restore a GPU run takes.
 */
class CheckpointDeviceTest {

    private static final ModelSpec SPEC = ModelSpec.cifar100(11, false);
    private static final int BATCH = 8;

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void weightsAndMomentumResumeBitForBitInAnotherRunsArraysOnItsDevice(@TempDir Path dir) throws IOException {
        Device written = Device.cpu();
        Device resumed = Device.cpu();
        TrainConfig config = TrainConfig.builder().depth(11).epochs(1).build();
        try (NDManager first = NDManager.newBaseManager(written);
                NDManager second = NDManager.newBaseManager(resumed)) {
            SequentialBlock source = network(first, 1);
            SgdOptimizer sourceOptimizer = SgdOptimizer.forBlock(source, 0.9, 1e-4);
            trainOneStep(source, sourceOptimizer, first); // momentum is no longer zero
            new Checkpoint(dir).save(source, sourceOptimizer, TrainState.fresh(config, "2026-12-01T00:00:00Z"));

            SequentialBlock target = network(second, 2); // other initial weights
            SgdOptimizer targetOptimizer = SgdOptimizer.forBlock(target, 0.9, 1e-4);
            new Checkpoint(dir).restore(target, targetOptimizer, second);

            List<NDArray> from = ArrayIo.parameterArrays(source);
            List<NDArray> to = ArrayIo.parameterArrays(target);
            assertThat(to).hasSameSizeAs(from);
            for (int i = 0; i < from.size(); i++) {
                assertThat(to.get(i).getDevice()).as("parameter %d", i).isEqualTo(resumed);
                assertThat(to.get(i).toFloatArray())
                        .as("parameter %d", i)
                        .containsExactly(from.get(i).toFloatArray());
            }
            assertThat(saved(targetOptimizer)).as("momentum buffers").isEqualTo(saved(sourceOptimizer));
            // and the resumed network trains on its device
            trainOneStep(target, targetOptimizer, second);
            assertThat(to.get(0).getDevice()).isEqualTo(resumed);
        }
    }

    private static SequentialBlock network(NDManager manager, long seed) {
        SequentialBlock net = PreActResNet.build(SPEC, seed);
        net.initialize(manager, DataType.FLOAT32, new Shape(BATCH, 3, 32, 32));
        return net;
    }

    private static void trainOneStep(SequentialBlock net, SgdOptimizer optimizer, NDManager manager) {
        ParameterStore store = Precision.FP32.parameterStore(manager);
        ByteBuffer images =
                ByteBuffer.allocateDirect(BATCH * 3072 * Float.BYTES).order(ByteOrder.nativeOrder());
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < BATCH * 3072; i++) {
            images.putFloat(i * Float.BYTES, (float) random.nextGaussian());
        }
        try (DeviceSum correct = new DeviceSum(manager, 0)) {
            new TrainStep(NetworkForward.eager(net, store), optimizer, TechniqueSet.of(List.of()), 32, 100)
                    .run(manager, images, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0.1, new SplittableRandom(6), correct);
        }
    }

    private static byte[] saved(SgdOptimizer optimizer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        optimizer.save(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
