package dev.cnnlab.technique;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The image operations of AutoAugment and RandAugment, on raw planar RGB bytes, reproducing what
 * torchvision does to a PIL image: each method is named after, and documented with, the
 * torchvision function and the Pillow code it follows, down to Pillow's integer and
 * single-precision arithmetic, so that results match Pillow pixel for pixel where the same
 * arithmetic is used.
 *
 * <p>Images are {@code 3 * width * height} bytes: planes R, G, B, each row-major; values are
 * unsigned (0..255). Every operation works in place, at any size: nothing here assumes 32x32
 * (magnitudes that scale with the image, the translations, are scaled by {@link AugmentOp}).
 *
 * <p>Sources: torchvision {@code transforms/functional.py} ({@code affine}, {@code rotate},
 * {@code _get_inverse_affine_matrix}) and {@code _functional_pil.py}; Pillow {@code ImageOps.py}
 * ({@code autocontrast}, {@code equalize}, {@code invert}, {@code posterize}, {@code solarize}),
 * {@code ImageEnhance.py} ({@code Brightness}, {@code Color}, {@code Contrast}, {@code
 * Sharpness}), {@code ImageFilter.SMOOTH}, {@code Image.rotate}, and the C code in {@code
 * libImaging}: {@code Blend.c}, {@code Filter.c} ({@code ImagingFilter3x3}), {@code Convert.c}
 * ({@code rgb2l}), {@code Geometry.c} ({@code ImagingTransformAffine}, nearest neighbour).
 *
 * <p>{@code ImageOpsPillowTest} checks every operation at every magnitude of the AutoAugment and
 * RandAugment tables, both signs, against Pillow 9.4.0 bit for bit. Trigonometry uses {@link
 * StrictMath} (fdlibm), which may differ from the C library in the last bit for some angles; after
 * Pillow's rounding of the matrix this has not changed a pixel in those checks.
 */
public final class ImageOps {

    /** Colour planes. */
    public static final int CHANNELS = ImageGeometry.CHANNELS;

    private ImageOps() {}

    // ---------------------------------------------------------------- look-up-table operations

    /** {@code ImageOps.invert}: {@code v -> 255 - v}. */
    public static void invert(byte[] image, int width, int height) {
        check(image, width, height);
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (255 - (image[i] & 0xFF));
        }
    }

    /**
     * {@code ImageOps.posterize(image, bits)}: keeps the {@code bits} high bits, {@code v & ~(2^(8 -
     * bits) - 1)}.
     */
    public static void posterize(byte[] image, int width, int height, int bits) {
        check(image, width, height);
        if (bits < 0 || bits > 8) {
            throw new IllegalArgumentException("posterize bits must be in [0, 8], got " + bits);
        }
        int mask = ~((1 << (8 - bits)) - 1);
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (image[i] & mask);
        }
    }

    /** {@code ImageOps.solarize(image, threshold)}: {@code v < threshold ? v : 255 - v}. */
    public static void solarize(byte[] image, int width, int height, double threshold) {
        check(image, width, height);
        for (int i = 0; i < image.length; i++) {
            int v = image[i] & 0xFF;
            image[i] = (byte) (v < threshold ? v : 255 - v);
        }
    }

    /**
     * {@code ImageOps.autocontrast(image)} (cutoff 0): per channel, the lowest value {@code lo}
     * and highest {@code hi} present are stretched to 0 and 255 by the table {@code v ->
     * clip((int) (v * scale + offset))}, {@code scale = 255.0 / (hi - lo)}, {@code offset = -lo *
     * scale}; a channel with a single value is left alone.
     */
    public static void autoContrast(byte[] image, int width, int height) {
        check(image, width, height);
        int plane = width * height;
        for (int c = 0; c < CHANNELS; c++) {
            int[] histogram = histogram(image, c * plane, plane);
            int lo = 0;
            while (lo < 256 && histogram[lo] == 0) {
                lo++;
            }
            int hi = 255;
            while (hi >= 0 && histogram[hi] == 0) {
                hi--;
            }
            if (hi <= lo) {
                continue;
            }
            double scale = 255.0 / (hi - lo);
            double offset = -lo * scale;
            int[] lut = new int[256];
            for (int v = 0; v < 256; v++) {
                lut[v] = clip8((int) (v * scale + offset));
            }
            applyLut(image, c * plane, plane, lut);
        }
    }

    /**
     * {@code ImageOps.equalize(image)}: per channel, with the histogram {@code h} and {@code step =
     * (count - h[last used value]) / 255} (integer division), the table is {@code lut[i] = n_i /
     * step} with {@code n_0 = step / 2}, {@code n_{i+1} = n_i + h[i]}, clipped to 255 as Pillow's
     * {@code point()} does. A channel with fewer than two values, or {@code step == 0}, is left
     * alone.
     */
    public static void equalize(byte[] image, int width, int height) {
        check(image, width, height);
        int plane = width * height;
        for (int c = 0; c < CHANNELS; c++) {
            int[] histogram = histogram(image, c * plane, plane);
            int used = 0;
            int last = 0;
            int total = 0;
            for (int v = 0; v < 256; v++) {
                if (histogram[v] > 0) {
                    used++;
                    last = histogram[v];
                    total += histogram[v];
                }
            }
            if (used <= 1) {
                continue;
            }
            int step = (total - last) / 255;
            if (step == 0) {
                continue;
            }
            int[] lut = new int[256];
            int n = step / 2;
            for (int v = 0; v < 256; v++) {
                lut[v] = clip8(n / step);
                n += histogram[v];
            }
            applyLut(image, c * plane, plane, lut);
        }
    }

    // ---------------------------------------------------------------- ImageEnhance

    /** {@code ImageEnhance.Brightness(image).enhance(factor)}: blend with a black image. */
    public static void brightness(byte[] image, int width, int height, double factor) {
        check(image, width, height);
        blend(new byte[image.length], image, factor);
    }

    /**
     * {@code ImageEnhance.Color(image).enhance(factor)} (torchvision's {@code adjust_saturation}):
     * blend with the image's grayscale version ({@link #luma}).
     */
    public static void color(byte[] image, int width, int height, double factor) {
        check(image, width, height);
        int plane = width * height;
        byte[] gray = new byte[image.length];
        for (int i = 0; i < plane; i++) {
            byte l = (byte) luma(image[i] & 0xFF, image[plane + i] & 0xFF, image[2 * plane + i] & 0xFF);
            gray[i] = l;
            gray[plane + i] = l;
            gray[2 * plane + i] = l;
        }
        blend(gray, image, factor);
    }

    /**
     * {@code ImageEnhance.Contrast(image).enhance(factor)}: blend with a uniform image of the mean
     * grayscale value, {@code (int) (mean(luma) + 0.5)}.
     */
    public static void contrast(byte[] image, int width, int height, double factor) {
        check(image, width, height);
        int plane = width * height;
        long sum = 0;
        for (int i = 0; i < plane; i++) {
            sum += luma(image[i] & 0xFF, image[plane + i] & 0xFF, image[2 * plane + i] & 0xFF);
        }
        int mean = (int) ((double) sum / plane + 0.5);
        byte[] degenerate = new byte[image.length];
        java.util.Arrays.fill(degenerate, (byte) mean);
        blend(degenerate, image, factor);
    }

    /**
     * {@code ImageEnhance.Sharpness(image).enhance(factor)}: blend with {@code
     * image.filter(ImageFilter.SMOOTH)}, the 3x3 kernel {@code [1 1 1; 1 5 1; 1 1 1] / 13} applied
     * per channel in single precision with {@code +0.5} rounding and clipping, the one-pixel border
     * copied unchanged ({@code ImagingFilter3x3}); images under 3x3 are not filtered.
     */
    public static void sharpness(byte[] image, int width, int height, double factor) {
        check(image, width, height);
        blend(smooth(image, width, height), image, factor);
    }

    /** {@code ImageFilter.SMOOTH} as Pillow computes it; see {@link #sharpness}. */
    static byte[] smooth(byte[] image, int width, int height) {
        byte[] out = image.clone();
        if (width < 3 || height < 3) {
            return out;
        }
        // _imaging.c divides the kernel by the divisor in float; Filter.c adds 0.5 for rounding.
        float k1 = 1f / 13f;
        float k5 = 5f / 13f;
        float[] k = {k1, k1, k1, k1, k5, k1, k1, k1, k1};
        int plane = width * height;
        for (int c = 0; c < CHANNELS; c++) {
            int base = c * plane;
            for (int y = 1; y < height - 1; y++) {
                int below = base + (y + 1) * width;
                int row = base + y * width;
                int above = base + (y - 1) * width;
                for (int x = 1; x < width - 1; x++) {
                    float ss = 0.5f;
                    ss += kernel1x3(image, below + x, k, 0);
                    ss += kernel1x3(image, row + x, k, 3);
                    ss += kernel1x3(image, above + x, k, 6);
                    out[row + x] = (byte) clip8(ss);
                }
            }
        }
        return out;
    }

    /** Filter.c's {@code KERNEL1x3}: three products summed left to right in float. */
    private static float kernel1x3(byte[] image, int at, float[] k, int from) {
        return (float) (image[at - 1] & 0xFF) * k[from]
                + (float) (image[at] & 0xFF) * k[from + 1]
                + (float) (image[at + 1] & 0xFF) * k[from + 2];
    }

    /**
     * {@code Image.blend(degenerate, image, factor)} written into {@code image}, as Blend.c: with
     * {@code alpha = (float) factor}, {@code out = (uint8) (d + alpha * (v - d))} computed in
     * float, clipped to [0, 255] when {@code alpha} is outside [0, 1]; alpha 0 gives {@code
     * degenerate}, 1 the image.
     */
    static void blend(byte[] degenerate, byte[] image, double factor) {
        float alpha = (float) factor;
        if (alpha == 1f) {
            return;
        }
        if (alpha == 0f) {
            System.arraycopy(degenerate, 0, image, 0, image.length);
            return;
        }
        boolean interpolate = alpha >= 0 && alpha <= 1.0;
        for (int i = 0; i < image.length; i++) {
            int d = degenerate[i] & 0xFF;
            int v = image[i] & 0xFF;
            float temp = d + alpha * (v - d);
            int out;
            if (interpolate) {
                out = (int) temp;
            } else if (temp <= 0.0) {
                out = 0;
            } else if (temp >= 255.0) {
                out = 255;
            } else {
                out = (int) temp;
            }
            image[i] = (byte) out;
        }
    }

    /**
     * Pillow's RGB to L conversion (Convert.c {@code rgb2l}, ITU-R 601-2 luma in 16.16 fixed
     * point): {@code (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16}.
     */
    public static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    // ---------------------------------------------------------------- geometry

    /**
     * torchvision's {@code ShearX} op: {@code F.affine(img, angle=0, translate=[0, 0], scale=1,
     * shear=[degrees(atan(magnitude)), 0], center=[0, 0])}, i.e. the source of output pixel
     * {@code (x, y)} is {@code (x + magnitude * y, y)} about the top-left corner, nearest
     * neighbour, fill 0.
     */
    public static void shearX(byte[] image, int width, int height, double magnitude) {
        double degrees = Math.toDegrees(StrictMath.atan(magnitude));
        affine(image, width, height, inverseAffineMatrix(0, 0, 0.0, 0, 0, 1.0, degrees, 0.0));
    }

    /** torchvision's {@code ShearY} op: as {@link #shearX} with {@code shear=[0, degrees(atan(m))]}. */
    public static void shearY(byte[] image, int width, int height, double magnitude) {
        double degrees = Math.toDegrees(StrictMath.atan(magnitude));
        affine(image, width, height, inverseAffineMatrix(0, 0, 0.0, 0, 0, 1.0, 0.0, degrees));
    }

    /**
     * torchvision's {@code TranslateX} op: {@code F.affine(img, translate=[pixels, 0])} about the
     * centre; positive {@code pixels} moves the content right, vacated pixels become 0.
     */
    public static void translateX(byte[] image, int width, int height, int pixels) {
        affine(image, width, height, inverseAffineMatrix(width * 0.5, height * 0.5, 0.0, pixels, 0, 1.0, 0.0, 0.0));
    }

    /** torchvision's {@code TranslateY} op: positive {@code pixels} moves the content down. */
    public static void translateY(byte[] image, int width, int height, int pixels) {
        affine(image, width, height, inverseAffineMatrix(width * 0.5, height * 0.5, 0.0, 0, pixels, 1.0, 0.0, 0.0));
    }

    /**
     * torchvision's {@code Rotate} op, {@code F.rotate(img, degrees)} = Pillow's {@code
     * Image.rotate(degrees, NEAREST, expand=False, fillcolor=0)}: counter-clockwise about the
     * centre {@code (w / 2, h / 2)}. As Pillow: the angle is taken modulo 360 (Python semantics);
     * 0 is the identity, 180 (and 90 and 270 on square images) are exact transposes, any other
     * angle goes through the affine sampler with {@code cos} and {@code sin} rounded to 15 decimals.
     */
    public static void rotate(byte[] image, int width, int height, double degrees) {
        check(image, width, height);
        double angle = pythonMod360(degrees);
        if (angle == 0) {
            return;
        }
        if (angle == 180 || ((angle == 90 || angle == 270) && width == height)) {
            transpose(image, width, height, (int) angle);
            return;
        }
        affine(image, width, height, rotationMatrix(angle, width, height));
    }

    /** Pillow's inverse matrix for {@code rotate(angle)} (angle already in [0, 360)). */
    static double[] rotationMatrix(double angle, int width, int height) {
        double radians = -Math.toRadians(angle);
        double cos = round15(StrictMath.cos(radians));
        double sin = round15(StrictMath.sin(radians));
        double[] m = {cos, sin, 0.0, round15(-StrictMath.sin(radians)), cos, 0.0};
        double cx = width / 2.0;
        double cy = height / 2.0;
        double c = m[0] * -cx + m[1] * -cy + m[2];
        double f = m[3] * -cx + m[4] * -cy + m[5];
        m[2] = c + cx;
        m[5] = f + cy;
        return m;
    }

    /** Pillow's exact rotations by 90, 180 and 270 degrees counter-clockwise (Geometry.c). */
    private static void transpose(byte[] image, int width, int height, int angle) {
        int plane = width * height;
        byte[] src = image.clone();
        for (int c = 0; c < CHANNELS; c++) {
            int base = c * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int from = switch (angle) {
                        case 90 -> (x) * width + (width - 1 - y);
                        case 180 -> (height - 1 - y) * width + (width - 1 - x);
                        case 270 -> (height - 1 - x) * width + y;
                        default -> throw new IllegalArgumentException("not a transpose angle: " + angle);
                    };
                    image[base + y * width + x] = src[base + from];
                }
            }
        }
    }

    /**
     * torchvision's {@code _get_inverse_affine_matrix(center, angle, translate, scale, shear)}: the
     * matrix {@code (a, b, c, d, e, f)} mapping output to input coordinates, {@code x_in = a x + b
     * y + c}, {@code y_in = d x + e y + f}, of {@code T * C * R(angle) S(scale) SHy SHx * C^-1}.
     * Angles in degrees.
     */
    static double[] inverseAffineMatrix(
            double cx, double cy, double angle, double tx, double ty, double scale, double shearX, double shearY) {
        double rot = Math.toRadians(angle);
        double sx = Math.toRadians(shearX);
        double sy = Math.toRadians(shearY);
        double a = StrictMath.cos(rot - sy) / StrictMath.cos(sy);
        double b = -StrictMath.cos(rot - sy) * StrictMath.tan(sx) / StrictMath.cos(sy) - StrictMath.sin(rot);
        double c = StrictMath.sin(rot - sy) / StrictMath.cos(sy);
        double d = -StrictMath.sin(rot - sy) * StrictMath.tan(sx) / StrictMath.cos(sy) + StrictMath.cos(rot);
        double[] m = {d, -b, 0.0, -c, a, 0.0};
        for (int i = 0; i < m.length; i++) {
            m[i] = m[i] / scale;
        }
        m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
        m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
        m[2] += cx;
        m[5] += cy;
        return m;
    }

    /**
     * Pillow's {@code Image.transform(size, AFFINE, a, NEAREST, fillcolor=0)}
     * ({@code ImagingTransformAffine}): output pixel {@code (x, y)} takes the input pixel at
     * {@code floor(a (x + 0.5) + b (y + 0.5) + c)}, {@code floor(d (x + 0.5) + e (y + 0.5) + f)},
     * or 0 outside the image. Computed the way Pillow does: a pure scale/translation ({@code b =
     * d = 0}) with doubles accumulated along the axes; anything else in 16.16 fixed point when the
     * corners are within +-32768, else with doubles accumulated per row and column.
     */
    static void affine(byte[] image, int width, int height, double[] a) {
        check(image, width, height);
        int plane = width * height;
        int[] source = new int[plane];
        java.util.Arrays.fill(source, -1);
        if (a[1] == 0 && a[3] == 0) {
            int[] columns = new int[width];
            double xo = a[2] + a[0] * 0.5;
            for (int x = 0; x < width; x++) {
                int xin = coord(xo);
                columns[x] = xin >= 0 && xin < width ? xin : -1;
                xo += a[0];
            }
            double yo = a[5] + a[4] * 0.5;
            for (int y = 0; y < height; y++) {
                int yin = coord(yo);
                if (yin >= 0 && yin < height) {
                    for (int x = 0; x < width; x++) {
                        if (columns[x] >= 0) {
                            source[y * width + x] = yin * width + columns[x];
                        }
                    }
                }
                yo += a[4];
            }
        } else if (checkFixed(a, 0, 0)
                && checkFixed(a, width, height)
                && checkFixed(a, 0, height)
                && checkFixed(a, width, 0)) {
            int a0 = fix(a[0]);
            int a1 = fix(a[1]);
            int a3 = fix(a[3]);
            int a4 = fix(a[4]);
            int a2 = fix(a[2] + a[0] * 0.5 + a[1] * 0.5);
            int a5 = fix(a[5] + a[3] * 0.5 + a[4] * 0.5);
            for (int y = 0; y < height; y++) {
                int xx = a2;
                int yy = a5;
                for (int x = 0; x < width; x++) {
                    int xin = xx >> 16;
                    int yin = yy >> 16;
                    if (xin >= 0 && xin < width && yin >= 0 && yin < height) {
                        source[y * width + x] = yin * width + xin;
                    }
                    xx += a0;
                    yy += a3;
                }
                a2 += a1;
                a5 += a4;
            }
        } else {
            double xo = a[2] + a[1] * 0.5 + a[0] * 0.5;
            double yo = a[5] + a[4] * 0.5 + a[3] * 0.5;
            for (int y = 0; y < height; y++) {
                double xx = xo;
                double yy = yo;
                for (int x = 0; x < width; x++) {
                    int xin = coord(xx);
                    int yin = coord(yy);
                    if (xin >= 0 && xin < width && yin >= 0 && yin < height) {
                        source[y * width + x] = yin * width + xin;
                    }
                    xx += a[0];
                    yy += a[3];
                }
                xo += a[1];
                yo += a[4];
            }
        }
        byte[] src = image.clone();
        for (int c = 0; c < CHANNELS; c++) {
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                image[base + i] = source[i] < 0 ? 0 : src[base + source[i]];
            }
        }
    }

    /** Geometry.c {@code COORD}: -1 for negative coordinates, else truncation. */
    private static int coord(double v) {
        return v < 0.0 ? -1 : (int) v;
    }

    /** Geometry.c {@code FIX}: 16.16 fixed point, {@code floor(v * 65536 + 0.5)}. */
    private static int fix(double v) {
        return (int) Math.floor(v * 65536.0 + 0.5);
    }

    /** Geometry.c {@code check_fixed}. */
    private static boolean checkFixed(double[] a, int x, int y) {
        return Math.abs(x * a[0] + y * a[1] + a[2]) < 32768.0 && Math.abs(x * a[3] + y * a[4] + a[5]) < 32768.0;
    }

    /** Python's {@code angle % 360.0}: {@code fmod}, then shifted into [0, 360). */
    static double pythonMod360(double angle) {
        double mod = angle % 360.0;
        if (mod != 0) {
            if (mod < 0) {
                mod += 360.0;
            }
        } else {
            mod = 0.0;
        }
        return mod;
    }

    /** Python's {@code round(x, 15)}: the exact binary value rounded half-even to 15 decimals. */
    static double round15(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double r = new BigDecimal(x).setScale(15, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    // ---------------------------------------------------------------- helpers

    private static int[] histogram(byte[] image, int from, int length) {
        int[] histogram = new int[256];
        for (int i = from; i < from + length; i++) {
            histogram[image[i] & 0xFF]++;
        }
        return histogram;
    }

    private static void applyLut(byte[] image, int from, int length, int[] lut) {
        for (int i = from; i < from + length; i++) {
            image[i] = (byte) lut[image[i] & 0xFF];
        }
    }

    private static int clip8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** Filter.c {@code clip8(float)}. */
    private static int clip8(float v) {
        if (v <= 0.0) {
            return 0;
        }
        if (v >= 255.0) {
            return 255;
        }
        return (int) v;
    }

    private static void check(byte[] image, int width, int height) {
        if (width < 1 || height < 1 || image.length != CHANNELS * width * height) {
            throw new IllegalArgumentException("expected a planar RGB image of " + width + "x" + height + " ("
                    + CHANNELS * width * height + " bytes), got " + image.length + " bytes");
        }
    }
}
