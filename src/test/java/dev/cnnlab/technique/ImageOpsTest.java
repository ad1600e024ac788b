package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each operation on tiny hand-made planar RGB images, with values worked out by hand. */
class ImageOpsTest {

    /** A planar image whose three planes all hold {@code values} (row-major, width x height). */
    private static byte[] gray(int... values) {
        byte[] image = new byte[values.length * 3];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < values.length; i++) {
                image[c * values.length + i] = (byte) values[i];
            }
        }
        return image;
    }

    /** Plane {@code c} of an image as unsigned ints. */
    private static int[] plane(byte[] image, int c) {
        int n = image.length / 3;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = image[c * n + i] & 0xFF;
        }
        return out;
    }

    private static byte[] filled(int side, int value) {
        byte[] image = new byte[3 * side * side];
        Arrays.fill(image, (byte) value);
        return image;
    }

    @Test
    void invertMapsVTo255MinusV() {
        byte[] image = gray(0, 255, 100, 1);
        ImageOps.invert(image, 2, 2);
        assertThat(plane(image, 0)).containsExactly(255, 0, 155, 254);
        assertThat(plane(image, 2)).containsExactly(255, 0, 155, 254);
    }

    @Test
    void posterizeKeepsTheHighBits() {
        byte[] image = gray(0b10110111, 0b01001111, 255, 0);
        ImageOps.posterize(image, 2, 2, 4);
        assertThat(plane(image, 1)).containsExactly(0b10110000, 0b01000000, 0b11110000, 0);
        byte[] same = gray(0b10110111, 7, 255, 0);
        ImageOps.posterize(same, 2, 2, 8);
        assertThat(plane(same, 0)).containsExactly(0b10110111, 7, 255, 0);
        assertThatThrownBy(() -> ImageOps.posterize(gray(1), 1, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void solarizeInvertsValuesAtOrAboveTheThreshold() {
        byte[] image = gray(127, 128, 200, 0);
        ImageOps.solarize(image, 2, 2, 128);
        assertThat(plane(image, 0)).containsExactly(127, 127, 55, 0);
        byte[] top = gray(254, 255, 0, 10);
        ImageOps.solarize(top, 2, 2, 255); // bin 0 of the table: only 255 flips
        assertThat(plane(top, 2)).containsExactly(254, 0, 0, 10);
        byte[] half = gray(178, 179, 0, 10);
        ImageOps.solarize(half, 2, 2, 178.5); // RandAugment's m = 9 threshold
        assertThat(plane(half, 0)).containsExactly(178, 76, 0, 10);
    }

    @Test
    void brightnessFactorZeroIsBlackAndAboveOneClips() {
        byte[] image = gray(100, 200, 255, 3);
        ImageOps.brightness(image, 2, 2, 0.0);
        assertThat(plane(image, 0)).containsExactly(0, 0, 0, 0);
        byte[] bright = gray(100, 200, 255, 3);
        ImageOps.brightness(bright, 2, 2, 1.5);
        assertThat(plane(bright, 1)).containsExactly(150, 255, 255, 4); // 4.5 truncates to 4
        byte[] dim = gray(100, 200, 255, 3);
        ImageOps.brightness(dim, 2, 2, 0.5);
        assertThat(plane(dim, 2)).containsExactly(50, 100, 127, 1);
    }

    @Test
    void lumaIsPillowsFixedPointRec601() {
        assertThat(ImageOps.luma(255, 0, 0)).isEqualTo(76);
        assertThat(ImageOps.luma(0, 255, 0)).isEqualTo(150);
        assertThat(ImageOps.luma(0, 0, 255)).isEqualTo(29);
        assertThat(ImageOps.luma(255, 255, 255)).isEqualTo(255);
        assertThat(ImageOps.luma(77, 77, 77)).isEqualTo(77);
    }

    @Test
    void colorFactorZeroIsGrayscaleAndGrayIsAFixedPoint() {
        byte[] red = {(byte) 255, 0, 0}; // one pixel: R=255, G=0, B=0
        ImageOps.color(red, 1, 1, 0.0);
        assertThat(red).containsExactly(76, 76, 76);
        byte[] grayImage = gray(10, 20, 30, 40);
        ImageOps.color(grayImage, 2, 2, 1.9);
        assertThat(plane(grayImage, 0)).containsExactly(10, 20, 30, 40);
        byte[] pixel = {100, 50, 0}; // luma (100*19595 + 50*38470 + 32768) >> 16 = 59
        ImageOps.color(pixel, 1, 1, 0.5); // 59 + 0.5 * (v - 59), truncated
        assertThat(new int[] {pixel[0], pixel[1], pixel[2]}).containsExactly(79, 54, 29);
    }

    @Test
    void contrastBlendsWithTheRoundedMeanGray() {
        int[] values = new int[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i < 8 ? 0 : 255; // mean 127.5 -> 128
        }
        byte[] image = gray(values);
        ImageOps.contrast(image, 4, 4, 0.0);
        assertThat(plane(image, 0)).containsOnly(128);
        byte[] stretch = gray(100, 156, 100, 156); // mean 128
        ImageOps.contrast(stretch, 2, 2, 2.0);
        assertThat(plane(stretch, 1)).containsExactly(72, 184, 72, 184);
    }

    @Test
    void sharpnessBlendsWithTheSmoothedImageKeepingBorders() {
        byte[] image = gray(0, 0, 0, 0, 130, 0, 0, 0, 0);
        byte[] smoothed = image.clone();
        ImageOps.sharpness(smoothed, 3, 3, 0.0); // the SMOOTH filter itself: 130 * 5/13 = 50
        assertThat(plane(smoothed, 0)).containsExactly(0, 0, 0, 0, 50, 0, 0, 0, 0);
        byte[] sharp = image.clone();
        ImageOps.sharpness(sharp, 3, 3, 2.0); // 50 + 2 * (130 - 50)
        assertThat(plane(sharp, 2)).containsExactly(0, 0, 0, 0, 210, 0, 0, 0, 0);
        byte[] ring = gray(13, 13, 13, 13, 0, 13, 13, 13, 13);
        ImageOps.sharpness(ring, 3, 3, 0.0); // (8 * 13) / 13 = 8, border kept
        assertThat(plane(ring, 1)).containsExactly(13, 13, 13, 13, 8, 13, 13, 13, 13);
        byte[] tiny = gray(0, 255, 9, 1);
        ImageOps.sharpness(tiny, 2, 2, 0.0); // under 3x3: Pillow does not filter
        assertThat(plane(tiny, 0)).containsExactly(0, 255, 9, 1);
    }

    @Test
    void autoContrastStretchesEachChannelToTheFullRange() {
        byte[] image = new byte[3 * 4];
        byte[] r = {10, 30, 61, 20}; // lo 10, hi 61: scale 5, offset -50
        byte[] g = {0, (byte) 255, 7, 9}; // already full range
        byte[] b = {42, 42, 42, 42}; // one value: left alone
        System.arraycopy(r, 0, image, 0, 4);
        System.arraycopy(g, 0, image, 4, 4);
        System.arraycopy(b, 0, image, 8, 4);
        ImageOps.autoContrast(image, 2, 2);
        assertThat(plane(image, 0)).containsExactly(0, 100, 255, 50);
        assertThat(plane(image, 1)).containsExactly(0, 255, 7, 9);
        assertThat(plane(image, 2)).containsExactly(42, 42, 42, 42);
    }

    @Test
    void equalizeFollowsPillowsCumulativeTable() {
        // 32x32: 512 pixels of 10, 256 of 100, 256 of 200. step = (1024 - 256) / 255 = 3;
        // lut[10] = (3/2) / 3 = 0, lut[100] = (1 + 512) / 3 = 171, lut[200] = 769 / 3 = 256 -> 255
        int[] values = new int[1024];
        for (int i = 0; i < 1024; i++) {
            values[i] = i < 512 ? 10 : i < 768 ? 100 : 200;
        }
        byte[] image = gray(values);
        ImageOps.equalize(image, 32, 32);
        int[] out = plane(image, 0);
        assertThat(out[0]).isEqualTo(0);
        assertThat(out[600]).isEqualTo(171);
        assertThat(out[1000]).isEqualTo(255);
        // A two-value image goes to the extremes.
        int[] two = new int[1024];
        for (int i = 0; i < 1024; i++) {
            two[i] = i % 2 == 0 ? 90 : 140;
        }
        byte[] binary = gray(two);
        ImageOps.equalize(binary, 32, 32);
        assertThat(plane(binary, 2)).containsOnly(0, 255);
        assertThat(plane(binary, 2)[0]).isZero();
        // Too few pixels for a step of 1: Pillow leaves the image alone.
        byte[] small = gray(1, 2, 3, 4);
        ImageOps.equalize(small, 2, 2);
        assertThat(plane(small, 0)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void translateByOnePixelShiftsAndZeroFills() {
        byte[] image = gray(1, 2, 3, 4, 5, 6, 7, 8, 9); // 3x3
        ImageOps.translateX(image, 3, 3, 1);
        assertThat(plane(image, 0)).containsExactly(0, 1, 2, 0, 4, 5, 0, 7, 8);
        byte[] left = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.translateX(left, 3, 3, -1);
        assertThat(plane(left, 1)).containsExactly(2, 3, 0, 5, 6, 0, 8, 9, 0);
        byte[] down = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.translateY(down, 3, 3, 1);
        assertThat(plane(down, 2)).containsExactly(0, 0, 0, 1, 2, 3, 4, 5, 6);
        byte[] up = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.translateY(up, 3, 3, -2);
        assertThat(plane(up, 0)).containsExactly(7, 8, 9, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void rotateNinetyDegreesIsCounterClockwise() {
        byte[] image = gray(1, 2, 3, 4, 5, 6, 7, 8, 9); // corners TL 1, TR 3, BL 7, BR 9
        ImageOps.rotate(image, 3, 3, 90);
        // counter-clockwise: TR -> TL, BR -> TR, TL -> BL, BL -> BR
        assertThat(plane(image, 0)).containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
        byte[] clockwise = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.rotate(clockwise, 3, 3, -90);
        assertThat(plane(clockwise, 1)).containsExactly(7, 4, 1, 8, 5, 2, 9, 6, 3);
        byte[] half = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.rotate(half, 3, 3, 540);
        assertThat(plane(half, 2)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
        byte[] none = gray(1, 2, 3, 4, 5, 6, 7, 8, 9);
        ImageOps.rotate(none, 3, 3, -360);
        assertThat(plane(none, 0)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void theAffineSamplerAgreesWithPillowsExactTransposes() {
        byte[] image = ImageOpsPillowTest.images()[0];
        for (int angle : new int[] {90, 180, 270}) {
            byte[] fast = image.clone();
            ImageOps.rotate(fast, 32, 32, angle);
            byte[] sampled = image.clone();
            ImageOps.affine(sampled, 32, 32, ImageOps.rotationMatrix(angle, 32, 32));
            assertThat(sampled).as("rotation by %d", angle).isEqualTo(fast);
        }
    }

    @Test
    void rotateSmallAngleMovesOffCentrePixelsAndFillsCornersWithZero() {
        byte[] image = filled(8, 200);
        ImageOps.rotate(image, 8, 8, 30);
        int[] out = plane(image, 0);
        assertThat(out[0]).isZero(); // corners come from outside the image
        assertThat(out[63]).isZero();
        assertThat(out[3 * 8 + 3]).isEqualTo(200); // the centre stays inside
    }

    @Test
    void shearXShiftsRowsInProportionToTheirDistanceFromTheTop() {
        // source column floor(x + 0.5 + 0.5 * (y + 0.5)): offset 0 on row 0, 1 on rows 1-2, 2 on row 3
        byte[] image = gray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        ImageOps.shearX(image, 4, 4, 0.5);
        assertThat(plane(image, 0)).containsExactly(1, 2, 3, 4, 6, 7, 8, 0, 10, 11, 12, 0, 15, 16, 0, 0);
        byte[] back = gray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        ImageOps.shearX(back, 4, 4, -0.5); // floor(x + 0.5 - 0.5 (y + 0.5)): 0, -1, -1, -2
        assertThat(plane(back, 1)).containsExactly(1, 2, 3, 4, 0, 5, 6, 7, 0, 9, 10, 11, 0, 0, 13, 14);
    }

    @Test
    void shearYShiftsColumnsInProportionToTheirDistanceFromTheLeft() {
        byte[] image = gray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        ImageOps.shearY(image, 4, 4, 0.5);
        assertThat(plane(image, 2)).containsExactly(1, 6, 7, 12, 5, 10, 11, 16, 9, 14, 15, 0, 13, 0, 0, 0);
    }

    @Test
    void pythonSemanticsForAngleModuloAndRounding() {
        assertThat(ImageOps.pythonMod360(-90)).isEqualTo(270.0);
        assertThat(ImageOps.pythonMod360(720)).isEqualTo(0.0);
        assertThat(ImageOps.pythonMod360(-6.5)).isEqualTo(353.5);
        assertThat(ImageOps.round15(Math.cos(Math.PI / 2))).isEqualTo(0.0);
        assertThat(ImageOps.round15(0.1234567890123456789)).isEqualTo(0.123456789012346);
    }

    @Test
    void refusesImagesOfTheWrongSize() {
        assertThatThrownBy(() -> ImageOps.invert(new byte[10], 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x2");
        assertThatThrownBy(() -> ImageGeometry.side(100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ImageGeometry.side(3072)).isEqualTo(32);
    }
}
