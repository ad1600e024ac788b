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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreActResNetTest {

    /**
     * Reference counts from the PyTorch definition in ../shared/bench/pytorch_preact_resnet.py, as
     * printed by {@code /usr/bin/python3 bench/param_counts.py} ("peer bottleneck" lines): total
     * parameters, parameters per part (stem conv; stages 1-3; final BN + classifier) and the peer's
     * {@code analytic_flops}.
     */
    @ParameterizedTest
    @CsvSource({
        "11, false, 149876, 432 4704 23808 94720 26212, 40781824, 0.041",
        "11, true, 161104, 432 5284 25992 103184 26212, 40803328, 0.041",
        "29, false, 335348, 432 13792 59392 235520 26212, 94259200, 0.094",
        "29, true, 369032, 432 15532 65944 260912 26212, 94323712, 0.094",
        "164, false, 1726388, 432 81952 326272 1291520 26212, 495339520, 0.495",
        "164, true, 1928492, 432 92392 365584 1443872 26212, 495726592, 0.495"
    })
    void parameterCountsAndFlopsMatchThePyTorchDefinition(
            int depth, boolean se, long params, String partParams, long flops, double gflops) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelSpec spec = ModelSpec.cifar100(depth, se);
            SequentialBlock net = PreActResNet.build(spec, 1);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            ModelSummary summary = ModelSummary.of(spec, net, new Shape(1, 3, 32, 32));
            assertThat(summary.parts())
                    .extracting(ModelSummary.Part::name)
                    .containsExactly("stem", "stage1", "stage2", "stage3", "head");
            assertThat(summary.parts())
                    .extracting(ModelSummary.Part::params)
                    .containsExactly(java.util.Arrays.stream(partParams.split(" "))
                            .map(Long::valueOf)
                            .toArray(Long[]::new));
            assertThat(summary.params()).isEqualTo(params);
            assertThat(summary.flopsPerImage()).isEqualTo(flops);
            assertThat(summary.flopsPerImage() / 1e9).isCloseTo(gflops, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void analyticFlopsOfTheReferenceFormula() {
        // ResNet-29 by the formula in the PyTorch reference: 2 x MACs of convs and FCs.
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelSpec spec = ModelSpec.cifar100(29, false);
            SequentialBlock net = PreActResNet.build(spec, 1);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertThat(ModelSummary.of(spec, net, new Shape(1, 3, 32, 32)).flopsPerImage())
                    .isEqualTo(referenceFlops(3, false));
        }
    }

    @Test
    void forwardGivesOneLogitPerClassAndStagesHaveTheExpectedShapes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelSpec spec = ModelSpec.cifar100(11, true);
            SequentialBlock net = PreActResNet.build(spec, 3);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            ModelSummary summary = ModelSummary.of(spec, net, new Shape(2, 3, 32, 32));
            assertThat(summary.parts())
                    .extracting(ModelSummary.Part::outputShape)
                    .containsExactly("(16, 32, 32)", "(64, 32, 32)", "(128, 16, 16)", "(256, 8, 8)", "(100)");
            NDArray x = manager.randomNormal(new Shape(2, 3, 32, 32));
            NDArray out = net.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 100));
        }
    }

    @Test
    void sameSeedSameWeightsDifferentSeedDifferentWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] a = firstConv(manager, 7);
            float[] b = firstConv(manager, 7);
            float[] c = firstConv(manager, 8);
            assertThat(a).containsExactly(b);
            assertThat(a).isNotEqualTo(c);
            // Kaiming normal fan-out for the 16x3x3x3 stem: std = sqrt(2 / (16 * 9)) ~ 0.118
            double var = 0;
            for (float v : a) {
                var += v * v;
            }
            assertThat(Math.sqrt(var / a.length)).isBetween(0.09, 0.15);
        }
    }

    @Test
    void depthsThatAreNot9nPlus2AreRefused() {
        assertThatThrownBy(() -> ModelSpec.cifar100(30, false))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("9n+2");
    }

    private static float[] firstConv(NDManager manager, long seed) {
        SequentialBlock net = PreActResNet.build(ModelSpec.cifar100(11, false), seed);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        return net.getChildren()
                .get(0)
                .getValue()
                .getParameters()
                .valueAt(0)
                .getArray()
                .toFloatArray();
    }

    private static long referenceFlops(int n, boolean se) {
        long macs = 3L * 16 * 9 * 32 * 32;
        int in = 16;
        int size = 32;
        int[] widths = {16, 32, 64};
        for (int stage = 0; stage < 3; stage++) {
            int w = widths[stage];
            for (int b = 0; b < n; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                int out = size / stride;
                macs += (long) in * w * size * size + (long) w * w * 9 * out * out + (long) w * 4 * w * out * out;
                if (stride != 1 || in != 4 * w) {
                    macs += (long) in * 4 * w * out * out;
                }
                if (se) {
                    macs += 4L * w * (4L * w / 16) * 2;
                }
                in = 4 * w;
                size = out;
            }
        }
        macs += in * 100L;
        return 2 * macs;
    }
}
