package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ImageOpsPillowTest} at sides 16 and 64: every operation at every bin of the 10- and
 * 31-bin tables, both signs, translations at 150/331 of the side, on the same three kinds of image
 * made at that side, plus the extra rotation angles, agrees with Pillow 9.4.0 bit for bit. The
 * reference CRC32s are {@code src/test/resources/dev/cnnlab/technique/pillow_sizes.txt}, written by
 * {@code make_pillow_sizes.py} beside it (ImageOpsPillowTest's script with the side as a
 * parameter; at side 32 it reproduces that test's values).
 */
class ImageOpsPillowSizesTest {

    private static final double[] EXTRA_ANGLES = {90.0, -90.0, 180.0, 270.0, 45.0, -135.0, 360.0, 1e-9};

    @ParameterizedTest
    @ValueSource(ints = {16, 64})
    void everyOperationMatchesPillowBitForBit(int side) {
        Map<AugmentOp, String> expected = new LinkedHashMap<>();
        for (String line : Fixtures.resourceLines("/dev/cnnlab/technique/pillow_sizes.txt")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && Integer.parseInt(f[0]) == side) {
                expected.put(AugmentOp.valueOf(f[1]), f[2]);
            }
        }
        assertThat(expected.keySet()).containsExactly(AugmentOp.values());

        byte[][] images = images(side);
        Map<AugmentOp, String> actual = new LinkedHashMap<>();
        for (AugmentOp op : AugmentOp.values()) {
            CRC32 crc = new CRC32();
            for (int bins : new int[] {10, 31}) {
                for (int bin = 0; bin < bins; bin++) {
                    double magnitude = op.magnitude(bin, bins, side, side);
                    for (double sign : op.signed() ? new double[] {1.0, -1.0} : new double[] {1.0}) {
                        for (byte[] image : images) {
                            byte[] copy = image.clone();
                            op.apply(copy, side, side, sign * magnitude);
                            crc.update(copy);
                        }
                    }
                }
            }
            if (op == AugmentOp.ROTATE) {
                for (double angle : EXTRA_ANGLES) {
                    for (byte[] image : images) {
                        byte[] copy = image.clone();
                        op.apply(copy, side, side, angle);
                        crc.update(copy);
                    }
                }
            }
            actual.put(op, String.format("%08x", crc.getValue()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The script's three images at {@code side x side}; at 32 exactly ImageOpsPillowTest's. */
    static byte[][] images(int side) {
        int plane = side * side;
        byte[][] out = new byte[3][];
        long s = 12345;
        for (int kind = 0; kind < 3; kind++) {
            byte[] px = new byte[3 * plane];
            for (int i = 0; i < px.length; i++) {
                s = (s * 1103515245L + 12345) & 0x7FFFFFFFL;
                int noise = (int) ((s >> 16) & 0xFF);
                int c = i / plane;
                int y = (i % plane) / side;
                int x = i % side;
                int v = switch (kind) {
                    case 0 -> noise;
                    case 1 -> 40 + (x * 3 + y * 2 + c * 7 + noise % 23) % 150;
                    default -> ((x / 8 + y / 8) % 2 == 0) ? 60 + 40 * c : 200 - 30 * c;
                };
                px[i] = (byte) v;
            }
            out[kind] = px;
        }
        return out;
    }

    @Test
    void theImagesAt32AreImageOpsPillowTests() {
        byte[][] here = images(32);
        byte[][] there = ImageOpsPillowTest.images();
        for (int k = 0; k < 3; k++) {
            assertThat(here[k]).isEqualTo(there[k]);
        }
    }
}
