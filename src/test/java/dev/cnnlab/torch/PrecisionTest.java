package dev.cnnlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.train.NetworkForward;
import dev.cnnlab.train.SgdOptimizer;
import dev.cnnlab.train.TrainStep;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bf16 mixed precision: the scripted casts, gradients through them, and a bf16 forward pass. */
class PrecisionTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    @Test
    void castsRoundToBFloat16AndBack() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // bf16 keeps 8 significant bits: 1 + 2^-7 survives, 1 + 2^-9 rounds to 1 (ties to even),
            // and float32's range is kept (1e30 would overflow fp16)
            float[] values = {1f + 0x1p-7f, 1f + 0x1p-9f, -3.140625f, 1e30f};
            NDArray x = manager.create(values);
            NDArray bf16 = Precision.BF16.cast(x);
            assertThat(bf16.getDataType()).isNotEqualTo(DataType.FLOAT32);
            float[] back = Precision.toFloat32(bf16).toFloatArray();
            assertThat(back[0]).isEqualTo(1f + 0x1p-7f);
            assertThat(back[1]).isEqualTo(1f);
            assertThat(back[2]).isEqualTo(-3.140625f);
            assertThat(back[3]).isCloseTo(1e30f, org.assertj.core.data.Percentage.withPercentage(0.5));
            assertThat(Precision.FP32.cast(x)).isSameAs(x);
        }
    }

    @Test
    void gradientsFlowThroughTheCastsToFloat32MasterWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[] {0.5f, -2f, 3f});
            w.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Precision.BF16.cast(w).mul(Precision.BF16.cast(w));
                collector.backward(Precision.toFloat32(y).sum());
            }
            // d/dw sum(w^2) = 2w, exact in bf16 for these values
            assertThat(w.getGradient().getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(w.getGradient().toFloatArray()).containsExactly(1f, -4f, 6f);
        }
    }

    @Test
    void bf16ForwardAgreesWithFloat32AndFreesItsCastWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = PreActResNet.build(ModelSpec.cifar100(11, true), 3);
            net.initialize(manager, DataType.FLOAT32, new Shape(16, 3, 32, 32));
            float[] x = manager.randomNormal(new Shape(16, 3, 32, 32)).toFloatArray();
            float[] fp32 = logits(net, Precision.FP32, manager, x);
            int arraysBefore = ((BaseNDManager) manager).getManagedArrays().size();
            float[] bf16 = logits(net, Precision.BF16, manager, x);
            assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(arraysBefore);

            double diff = 0;
            double norm = 0;
            for (int i = 0; i < fp32.length; i++) {
                diff += (fp32[i] - bf16[i]) * (fp32[i] - bf16[i]);
                norm += fp32[i] * fp32[i];
            }
            // 8 significant bits through 11 layers: a few per cent, not a different function
            assertThat(Math.sqrt(diff / norm)).isLessThan(0.05).isGreaterThan(0);
        }
    }

    @Test
    void aBf16TrainingStepWithSqueezeExcitationMixupAndStochasticDepthUpdatesFloat32Weights() {
        TechniqueSet techniques = TechniqueSet.of(
                List.of(TechniqueSpec.of("se"), TechniqueSpec.of("mixup"), TechniqueSpec.of("stochastic-depth")));
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = PreActResNet.build(techniques.shape(ModelSpec.cifar100(11, false)), 5);
            net.initialize(manager, DataType.FLOAT32, new Shape(8, 3, 32, 32));
            ParameterStore store = Precision.BF16.parameterStore(manager);
            SgdOptimizer optimizer = SgdOptimizer.forBlock(net, 0.9, 1e-4);
            NDArray firstWeight = net.getParameters().valueAt(0).getArray();
            float[] before = firstWeight.toFloatArray();
            DeviceSum correct = new DeviceSum(manager, 0);
            int arraysBefore = ((BaseNDManager) manager).getManagedArrays().size();

            ByteBuffer images =
                    ByteBuffer.allocateDirect(8 * 3072 * Float.BYTES).order(ByteOrder.nativeOrder());
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < 8 * 3072; i++) {
                images.putFloat(i * Float.BYTES, (float) random.nextGaussian());
            }
            double meanLoss = new TrainStep(NetworkForward.eager(net, store), optimizer, techniques, 32, 100)
                    .run(manager, images, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0.1, new SplittableRandom(2), correct);

            assertThat(((BaseNDManager) manager).getManagedArrays()).hasSize(arraysBefore);
            assertThat(meanLoss).isBetween(3.0, 7.0); // about ln(100) = 4.6 at initialisation
            assertThat(firstWeight.getDataType()).isEqualTo(DataType.FLOAT32);
            // read after the count: DJL 0.36 keeps a copy of a channels-last array it reads out
            assertThat(firstWeight.toFloatArray()).isNotEqualTo(before);
        }
    }

    @Test
    void aBf16PassOutsidePrecisionForwardIsRefusedRatherThanLeakingCasts() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = PreActResNet.build(ModelSpec.cifar100(11, false), 3);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            ParameterStore store = Precision.BF16.parameterStore(manager);
            NDArray x = Precision.BF16.cast(manager.randomNormal(new Shape(2, 3, 32, 32)));
            assertThatThrownBy(() -> net.forward(store, new NDList(x), false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Precision.forward");
        }
    }

    @Test
    void namesAndWarnings() {
        assertThat(Precision.of("BF16")).isEqualTo(Precision.BF16);
        assertThat(Precision.of("fp32")).isEqualTo(Precision.FP32);
        assertThatThrownBy(() -> Precision.of("fp16"))
                .isInstanceOf(CnnlabException.class)
                .hasMessage("unknown precision 'fp16': use fp32 or bf16");
        assertThat(Precision.BF16.speedWarning("flags : fpu avx512f avx512_bf16 avx512_vnni"))
                .isEmpty();
        assertThat(Precision.BF16.speedWarning("flags : fpu avx2 fma"))
                .get()
                .asString()
                .contains("emulated");
        assertThat(Precision.FP32.speedWarning("flags : fpu")).isEmpty();
        assertThat(Precision.of(new ParameterStore())).isEqualTo(Precision.FP32);
    }

    private static float[] logits(SequentialBlock net, Precision precision, NDManager manager, float[] x) {
        ParameterStore store = precision.parameterStore(manager);
        try (NDManager scope = manager.newSubManager()) {
            NDArray input = precision.cast(scope.create(x, new Shape(x.length / 3072, 3, 32, 32)));
            NDArray out = Precision.toFloat32(Precision.forward(
                    store,
                    scope,
                    () -> net.forward(store, new NDList(input), false).singletonOrThrow()));
            return out.toFloatArray();
        }
    }
}
