package dev.cnnlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One split (train or test) of any labelled square RGB image data set, held in memory as cnnlab
 * trains on it.
 *
 * <p>Pixels are raw bytes, planar per image (the red plane, then green, then blue, each {@code
 * side x side} row-major), as CIFAR's files store them: 50,000 32x32 images take 150 MB instead
 * of 600 MB as floats, and normalisation happens per batch in {@link Augmentation}. Labels are
 * class indices {@code 0..classes-1}.
 *
 * <p>The arrays are shared, not copied, for speed; nobody may modify them after construction.
 */
public final class ImageSplit {

    /** Colour channels (R, G, B). */
    public static final int CHANNELS = 3;

    private final byte[] pixels;
    private final int[] labels;
    private final int side;

    /**
     * Wraps already validated arrays without copying them.
     *
     * @param pixels {@code n * 3 * side * side} pixel bytes, image by image
     * @param labels {@code n} class indices
     * @param side width and height of every image
     */
    public ImageSplit(byte[] pixels, int[] labels, int side) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (side < 1 || (long) labels.length * CHANNELS * side * side != pixels.length) {
            throw new IllegalArgumentException("inconsistent split arrays: " + pixels.length + " pixel bytes for "
                    + labels.length + " images of " + side + "x" + side);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.side = side;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Width and height of every image. */
    public int side() {
        return side;
    }

    /** Pixel bytes of one image: {@code 3 * side * side}. */
    public int imageBytes() {
        return CHANNELS * side * side;
    }

    /**
     * All pixel bytes, image {@code i} at offset {@code i * imageBytes()}. The live array, not a
     * copy: read it, never write it.
     */
    public byte[] pixels() {
        return pixels;
    }

    /** The class of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Images per class, for {@code classes} classes. */
    public int[] perClass(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * {@code n} images with the same share of every class, in file order: class {@code c} keeps
     * its first {@code floor(n * count_c / size)} images, and the images left over go one each to
     * the classes with the largest remainders (ties: lower class first). So a data proxy never
     * drops a class that has images, and a class's share differs from the whole split's by less
     * than one image.
     *
     * @return this split when {@code n <= 0} or {@code n >= size()}
     */
    public ImageSplit limit(int n, int classes) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        int[] counts = perClass(classes);
        int[] keep = new int[classes];
        long[] remainder = new long[classes];
        int kept = 0;
        for (int c = 0; c < classes; c++) {
            long share = (long) n * counts[c];
            keep[c] = (int) (share / size());
            remainder[c] = share % size();
            kept += keep[c];
        }
        Integer[] byRemainder = new Integer[classes];
        Arrays.setAll(byRemainder, c -> c);
        Arrays.sort(byRemainder, (a, b) -> Long.compare(remainder[b], remainder[a]));
        for (int k = 0; kept < n; k++) {
            int c = byRemainder[k % classes];
            if (keep[c] < counts[c]) {
                keep[c]++;
                kept++;
            }
        }
        int bytes = imageBytes();
        byte[] px = new byte[n * bytes];
        int[] lb = new int[n];
        int[] taken = new int[classes];
        int out = 0;
        for (int i = 0; i < size() && out < n; i++) {
            int c = labels[i];
            if (taken[c] < keep[c]) {
                taken[c]++;
                System.arraycopy(pixels, i * bytes, px, out * bytes, bytes);
                lb[out++] = c;
            }
        }
        return new ImageSplit(px, lb, side);
    }

    /** The same images at {@code newSide x newSide}, resampled by {@link Resample#square}. */
    public ImageSplit resized(int newSide) {
        if (newSide == side) {
            return this;
        }
        int bytes = imageBytes();
        int newBytes = CHANNELS * newSide * newSide;
        byte[] px = new byte[size() * newBytes];
        for (int i = 0; i < size(); i++) {
            byte[] image = Arrays.copyOfRange(pixels, i * bytes, (i + 1) * bytes);
            System.arraycopy(Resample.square(image, side, newSide), 0, px, i * newBytes, newBytes);
        }
        return new ImageSplit(px, labels, newSide);
    }

    @Override
    public String toString() {
        return "ImageSplit[" + size() + " images, " + side + "x" + side + "]";
    }
}
