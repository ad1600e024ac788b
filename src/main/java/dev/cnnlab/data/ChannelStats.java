package dev.cnnlab.data;

import static dev.cnnlab.data.ImageSplit.CHANNELS;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-channel mean and population standard deviation of pixels scaled to [0, 1], the constants of
 * the usual {@code Normalize(mean, std)} step.
 *
 * <p>The arrays are not copied by the accessors (they are read in hot loops); nobody may modify
 * them. On the official training split: mean (0.5071, 0.4865, 0.4409), std (0.2673, 0.2564, 0.2762).
 *
 * @param mean R, G, B means
 * @param std  R, G, B population standard deviations, all positive
 */
public record ChannelStats(double[] mean, double[] std) {

    /** Copies the arrays once, so a caller keeping its own reference cannot change this record. */
    public ChannelStats {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length != CHANNELS || std.length != CHANNELS) {
            throw new IllegalArgumentException(
                    "need " + CHANNELS + " means and stds, got " + mean.length + " and " + std.length);
        }
        for (double s : std) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("std must be positive and finite: " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Computes the statistics of all images of {@code split} in one pass.
     *
     * <p>Sums of raw bytes and of their squares are exact in {@code long} (50,000 images give at
     * most 3.3e12), so the only rounding is in the final division; the result does not depend on
     * the order of images.
     */
    public static ChannelStats of(ImageSplit split) {
        int n = split.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot compute channel statistics of an empty split");
        }
        byte[] px = split.pixels();
        int imageBytes = split.imageBytes();
        int plane = imageBytes / CHANNELS;
        long[] sum = new long[CHANNELS];
        long[] sumSq = new long[CHANNELS];
        for (int i = 0; i < n; i++) {
            int base = i * imageBytes;
            for (int c = 0; c < CHANNELS; c++) {
                // long accumulators per plane: a 256x256 plane of 255s squared overflows an int
                long s = 0;
                long sq = 0;
                int from = base + c * plane;
                int to = from + plane;
                for (int k = from; k < to; k++) {
                    int v = px[k] & 0xFF;
                    s += v;
                    sq += v * v;
                }
                sum[c] += s;
                sumSq[c] += sq;
            }
        }
        double count = (double) n * plane;
        double[] mean = new double[CHANNELS];
        double[] std = new double[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            double m = sum[c] / count;
            double var = sumSq[c] / count - m * m;
            mean[c] = m / 255.0;
            std[c] = Math.sqrt(Math.max(var, 0.0)) / 255.0;
        }
        return new ChannelStats(mean, std);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelStats other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "ChannelStats[mean=(%.4f, %.4f, %.4f), std=(%.4f, %.4f, %.4f)]",
                mean[0],
                mean[1],
                mean[2],
                std[0],
                std[1],
                std[2]);
    }
}
