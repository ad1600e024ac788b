package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.cnnlab.Fixtures;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.Network;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.model.StochasticDepthRule;
import dev.cnnlab.torch.Precision;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scripted forward pass computes the block-by-block pass's bits: logits, every gradient and
 * the batch-norm running statistics, for every family and structural technique it can write; and
 * it is used exactly where it can be.
 */
class NetworkForwardTest {

    private static final int BATCH = 4;

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    static Stream<ModelSpec> specs() {
        return Stream.of(
                ModelSpec.cifar100(11, false),
                ModelSpec.cifar100(11, true),
                ModelSpec.cifar100(Family.BASIC, 8, 1),
                ModelSpec.cifar100(Family.PREACT18, 18, 1));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void scriptedTrainingAndInferenceMatchTheBlocksBitForBit(ModelSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Network eagerNet = initialised(spec, manager);
            Network scriptedNet = initialised(spec, manager);
            ParameterStore store = Precision.FP32.parameterStore(manager);
            try (NetworkForward eager = NetworkForward.eager(eagerNet.block(), store);
                    NetworkForward scripted = NetworkForward.of(scriptedNet, store)) {
                assertThat(scripted.describe()).isEqualTo("training scripted, inference scripted");
                NDArray input = input(manager, 1);
                NDArray lossWeights = manager.randomNormal(new Shape(BATCH, 100));

                float[] eagerLogits = trainingPass(eager, manager, input, lossWeights);
                float[] scriptedLogits = trainingPass(scripted, manager, input, lossWeights);
                assertSameBits("logits", scriptedLogits, eagerLogits);
                List<Pair<String, Parameter>> a =
                        eagerNet.block().getParameters().stream().toList();
                List<Pair<String, Parameter>> b =
                        scriptedNet.block().getParameters().stream().toList();
                int gradients = 0;
                for (int i = 0; i < a.size(); i++) {
                    NDArray x = a.get(i).getValue().getArray();
                    NDArray y = b.get(i).getValue().getArray();
                    String name = a.get(i).getKey();
                    // running statistics were updated by the training pass
                    assertSameBits(name, y.toFloatArray(), x.toFloatArray());
                    if (x.hasGradient()) {
                        gradients++;
                        assertSameBits(
                                "gradient of " + name,
                                y.getGradient().toFloatArray(),
                                x.getGradient().toFloatArray());
                    }
                }
                assertThat(gradients).isPositive();

                assertSameInference(scripted, eager, input(manager, 2), manager);
            }
        }
    }

    @Test
    void stochasticDepthTrainsBlockByBlockAndInfersScripted() {
        ModelSpec spec = ModelSpec.cifar100(11, false).withBranchExtension(new StochasticDepthRule(0.5));
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = initialised(spec, manager);
            ParameterStore store = Precision.FP32.parameterStore(manager);
            try (NetworkForward forward = NetworkForward.of(net, store);
                    NetworkForward eager = NetworkForward.eager(net.block(), store)) {
                assertThat(forward.describe()).isEqualTo("training block by block, inference scripted");
                assertSameInference(forward, eager, input(manager, 3), manager);
            }
        }
    }

    @Test
    void bf16RunsBlockByBlock() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Network net = initialised(ModelSpec.cifar100(11, false), manager);
            try (NetworkForward forward = NetworkForward.of(net, Precision.BF16.parameterStore(manager))) {
                assertThat(forward.describe()).isEqualTo("training block by block, inference block by block");
            }
        }
    }

    private static void assertSameInference(
            NetworkForward scripted, NetworkForward eager, NDArray input, NDManager manager) {
        assertSameBits(
                "inference logits",
                scripted.inference(manager, input).toFloatArray(),
                eager.inference(manager, input).toFloatArray());
    }

    /** Equal bit patterns, reported by the first difference (AssertJ's diff of large arrays is quadratic). */
    private static void assertSameBits(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(
                        what + " differs first at [" + i + "]: " + actual[i] + " instead of " + expected[i]);
            }
        }
    }

    private static Network initialised(ModelSpec spec, NDManager manager) {
        Network net = PreActResNet.buildNetwork(spec, 7);
        net.block().initialize(manager, DataType.FLOAT32, new Shape(BATCH, 3, 32, 32));
        return net;
    }

    /** A channels-last batch, as the trainer makes them. */
    private static NDArray input(NDManager manager, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[BATCH * 32 * 32 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return TrainStep.channelsLast(manager.create(values, new Shape(BATCH, 32, 32, 3)));
    }

    private static float[] trainingPass(NetworkForward forward, NDManager manager, NDArray input, NDArray weights) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = forward.training(scope, input, new SplittableRandom(0));
            collector.backward(logits.mul(weights).sum());
            return logits.toFloatArray();
        }
    }
}
