package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.cnnlab.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelSizeTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static long built(ModelSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = PreActResNet.build(spec, 0);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            return ModelSummary.of(spec, net, new Shape(1, 3, 32, 32)).params();
        }
    }

    @Test
    void theEstimateIsTheBuiltNetworksExactCountForEveryFamily() {
        for (ModelSpec spec : new ModelSpec[] {
            ModelSpec.cifar100(Family.BOTTLENECK, 11, 1), ModelSpec.cifar100(Family.BOTTLENECK, 29, 2),
            ModelSpec.cifar100(Family.BASIC, 20, 1), ModelSpec.cifar100(Family.PREACT18, 18, 1)
        }) {
            assertThat(ModelSize.baseParams(spec)).as(spec.displayName()).isEqualTo((double) built(spec));
        }
        assertThat(ModelSize.baseParams(ModelSpec.cifar100(Family.BOTTLENECK, 164, 1)))
                .isEqualTo(1_726_388.0);
    }

    @Test
    void aNetworkWhoseParametersCannotBeTrainedInMemoryIsRefusedBeforeBuilding() {
        ModelSpec huge = ModelSpec.cifar100(Family.BOTTLENECK, 900_000_011, 1);
        assertThatThrownBy(() -> PreActResNet.build(huge, 0))
                .isInstanceOf(ModelTooLarge.class)
                .hasMessageContaining("ResNet-900000011")
                .hasMessageContaining("parameters")
                .hasMessageNotContaining("--");
        ModelSpec small = ModelSpec.cifar100(29, false);
        long needed = (long) ModelSize.trainingBytes(small);
        ModelSize.requireFits(small, needed); // exactly enough is enough
        assertThatThrownBy(() -> ModelSize.requireFits(small, needed - 1)).isInstanceOf(ModelTooLarge.class);
    }
}
