package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandAugmentTest {

    @Test
    void usesTorchvisionsFourteenOpsInOrder() {
        assertThat(RandAugment.OPS).containsExactly(
                AugmentOp.IDENTITY, AugmentOp.SHEAR_X, AugmentOp.SHEAR_Y, AugmentOp.TRANSLATE_X,
                AugmentOp.TRANSLATE_Y, AugmentOp.ROTATE, AugmentOp.BRIGHTNESS, AugmentOp.COLOR,
                AugmentOp.CONTRAST, AugmentOp.SHARPNESS, AugmentOp.POSTERIZE, AugmentOp.SOLARIZE,
                AugmentOp.AUTO_CONTRAST, AugmentOp.EQUALIZE);
        assertThat(RandAugment.BINS).isEqualTo(31);
    }

    @Test
    void appliesNOpsAtMagnitudeMWithASignCoinForSignedOnes() {
        byte[] image = ImageOpsPillowTest.images()[1];
        RandAugment randAugment = new RandAugment(2, 9);
        Set<AugmentOp> seen = new HashSet<>();
        for (int seed = 0; seed < 300; seed++) {
            byte[] actual = image.clone();
            randAugment.apply(actual, Seeds.stream(seed, "randaugment"));

            SplittableRandom random = Seeds.stream(seed, "randaugment");
            byte[] expected = image.clone();
            for (int i = 0; i < 2; i++) {
                AugmentOp op = RandAugment.OPS.get(random.nextInt(14));
                double m = op.magnitude(9, 31, 32, 32);
                if (op.signed() && random.nextInt(2) == 1) {
                    m = -m;
                }
                op.apply(expected, 32, 32, m);
                seen.add(op);
            }
            assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        }
        assertThat(seen).hasSize(14);
    }

    @Test
    void zeroOpsIsTheIdentity() {
        byte[] image = ImageOpsPillowTest.images()[0];
        byte[] copy = image.clone();
        new RandAugment(0, 30).apply(copy, Seeds.stream(1, "ra"));
        assertThat(copy).isEqualTo(image);
    }

    @Test
    void isDeterministicPerStreamAndVariesAcrossStreams() {
        byte[] image = ImageOpsPillowTest.images()[2];
        RandAugment randAugment = new RandAugment(3, 15);
        Set<String> distinct = new HashSet<>();
        for (int seed = 0; seed < 40; seed++) {
            byte[] a = image.clone();
            byte[] b = image.clone();
            randAugment.apply(a, Seeds.stream(seed, "ra", 7));
            randAugment.apply(b, Seeds.stream(seed, "ra", 7));
            assertThat(a).hasSize(3072).isEqualTo(b);
            distinct.add(Arrays.toString(a));
        }
        assertThat(distinct.size()).isGreaterThan(30);
    }

    @Test
    void validatesItsOptions() {
        assertThatThrownBy(() -> new RandAugment(-1, 9)).hasMessageContaining("n must be >= 0");
        assertThatThrownBy(() -> new RandAugment(2, 31)).hasMessageContaining("m must be in [0, 30]");
        assertThatThrownBy(() -> new RandAugment(2, -1)).hasMessageContaining("m must be in [0, 30]");
    }
}
