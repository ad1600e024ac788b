package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Bit-exact agreement with torchvision's {@code _apply_op} on PIL images: for every operation,
 * every bin of the 10-bin (AutoAugment) and 31-bin (RandAugment) tables with both signs, on three
 * 32x32 images (full-range noise, a mid-range gradient with noise, a two-level checkerboard), plus
 * extra rotation angles, the CRC32 of all outputs in order equals the one Pillow 9.4.0 produced.
 *
 * <p>The reference values came from this Python script (Pillow 9.4.0, NumPy 1.24; the affine
 * matrix is torchvision's {@code _get_inverse_affine_matrix}, the centre {@code [0, 0]} for shears
 * and the image centre for translations as in {@code F.affine}, fill 0):
 *
 * <pre>{@code
 * def images():  # 3 images, planar RGB 3x32x32, from one LCG
 *     out = []; s = 12345
 *     for kind in range(3):
 *         px = bytearray(3 * 32 * 32)
 *         for i in range(len(px)):
 *             s = (s * 1103515245 + 12345) & 0x7FFFFFFF; noise = (s >> 16) & 0xFF
 *             c, p = divmod(i, 1024); y, x = divmod(p, 32)
 *             if kind == 0: px[i] = noise
 *             elif kind == 1: px[i] = 40 + (x * 3 + y * 2 + c * 7 + noise % 23) % 150
 *             else: px[i] = 60 + 40 * c if (x // 8 + y // 8) % 2 == 0 else 200 - 30 * c
 *         out.append(bytes(px))
 *     return out
 * to_pil = lambda px: Image.fromarray(np.frombuffer(px, np.uint8).reshape(3, 32, 32).transpose(1, 2, 0).copy(), "RGB")
 * from_pil = lambda img: np.asarray(img, np.uint8).transpose(2, 0, 1).tobytes()
 * def affine(img, center, translate, shear):
 *     center = center or [img.size[0] * 0.5, img.size[1] * 0.5]
 *     m = _get_inverse_affine_matrix(center, 0.0, translate, 1.0, shear)  # copied from torchvision
 *     return img.transform(img.size, Image.AFFINE, m, Image.NEAREST, fillcolor=(0, 0, 0))
 * def apply_op(img, op, mag):  # torchvision's _apply_op, PIL branch
 *     ShearX: affine(img, [0, 0], [0, 0], [math.degrees(math.atan(mag)), 0.0]); ShearY likewise
 *     TranslateX: affine(img, None, [int(mag), 0], [0.0, 0.0]); TranslateY likewise
 *     Rotate: img.rotate(mag, Image.NEAREST, False, None, fillcolor=(0, 0, 0))
 *     Brightness/Color/Contrast/Sharpness: ImageEnhance.X(img).enhance(1.0 + mag)
 *     Posterize: ImageOps.posterize(img, int(mag)); Solarize: ImageOps.solarize(img, mag)
 *     AutoContrast/Equalize/Invert: ImageOps.autocontrast/equalize/invert(img)
 * def linspace(start, end, n, k):  # PyTorch's float32 CPU linspace
 *     start, end = np.float32(start), np.float32(end); step = np.float32((end - start) / np.float32(n - 1))
 *     return float(start + step * np.float32(k)) if k < n // 2 else float(end - step * np.float32(n - k - 1))
 * # magnitudes as torchvision's _augmentation_space; posterize: 8 - int(np.round(np.float32(k) / np.float32((n - 1) / 4)))
 * for op in OPS:
 *     crc = 0
 *     for n in (10, 31):
 *         for k in range(n):
 *             for sign in ((1.0, -1.0) if op in SIGNED else (1.0,)):
 *                 for px in images(): crc = zlib.crc32(from_pil(apply_op(to_pil(px), op, sign * magnitude(op, k, n))), crc)
 *     if op == "Rotate":
 *         for a in [90.0, -90.0, 180.0, 270.0, 45.0, -135.0, 360.0, 1e-9]:
 *             for px in images(): crc = zlib.crc32(from_pil(apply_op(to_pil(px), op, a)), crc)
 * }</pre>
 */
class ImageOpsPillowTest {

    private static final Map<AugmentOp, String> PILLOW_CRC32 = new LinkedHashMap<>();

    static {
        PILLOW_CRC32.put(AugmentOp.IDENTITY, "9e849952");
        PILLOW_CRC32.put(AugmentOp.SHEAR_X, "81dc0dff");
        PILLOW_CRC32.put(AugmentOp.SHEAR_Y, "ef7635ea");
        PILLOW_CRC32.put(AugmentOp.TRANSLATE_X, "8ce83e8a");
        PILLOW_CRC32.put(AugmentOp.TRANSLATE_Y, "bf250d3f");
        PILLOW_CRC32.put(AugmentOp.ROTATE, "696da79d");
        PILLOW_CRC32.put(AugmentOp.BRIGHTNESS, "ead941c2");
        PILLOW_CRC32.put(AugmentOp.COLOR, "9a604bae");
        PILLOW_CRC32.put(AugmentOp.CONTRAST, "2a0a7fee");
        PILLOW_CRC32.put(AugmentOp.SHARPNESS, "d27784bb");
        PILLOW_CRC32.put(AugmentOp.POSTERIZE, "1e8a38fc");
        PILLOW_CRC32.put(AugmentOp.SOLARIZE, "e7969810");
        PILLOW_CRC32.put(AugmentOp.AUTO_CONTRAST, "a48dd918");
        PILLOW_CRC32.put(AugmentOp.EQUALIZE, "a334505f");
        PILLOW_CRC32.put(AugmentOp.INVERT, "62f2d704");
    }

    private static final double[] EXTRA_ANGLES = {90.0, -90.0, 180.0, 270.0, 45.0, -135.0, 360.0, 1e-9};

    @Test
    void everyOperationMatchesPillowBitForBit() {
        byte[][] images = images();
        Map<AugmentOp, String> actual = new LinkedHashMap<>();
        for (AugmentOp op : AugmentOp.values()) {
            CRC32 crc = new CRC32();
            for (int bins : new int[] {10, 31}) {
                for (int bin = 0; bin < bins; bin++) {
                    double magnitude = op.magnitude(bin, bins, 32, 32);
                    for (double sign : op.signed() ? new double[] {1.0, -1.0} : new double[] {1.0}) {
                        for (byte[] image : images) {
                            byte[] copy = image.clone();
                            op.apply(copy, 32, 32, sign * magnitude);
                            crc.update(copy);
                        }
                    }
                }
            }
            if (op == AugmentOp.ROTATE) {
                for (double angle : EXTRA_ANGLES) {
                    for (byte[] image : images) {
                        byte[] copy = image.clone();
                        op.apply(copy, 32, 32, angle);
                        crc.update(copy);
                    }
                }
            }
            actual.put(op, String.format("%08x", crc.getValue()));
        }
        assertThat(actual).isEqualTo(PILLOW_CRC32);
        assertThat(PILLOW_CRC32.keySet()).isEqualTo(Set.of(AugmentOp.values()));
    }

    /** The script's three images. */
    static byte[][] images() {
        byte[][] out = new byte[3][];
        long s = 12345;
        for (int kind = 0; kind < 3; kind++) {
            byte[] px = new byte[3 * 32 * 32];
            for (int i = 0; i < px.length; i++) {
                s = (s * 1103515245L + 12345) & 0x7FFFFFFFL;
                int noise = (int) ((s >> 16) & 0xFF);
                int c = i / 1024;
                int y = (i % 1024) / 32;
                int x = i % 32;
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
}
