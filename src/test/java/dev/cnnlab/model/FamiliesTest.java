package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.util.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamiliesTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static ModelSummary summary(ModelSpec spec, NDManager manager) {
        SequentialBlock net = PreActResNet.build(spec, 1);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return ModelSummary.of(spec, net, new Shape(1, 3, 32, 32));
    }

    /** Counts from the PyTorch definitions in bench/param_counts.py (python3-torch 1.13). */
    @ParameterizedTest
    @CsvSource({
        "basic, 20, 1, 278132",
        "basic, 56, 1, 861428",
        "basic, 110, 1, 1736372",
        "basic, 20, 4, 4322100",
        "bottleneck, 29, 2, 1277876",
        "preact18, 18, 1, 11217444",
    })
    void parameterCountsMatchThePyTorchDefinitions(String family, int depth, int widen, long params) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelSpec spec = ModelSpec.cifar100(Family.of(family), depth, widen);
            assertThat(summary(spec, manager).params()).isEqualTo(params);
        }
    }

    @Test
    void preActResNet18HasFourStagesDownTo4x4() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelSummary s = summary(ModelSpec.cifar100(Family.PREACT18, 18, 1), manager);
            assertThat(s.parts())
                    .extracting(ModelSummary.Part::name)
                    .containsExactly("stem", "stage1", "stage2", "stage3", "stage4", "head");
            assertThat(s.parts().get(4).outputShape()).isEqualTo("(512, 4, 4)");
            assertThat(s.spec().displayName()).isEqualTo("PreActResNet-18");
        }
    }

    @Test
    void depthsAreCheckedPerFamily() {
        assertThatThrownBy(() -> ModelSpec.cifar100(Family.BASIC, 29, 1))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("6n+2");
        assertThatThrownBy(() -> ModelSpec.cifar100(Family.PREACT18, 34, 1)).hasMessageContaining("18");
        assertThatThrownBy(() -> ModelSpec.cifar100(Family.BOTTLENECK, 29, 0)).hasMessageContaining("widen");
    }

    @Test
    void stochasticDepthDropsWholeBranchesPerSampleInTrainingOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            DropPath drop = new DropPath(0.5);
            drop.initialize(manager, DataType.FLOAT32, new Shape(64, 2, 1, 1));
            NDArray x = manager.ones(new Shape(64, 2, 1, 1));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] out = DropPath.withRandom(
                    Seeds.stream(1, "t"),
                    () -> drop.forward(ps, new NDList(x), true)
                            .singletonOrThrow()
                            .toFloatArray());
            int kept = 0;
            for (int i = 0; i < 64; i++) {
                // both channels of a sample share its fate; kept ones are scaled by 1/0.5
                assertThat(out[2 * i]).isEqualTo(out[2 * i + 1]).isIn(0f, 2f);
                kept += out[2 * i] > 0 ? 1 : 0;
            }
            assertThat(kept).isBetween(20, 44);
            assertThat(drop.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray())
                    .containsOnly(1f);
            assertThatThrownBy(() -> drop.forward(ps, new NDList(x), true)).hasMessageContaining("random stream");
        }
    }

    @Test
    void survivalDecaysLinearlyAndTheNameSaysSo() {
        ModelSpec spec = ModelSpec.cifar100(29, false).withBranchExtension(new StochasticDepthRule(0.5));
        assertThat(spec.displayName()).isEqualTo("ResNet-29+SD");
        try (NDManager manager = NDManager.newBaseManager()) {
            // same parameters as without stochastic depth: it adds no weights
            assertThat(summary(spec, manager).params()).isEqualTo(335_348);
        }
    }
}
