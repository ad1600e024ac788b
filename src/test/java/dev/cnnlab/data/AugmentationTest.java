package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Crop, padding, flip and normalisation, checked pixel by pixel on a hand-made image. */
class AugmentationTest {

    /** Chosen so that -mean/std (the padding value) is exact: -2, -2, -3. */
    private static final ChannelStats STATS =
            new ChannelStats(new double[] {0.5, 0.4, 0.3}, new double[] {0.25, 0.2, 0.1});

    /** Raw value of channel c at row y, column x: distinct along rows and columns, never 0. */
    private static int value(int c, int y, int x) {
        return 1 + c * 80 + y * 2 + x; // 1..217 for y, x < 32; y and x recoverable within a row or column
    }

    /** Image 1 of a two-image pixel array (image 0 is noise), to exercise the image index. */
    private static byte[] pixels() {
        byte[] px = new byte[2 * 3072];
        for (int i = 0; i < 3072; i++) {
            px[i] = (byte) (i * 31 + 7);
        }
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    px[3072 + c * 1024 + y * 32 + x] = (byte) value(c, y, x);
                }
            }
        }
        return px;
    }

    private static float norm(int c, int raw) {
        return (float) ((raw / 255.0 - STATS.mean()[c]) / STATS.std()[c]);
    }

    private static float padValue(int c) {
        return norm(c, 0);
    }

    private static float at(float[] out, int y, int x, int c) {
        return out[(y * 32 + x) * 3 + c];
    }

    private static float[] run(boolean flip, int ox, int oy, int pad) {
        float[] out = new float[3072 + 5];
        Augmentation.writeNormalizedNhwc(pixels(), 32, 1, STATS, flip, ox, oy, pad, out, 5);
        float[] img = new float[3072];
        System.arraycopy(out, 5, img, 0, 3072);
        return img;
    }

    @Test
    void centredWithoutFlipIsTheIdentity() {
        float[] out = run(false, 4, 4, 4);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(at(out, y, x, c)).isEqualTo(norm(c, value(c, y, x)));
                }
            }
        }
        assertThat(run(false, 0, 0, 0)).isEqualTo(out);
    }

    @Test
    void paddingIsBlackBeforeNormalisation() {
        assertThat(padValue(0)).isEqualTo(-2f);
        assertThat(padValue(2)).isEqualTo(-3f);
        float[] out = run(false, 0, 0, 4); // window shifted up-left: 4 rows and columns of padding
        for (int c = 0; c < 3; c++) {
            assertThat(at(out, 0, 0, c)).isEqualTo(padValue(c));
            assertThat(at(out, 3, 31, c)).isEqualTo(padValue(c));
            assertThat(at(out, 31, 3, c)).isEqualTo(padValue(c));
            assertThat(at(out, 4, 4, c)).isEqualTo(norm(c, value(c, 0, 0)));
            assertThat(at(out, 31, 31, c)).isEqualTo(norm(c, value(c, 27, 27)));
        }
    }

    @Test
    void cropOffsetsMoveTheWindow() {
        float[] out = run(false, 7, 2, 4); // dx = +3, dy = -2
        assertThat(at(out, 0, 0, 1)).isEqualTo(padValue(1));
        assertThat(at(out, 1, 5, 1)).isEqualTo(padValue(1));
        assertThat(at(out, 2, 0, 1)).isEqualTo(norm(1, value(1, 0, 3)));
        assertThat(at(out, 10, 20, 0)).isEqualTo(norm(0, value(0, 8, 23)));
        assertThat(at(out, 31, 28, 2)).isEqualTo(norm(2, value(2, 29, 31)));
        assertThat(at(out, 31, 29, 2)).isEqualTo(padValue(2));
    }

    @Test
    void flipComesAfterTheCrop() {
        // crop at the far left (dx = -4) then flip: output column x is cropped column 31 - x,
        // so the padding ends up on the right
        float[] out = run(true, 0, 4, 4);
        for (int c = 0; c < 3; c++) {
            assertThat(at(out, 0, 0, c)).isEqualTo(norm(c, value(c, 0, 27)));
            assertThat(at(out, 5, 27, c)).isEqualTo(norm(c, value(c, 5, 0)));
            assertThat(at(out, 5, 28, c)).isEqualTo(padValue(c));
            assertThat(at(out, 5, 31, c)).isEqualTo(padValue(c));
        }
        // a plain flip mirrors the image
        float[] flipped = run(true, 4, 4, 4);
        assertThat(at(flipped, 9, 0, 1)).isEqualTo(norm(1, value(1, 9, 31)));
        assertThat(at(flipped, 9, 31, 1)).isEqualTo(norm(1, value(1, 9, 0)));
    }

    @Test
    void everyOffsetAndFlipMatchesANaiveReference() {
        byte[] px = pixels();
        for (int pad : new int[] {0, 2, 4}) {
            for (int oy = 0; oy <= 2 * pad; oy++) {
                for (int ox = 0; ox <= 2 * pad; ox++) {
                    for (boolean flip : new boolean[] {false, true}) {
                        float[] out = new float[3072];
                        Augmentation.writeNormalizedNhwc(px, 32, 1, STATS, flip, ox, oy, pad, out, 0);
                        assertThat(out)
                                .as("pad %d offset (%d, %d) flip %s", pad, ox, oy, flip)
                                .isEqualTo(reference(px, 1, flip, ox, oy, pad));
                    }
                }
            }
        }
    }

    @Test
    void floatBufferPathEqualsArrayPath() {
        byte[] px = pixels();
        FloatBuffer fb = ByteBuffer.allocateDirect(4 * 3072 * 2)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        Augmentation.writeNormalizedNhwc(px, 32, 1, STATS, true, 3, 6, 4, fb, 3072);
        float[] got = new float[3072];
        fb.get(3072, got);
        assertThat(fb.position()).isZero();
        assertThat(got).isEqualTo(run(true, 3, 6, 4));
    }

    @Test
    void rejectsOffsetsOutsideThePaddedImage() {
        float[] out = new float[3072];
        assertThatThrownBy(() -> Augmentation.writeNormalizedNhwc(pixels(), 32, 0, STATS, false, 9, 0, 4, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Augmentation.writeNormalizedNhwc(pixels(), 32, 0, STATS, false, 0, -1, 4, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Pad with zeros, crop, flip, normalise: literally, one step at a time. */
    private static float[] reference(byte[] px, int image, boolean flip, int ox, int oy, int pad) {
        int side = 32 + 2 * pad;
        int[][][] padded = new int[3][side][side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    padded[c][y + pad][x + pad] = px[image * 3072 + c * 1024 + y * 32 + x] & 0xFF;
                }
            }
        }
        int[][][] crop = new int[3][32][32];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    crop[c][y][x] = padded[c][oy + y][ox + x];
                }
            }
        }
        float[] out = new float[3072];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < 3; c++) {
                    out[(y * 32 + x) * 3 + c] = norm(c, crop[c][y][flip ? 31 - x : x]);
                }
            }
        }
        return out;
    }
}
