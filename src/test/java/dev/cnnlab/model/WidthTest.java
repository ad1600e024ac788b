package dev.cnnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fractional (and integer) widen: the width rule of {@link ModelSpec#channels(int, double)}. */
class WidthTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static ModelSummary summary(ModelSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = PreActResNet.build(spec, 1);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            return ModelSummary.of(spec, net, new Shape(1, 3, 32, 32));
        }
    }

    /**
     * Trainable parameters and forward FLOPs from the PyTorch definitions in bench/param_counts.py
     * (its "width" lines, python3-torch 1.13), which applies the same width rule in Python; the
     * stage widths it prints are in the comments. 0.625 needs rounding half up (16 -> 12, not 8),
     * 0.3 and 0.1 round to the nearest multiple of 4, basic 0.1 hits the floor of 4 channels.
     */
    @ParameterizedTest
    @CsvSource({
        "bottleneck, 29, 0.25, 27028, 6697472", // 4/8/16
        "bottleneck, 29, 0.3, 36180, 7698048", // 4/8/20
        "bottleneck, 29, 0.5, 91988, 24896512", // 8/16/32
        "bottleneck, 29, 0.75, 194676, 53908992", // 12/24/48
        "bottleneck, 29, 2, 1277876, 369037312", // 32/64/128
        "basic, 20, 0.1, 6996, 4531776", // 4/4/8
        "basic, 20, 0.25, 19860, 6950016", // 4/8/16
        "basic, 20, 0.5, 72596, 22518016", // 8/16/32
        "basic, 20, 0.625, 114228, 38780736", // 12/20/40
        "basic, 20, 0.75, 158772, 47588736", // 12/24/48
        "basic, 20, 2, 1091252, 315483136", // 32/64/128
        "preact18, 18, 0.1, 123564, 25151136", // 8/12/24/52
        "preact18, 18, 0.25, 721828, 89023488", // 16/32/64/128
        "preact18, 18, 0.5, 2831652, 303482880", // 32/64/128/256
        "preact18, 18, 0.75, 6331556, 646917120", // 48/96/192/384
    })
    void widenedNetworksMatchThePyTorchDefinitions(String family, int depth, double widen, long params, long flops) {
        ModelSpec spec = ModelSpec.cifar100(Family.of(family), depth, widen);
        ModelSummary summary = summary(spec);
        assertThat(summary.params()).as(spec.displayName()).isEqualTo(params);
        assertThat(summary.flopsPerImage()).as(spec.displayName()).isEqualTo(flops);
        assertThat(ModelSize.baseParams(spec)).as(spec.displayName()).isEqualTo((double) params);
    }

    @Test
    void theRuleKeepsThePapersWidthsAndIntegerMultiplesAndRoundsFractionsToMultiplesOf4() {
        for (Family family : Family.values()) {
            List<Integer> bases = family.stageWidths();
            for (int base : bases) {
                for (int k = 1; k <= 8; k++) {
                    assertThat(ModelSpec.channels(base, k)).isEqualTo((long) base * k);
                }
            }
        }
        assertThat(ModelSpec.channels(16, 0.5)).isEqualTo(8);
        assertThat(ModelSpec.channels(16, 0.625)).isEqualTo(12); // 2.5 quarters: half up
        assertThat(ModelSpec.channels(64, 0.3)).isEqualTo(20); // 4.8 quarters
        assertThat(ModelSpec.channels(32, 0.3)).isEqualTo(8); // 2.4 quarters
        assertThat(ModelSpec.channels(16, 0.01)).isEqualTo(4); // never below 4
        assertThat(ModelSpec.channels(512, 1.5)).isEqualTo(768);
        assertThat(ModelSpec.channels(64, 1e300)).isEqualTo(Long.MAX_VALUE); // absurd: ModelSize refuses it
    }

    @Test
    void theStemDoesNotScaleAndTheShapesFollowTheRule() {
        ModelSummary s = summary(ModelSpec.cifar100(Family.PREACT18, 18, 0.1));
        assertThat(s.parts())
                .extracting(ModelSummary.Part::outputShape)
                .containsExactly("(64, 32, 32)", "(8, 32, 32)", "(12, 16, 16)", "(24, 8, 8)", "(52, 4, 4)", "(100)");
    }

    @Test
    void namesWriteTheWidenWithoutTrailingZeros() {
        assertThat(ModelSpec.cifar100(Family.BOTTLENECK, 29, 1).displayName()).isEqualTo("ResNet-29");
        assertThat(ModelSpec.cifar100(Family.BOTTLENECK, 29, 2).displayName()).isEqualTo("ResNet-29x2");
        assertThat(ModelSpec.cifar100(Family.BOTTLENECK, 29, 0.5).displayName()).isEqualTo("ResNet-29x0.5");
        assertThat(ModelSpec.cifar100(Family.PREACT18, 18, 0.75).displayName()).isEqualTo("PreActResNet-18x0.75");
        assertThat(ModelSpec.cifar100(Family.BASIC, 20, 1.5).displayName()).isEqualTo("ResNet-20-basicx1.5");
        assertThat(ModelSpec.formatWiden(1.0)).isEqualTo("1");
        assertThat(ModelSpec.formatWiden(0.1)).isEqualTo("0.1");
        assertThat(ModelSpec.formatWiden(1e6)).isEqualTo("1000000");
    }

    @Test
    void widenMustBeAFiniteNumberAboveZero() {
        for (double bad : new double[] {0, -1, -0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ModelSpec.cifar100(Family.BASIC, 20, bad))
                    .isInstanceOf(CnnlabException.class)
                    .hasMessageContaining("widen")
                    .hasMessageContaining("> 0")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> ModelSpec.cifar100(Family.BASIC, 20, 0)).hasMessageStartingWith("widen 0 must");
        assertThatThrownBy(() -> ModelSpec.cifar100(Family.BASIC, 20, -1)).hasMessageStartingWith("widen -1 must");
    }
}
