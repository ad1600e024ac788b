package dev.cnnlab.data;

import static dev.cnnlab.data.ImageSplit.CHANNELS;

import java.nio.FloatBuffer;

/**
 * The geometry of training augmentation and the normalisation, done straight from raw bytes.
 *
 * <p>One call produces one side x side x 3 image in NHWC order (channel fastest) as the pipeline
 * {@code Pad(pad, fill=0) -> Crop(side x side at offsetX, offsetY) -> HorizontalFlip(if flip) ->
 * ToTensor -> Normalize(mean, std)} would, i.e. torchvision's standard CIFAR recipe
 * {@code RandomCrop(32, padding=4)} then {@code RandomHorizontalFlip()} at 32x32; the padding
 * scales with the image ({@link #pad}: side / 8, so 4 at 32, 2 at 16, 8 at 64):
 * <ul>
 *   <li>padding pixels are raw 0 (black) <em>before</em> normalisation, so they come out as
 *       {@code -mean[c] / std[c]};</li>
 *   <li>the crop window's top-left corner is at ({@code offsetX}, {@code offsetY}) in the padded
 *       image, each in {@code 0..2*pad};</li>
 *   <li>the flip comes after the crop: output column {@code x} is cropped column {@code side - 1 - x}.</li>
 * </ul>
 * {@code offsetX = offsetY = pad, flip = false} is the identity (the test-set path).
 *
 * <p>Normalisation uses a 3x256 lookup table, {@code (float) ((v / 255.0 - mean[c]) / std[c])}
 * for every byte value, so the inner loop has no arithmetic at all and every path (any caller,
 * any thread) produces bit-identical floats.
 */
public final class Augmentation {

    /** The crop padding for images of {@code side}: 4 for CIFAR's 32, in proportion otherwise. */
    public static int pad(int side) {
        return side / 8;
    }

    /** Last table built, so that the {@link ChannelStats} overloads need not rebuild it per image. */
    private static volatile CachedTable cache;

    /** Per-thread image buffer for the {@link FloatBuffer} path: fill on heap, then one bulk copy. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private record CachedTable(ChannelStats stats, float[] table) {}

    private Augmentation() {}

    /**
     * The normalisation table for {@code stats}: entry {@code c * 256 + v} is
     * {@code (float) ((v / 255.0 - mean[c]) / std[c])}.
     */
    public static float[] lookupTable(ChannelStats stats) {
        CachedTable cached = cache;
        if (cached != null && cached.stats() == stats) {
            return cached.table();
        }
        float[] table = new float[CHANNELS * 256];
        double[] mean = stats.mean();
        double[] std = stats.std();
        for (int c = 0; c < CHANNELS; c++) {
            for (int v = 0; v < 256; v++) {
                table[c * 256 + v] = (float) ((v / 255.0 - mean[c]) / std[c]);
            }
        }
        cache = new CachedTable(stats, table);
        return table;
    }

    /**
     * Writes image {@code imageIndex} of {@code pixels} (planar layout, side x side), padded, cropped,
     * maybe flipped and normalised, as 3 * side * side floats in NHWC order at {@code dst[dstOffset..]}.
     *
     * @param pixels     raw images, {@link ImageSplit#pixels()}
     * @param side       width and height of each image
     * @param imageIndex which image
     * @param stats      normalisation constants
     * @param flip       mirror left-right after cropping
     * @param offsetX    crop window's left edge in the padded image, {@code 0..2*pad}
     * @param offsetY    crop window's top edge in the padded image, {@code 0..2*pad}
     * @param pad        zero padding on each side, {@code >= 0}
     * @param dst        destination
     * @param dstOffset  index of the first float written
     */
    public static void writeNormalizedNhwc(
            byte[] pixels,
            int side,
            int imageIndex,
            ChannelStats stats,
            boolean flip,
            int offsetX,
            int offsetY,
            int pad,
            float[] dst,
            int dstOffset) {
        write(pixels, side, imageIndex, lookupTable(stats), flip, offsetX, offsetY, pad, dst, dstOffset);
    }

    /**
     * As {@link #writeNormalizedNhwc(byte[], int, int, ChannelStats, boolean, int, int, int, float[], int)},
     * into a (typically direct) buffer at absolute float index {@code dstOffset}; the buffer's
     * position is not changed. The image is built in a per-thread heap array and copied with one
     * bulk put, which is faster than thousands of bounds-checked single puts into native memory.
     */
    public static void writeNormalizedNhwc(
            byte[] pixels,
            int side,
            int imageIndex,
            ChannelStats stats,
            boolean flip,
            int offsetX,
            int offsetY,
            int pad,
            FloatBuffer dst,
            int dstOffset) {
        write(pixels, side, imageIndex, lookupTable(stats), flip, offsetX, offsetY, pad, dst, dstOffset);
    }

    /**
     * Pads, crops and maybe flips image {@code imageIndex} of {@code pixels} into {@code out} as raw
     * planar bytes (padding = raw 0), for transforms that work on pixels before normalisation.
     * Same geometry as the normalising path.
     */
    static void cropFlipRaw(
            byte[] pixels, int side, int imageIndex, boolean flip, int offsetX, int offsetY, int pad, byte[] out) {
        int plane = side * side;
        int base = imageIndex * CHANNELS * plane;
        int dx = offsetX - pad;
        int dy = offsetY - pad;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                int ry = y + dy;
                for (int x = 0; x < side; x++) {
                    int cx = flip ? side - 1 - x : x;
                    int rx = cx + dx;
                    boolean inside = ry >= 0 && ry < side && rx >= 0 && rx < side;
                    out[c * plane + y * side + x] = inside ? pixels[base + c * plane + ry * side + rx] : 0;
                }
            }
        }
    }

    /** The {@link FloatBuffer} path with a table from {@link #lookupTable(ChannelStats)}. */
    static void write(
            byte[] pixels,
            int side,
            int imageIndex,
            float[] table,
            boolean flip,
            int offsetX,
            int offsetY,
            int pad,
            FloatBuffer dst,
            int dstOffset) {
        int floats = CHANNELS * side * side;
        float[] scratch = SCRATCH.get();
        if (scratch.length < floats) {
            scratch = new float[floats];
            SCRATCH.set(scratch);
        }
        write(pixels, side, imageIndex, table, flip, offsetX, offsetY, pad, scratch, 0);
        dst.put(dstOffset, scratch, 0, floats);
    }

    /** The core: see the class comment for the geometry. */
    static void write(
            byte[] pixels,
            int side,
            int imageIndex,
            float[] table,
            boolean flip,
            int offsetX,
            int offsetY,
            int pad,
            float[] dst,
            int dstOffset) {
        if (pad < 0 || offsetX < 0 || offsetY < 0 || offsetX > 2 * pad || offsetY > 2 * pad) {
            throw new IllegalArgumentException("crop offsets (" + offsetX + ", " + offsetY + ") must lie in 0.."
                    + 2 * pad + " for padding " + pad);
        }
        int plane = side * side;
        int rowFloats = side * CHANNELS;
        int base = imageIndex * CHANNELS * plane;
        // shift from output (cropped) coordinates to raw image coordinates
        int dx = offsetX - pad;
        int dy = offsetY - pad;
        float padR = table[0];
        float padG = table[256];
        float padB = table[512];
        // the columns that fall inside the raw image; the rest are padding
        int lo = flip ? Math.max(0, dx) : Math.max(0, -dx);
        int hi = flip ? Math.min(side, side + dx) : Math.min(side, side - dx);
        // a window entirely off the image (only possible with pad >= side) is all padding
        lo = Math.min(lo, side);
        hi = Math.max(hi, lo);
        for (int y = 0; y < side; y++) {
            int out = dstOffset + y * rowFloats;
            int ry = y + dy;
            if (ry < 0 || ry >= side) {
                fill(dst, out, 0, side, padR, padG, padB);
                continue;
            }
            fill(dst, out, 0, lo, padR, padG, padB);
            fill(dst, out, hi, side, padR, padG, padB);
            int r = base + ry * side;
            int g = r + plane;
            int b = g + plane;
            if (flip) {
                // raw column of output x is side - 1 - x + dx
                int src = side - 1 + dx - lo;
                for (int x = lo, o = out + lo * CHANNELS; x < hi; x++, o += CHANNELS, src--) {
                    dst[o] = table[pixels[r + src] & 0xFF];
                    dst[o + 1] = table[256 + (pixels[g + src] & 0xFF)];
                    dst[o + 2] = table[512 + (pixels[b + src] & 0xFF)];
                }
            } else {
                int src = lo + dx;
                for (int x = lo, o = out + lo * CHANNELS; x < hi; x++, o += CHANNELS, src++) {
                    dst[o] = table[pixels[r + src] & 0xFF];
                    dst[o + 1] = table[256 + (pixels[g + src] & 0xFF)];
                    dst[o + 2] = table[512 + (pixels[b + src] & 0xFF)];
                }
            }
        }
    }

    private static void fill(float[] dst, int rowStart, int fromX, int toX, float r, float g, float b) {
        for (int x = fromX, o = rowStart + fromX * CHANNELS; x < toX; x++, o += CHANNELS) {
            dst[o] = r;
            dst[o + 1] = g;
            dst[o + 2] = b;
        }
    }
}
