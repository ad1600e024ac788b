package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The magnitude tables as torchvision's {@code _augmentation_space} builds them. */
class AugmentOpTest {

    private static double mag(AugmentOp op, int bin, int bins) {
        return op.magnitude(bin, bins, 32, 32);
    }

    @Test
    void autoAugmentsTenBinTables() {
        assertThat(mag(AugmentOp.SHEAR_X, 0, 10)).isZero();
        assertThat(mag(AugmentOp.SHEAR_Y, 9, 10)).isEqualTo((double) 0.3f);
        assertThat(mag(AugmentOp.SHEAR_X, 8, 10)).isCloseTo(0.3 * 8 / 9, within(1e-6));
        assertThat(mag(AugmentOp.TRANSLATE_X, 9, 10)).isCloseTo(150.0 / 331.0 * 32, within(1e-5));
        assertThat((int) mag(AugmentOp.TRANSLATE_Y, 9, 10)).isEqualTo(14);
        assertThat((int) mag(AugmentOp.TRANSLATE_Y, 3, 10)).isEqualTo(4); // 4.83 pixels
        assertThat(mag(AugmentOp.ROTATE, 2, 10)).isCloseTo(20.0 / 3, within(1e-5));
        assertThat(mag(AugmentOp.BRIGHTNESS, 9, 10)).isEqualTo((double) 0.9f);
        assertThat(mag(AugmentOp.COLOR, 3, 10)).isCloseTo(0.3, within(1e-6));
        int[] bits = new int[10];
        for (int bin = 0; bin < 10; bin++) {
            bits[bin] = (int) mag(AugmentOp.POSTERIZE, bin, 10);
        }
        assertThat(bits).containsExactly(8, 8, 7, 7, 6, 6, 5, 5, 4, 4);
        assertThat(mag(AugmentOp.SOLARIZE, 0, 10)).isEqualTo(255.0);
        assertThat(mag(AugmentOp.SOLARIZE, 9, 10)).isEqualTo(0.0);
        assertThat(mag(AugmentOp.SOLARIZE, 5, 10)).isCloseTo(255.0 * 4 / 9, within(1e-4));
        for (AugmentOp op :
                new AugmentOp[] {AugmentOp.IDENTITY, AugmentOp.AUTO_CONTRAST, AugmentOp.EQUALIZE, AugmentOp.INVERT}) {
            assertThat(mag(op, 5, 10)).isZero();
            assertThat(op.signed()).isFalse();
        }
    }

    @Test
    void randAugmentsDefaultMagnitudeNineOfThirtyOneBins() {
        assertThat(mag(AugmentOp.ROTATE, 9, 31)).isEqualTo(9.0);
        assertThat(mag(AugmentOp.SHEAR_X, 9, 31)).isCloseTo(0.09, within(1e-7));
        assertThat((int) mag(AugmentOp.TRANSLATE_X, 9, 31)).isEqualTo(4); // 4.35 pixels
        assertThat(mag(AugmentOp.BRIGHTNESS, 9, 31)).isCloseTo(0.27, within(1e-7));
        assertThat(mag(AugmentOp.POSTERIZE, 9, 31)).isEqualTo(7.0);
        assertThat(mag(AugmentOp.SOLARIZE, 9, 31)).isEqualTo(178.5);
        assertThat(mag(AugmentOp.POSTERIZE, 30, 31)).isEqualTo(4.0);
        assertThat(mag(AugmentOp.ROTATE, 30, 31)).isEqualTo(30.0);
    }

    @Test
    void pytorchsLinspaceIsSymmetricFromBothEnds() {
        assertThat(AugmentOp.linspace(0f, 0.9f, 10, 0)).isZero();
        assertThat(AugmentOp.linspace(0f, 0.9f, 10, 9)).isEqualTo(0.9f);
        assertThat(AugmentOp.linspace(255f, 0f, 31, 30)).isZero();
        assertThat(AugmentOp.linspace(255f, 0f, 31, 9)).isEqualTo(178.5f);
    }

    @Test
    void signedOpsAreTheGeometricAndEnhanceOnes() {
        for (AugmentOp op : AugmentOp.values()) {
            boolean expected = switch (op) {
                case SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y, ROTATE, BRIGHTNESS, COLOR, CONTRAST, SHARPNESS -> true;
                default -> false;
            };
            assertThat(op.signed()).as(op.name()).isEqualTo(expected);
        }
    }

    @Test
    void binZeroOfTheEnhanceAndGeometricOpsIsTheIdentity() {
        byte[] image = ImageOpsPillowTest.images()[1];
        for (AugmentOp op : new AugmentOp[] {
            AugmentOp.IDENTITY,
            AugmentOp.SHEAR_X,
            AugmentOp.SHEAR_Y,
            AugmentOp.TRANSLATE_X,
            AugmentOp.TRANSLATE_Y,
            AugmentOp.ROTATE,
            AugmentOp.BRIGHTNESS,
            AugmentOp.COLOR,
            AugmentOp.CONTRAST,
            AugmentOp.SHARPNESS,
            AugmentOp.POSTERIZE
        }) {
            byte[] copy = image.clone();
            op.apply(copy, 32, 32, mag(op, 0, 10));
            assertThat(copy).as(op.name()).isEqualTo(image);
        }
    }

    @Test
    void refusesBinsOutsideTheTable() {
        assertThatThrownBy(() -> AugmentOp.ROTATE.magnitude(10, 10, 32, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AugmentOp.ROTATE.magnitude(-1, 10, 32, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
