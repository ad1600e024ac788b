package dev.cnnlab.data;

/**
 * Resizes planar RGB images (each channel a row-major plane), once, when data is loaded.
 *
 * <p>Shrinking is by area averaging: each output pixel is the mean of the source area it covers,
 * fractional pixels weighted by their overlap. That is the antialiased choice (no pixel is
 * skipped, so fine texture becomes grey rather than aliasing into false patterns), and for whole
 * factors, 32 to 16, it is exactly the mean of each 2x2 block. Growing is bilinear with pixel
 * centres at half-integers (as PIL and OpenCV place them). Both act per axis, so the two axes may
 * shrink and grow independently. Results round half up to bytes.
 */
public final class Resample {

    private Resample() {}

    /** A square image of {@code side x side} resized to {@code newSide x newSide}. */
    public static byte[] square(byte[] image, int side, int newSide) {
        return resize(image, ImageSplit.CHANNELS, side, side, newSide, newSide);
    }

    /**
     * Resizes an image of {@code channels} planes of {@code height x width} to {@code newHeight x
     * newWidth}.
     */
    public static byte[] resize(byte[] image, int channels, int height, int width, int newHeight, int newWidth) {
        if (image.length != channels * height * width || newHeight < 1 || newWidth < 1) {
            throw new IllegalArgumentException("cannot resize " + image.length + " bytes as " + channels + "x" + height
                    + "x" + width + " to " + newHeight + "x" + newWidth);
        }
        Weights alongX = Weights.of(width, newWidth);
        Weights alongY = Weights.of(height, newHeight);
        byte[] out = new byte[channels * newHeight * newWidth];
        float[] rows = new float[height * newWidth];
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < newWidth; x++) {
                    rows[y * newWidth + x] = alongX.apply(image, plane + y * width, 1, x);
                }
            }
            int outPlane = c * newHeight * newWidth;
            for (int y = 0; y < newHeight; y++) {
                for (int x = 0; x < newWidth; x++) {
                    float v = alongY.apply(rows, x, newWidth, y);
                    out[outPlane + y * newWidth + x] = (byte) Math.min(255, Math.max(0, Math.round(v)));
                }
            }
        }
        return out;
    }

    /** For each output position along one axis: the source indices it reads and their weights. */
    private record Weights(int[][] index, float[][] weight) {

        static Weights of(int from, int to) {
            int[][] index = new int[to][];
            float[][] weight = new float[to][];
            double scale = (double) from / to;
            for (int o = 0; o < to; o++) {
                if (scale >= 1) { // area: the source interval [o * scale, (o + 1) * scale)
                    double lo = o * scale;
                    double hi = (o + 1) * scale;
                    int first = (int) Math.floor(lo);
                    int last = Math.min(from - 1, (int) Math.ceil(hi) - 1);
                    index[o] = new int[last - first + 1];
                    weight[o] = new float[last - first + 1];
                    for (int s = first; s <= last; s++) {
                        double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                        index[o][s - first] = s;
                        weight[o][s - first] = (float) (overlap / scale);
                    }
                } else { // bilinear between the two nearest source centres
                    double centre = (o + 0.5) * scale - 0.5;
                    int left = (int) Math.floor(centre);
                    double t = centre - left;
                    int a = Math.max(0, Math.min(from - 1, left));
                    int b = Math.max(0, Math.min(from - 1, left + 1));
                    index[o] = new int[] {a, b};
                    weight[o] = new float[] {(float) (1 - t), (float) t};
                }
            }
            return new Weights(index, weight);
        }

        /** The weighted sum at output {@code o} of bytes at {@code base + index * stride}. */
        float apply(byte[] source, int base, int stride, int o) {
            float sum = 0;
            for (int k = 0; k < index[o].length; k++) {
                sum += weight[o][k] * (source[base + index[o][k] * stride] & 0xFF);
            }
            return sum;
        }

        /** The weighted sum at output {@code o} of floats at {@code base + index * stride}. */
        float apply(float[] source, int base, int stride, int o) {
            float sum = 0;
            for (int k = 0; k < index[o].length; k++) {
                sum += weight[o][k] * source[base + index[o][k] * stride];
            }
            return sum;
        }
    }
}
