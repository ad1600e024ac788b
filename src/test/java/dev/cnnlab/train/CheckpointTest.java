package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.PreActResNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static SequentialBlock network(NDManager manager, long seed) {
        SequentialBlock net = PreActResNet.build(ModelSpec.cifar100(11, true), seed);
        net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        return net;
    }

    private static List<float[]> allValues(SequentialBlock net) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : net.getParameters().values()) {
            values.add(p.getArray().toFloatArray()); // includes BN running statistics
        }
        return values;
    }

    private static TrainState state(int epochs) {
        TrainConfig config = TrainConfig.reference(11, List.of(), 2);
        TrainState state = TrainState.fresh(config);
        for (int e = 1; e <= epochs; e++) {
            state = state.next(new EpochStats(e, 0.1, 4.0, 2.0, 4.1, 2.5, 9.0, 10.0, 100.0, Map.of()));
        }
        return state;
    }

    @Test
    void roundTripRestoresParametersRunningStatsMomentumAndState(@TempDir Path dir) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock saved = network(manager, 1);
            // make running statistics and momentum non-trivial
            for (Parameter p : saved.getParameters().values()) {
                p.getArray().addi(0.25f);
            }
            SgdOptimizer savedOptimizer = SgdOptimizer.forBlock(saved, 0.9, 1e-4);
            new Checkpoint(dir).save(saved, savedOptimizer, state(3));

            SequentialBlock restored = network(manager, 2);
            SgdOptimizer restoredOptimizer = SgdOptimizer.forBlock(restored, 0.9, 1e-4);
            TrainState state = new Checkpoint(dir).restore(restored, restoredOptimizer, manager);

            assertThat(state).isEqualTo(state(3));
            List<float[]> expected = allValues(saved);
            List<float[]> actual = allValues(restored);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).containsExactly(expected.get(i));
            }
            assertThat(Files.exists(dir.resolve("checkpoint.tmp"))).isFalse();
        }
    }

    @Test
    void aCrashBetweenTheTwoRenamesLeavesTheOldCheckpointUsable(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = network(manager, 1);
            new Checkpoint(dir).save(net, SgdOptimizer.forBlock(net, 0.9, 0), state(1));
            // the instant after "checkpoint -> checkpoint.old" and before "checkpoint.tmp -> checkpoint"
            Files.move(dir.resolve("checkpoint"), dir.resolve("checkpoint.old"));
            Files.createDirectories(dir.resolve("checkpoint.tmp"));
            assertThat(new Checkpoint(dir).peek().orElseThrow().completedEpochs())
                    .isEqualTo(1);
            new Checkpoint(dir).save(net, SgdOptimizer.forBlock(net, 0.9, 0), state(2));
            assertThat(new Checkpoint(dir).peek().orElseThrow().completedEpochs())
                    .isEqualTo(2);
            assertThat(Files.exists(dir.resolve("checkpoint.old"))).isFalse();
        }
    }

    @Test
    void aDamagedCheckpointIsReportedInOneLine(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = network(manager, 1);
            SgdOptimizer optimizer = SgdOptimizer.forBlock(net, 0.9, 0);
            new Checkpoint(dir).save(net, optimizer, state(1));
            Path params = dir.resolve("checkpoint/model.params");
            byte[] bytes = Files.readAllBytes(params);
            Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> new Checkpoint(dir).restore(net, optimizer, manager))
                    .isInstanceOf(CnnlabException.class)
                    .hasMessageContaining("is damaged")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
