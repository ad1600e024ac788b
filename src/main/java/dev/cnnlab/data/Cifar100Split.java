package dev.cnnlab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One CIFAR-100 split (train or test) held in memory, in the file's own layout.
 *
 * <p>Pixels stay as raw bytes, planar per image (1,024 red, 1,024 green, 1,024 blue, each plane
 * 32x32 row-major), exactly as in {@code train.bin}/{@code test.bin}: 50,000 images take 150 MB
 * instead of 600 MB as floats, and normalisation happens per batch in {@link Augmentation}.
 *
 * <p>The arrays are shared, not copied, for speed; nobody may modify them after construction.
 */
public final class Cifar100Split {

    /** Width and height of every image. */
    public static final int IMAGE_SIDE = 32;
    /** Colour channels (R, G, B). */
    public static final int CHANNELS = 3;
    /** Pixels bytes of one image: 3 planes of 32x32. */
    public static final int IMAGE_BYTES = IMAGE_SIDE * IMAGE_SIDE * CHANNELS;
    /** Bytes of one record in the binary files: coarse label, fine label, pixels. */
    public static final int RECORD_BYTES = IMAGE_BYTES + 2;
    /** Number of fine classes. */
    public static final int FINE_CLASSES = 100;
    /** Number of coarse classes (superclasses). */
    public static final int COARSE_CLASSES = 20;

    private final byte[] pixels;
    private final byte[] fineLabels;
    private final byte[] coarseLabels;

    /**
     * Wraps already validated arrays without copying them.
     *
     * @param pixels       {@code n * IMAGE_BYTES} pixel bytes, records in file order
     * @param fineLabels   {@code n} fine labels (0..99)
     * @param coarseLabels {@code n} coarse labels (0..19)
     */
    public Cifar100Split(byte[] pixels, byte[] fineLabels, byte[] coarseLabels) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(fineLabels, "fineLabels");
        Objects.requireNonNull(coarseLabels, "coarseLabels");
        if (fineLabels.length != coarseLabels.length || (long) fineLabels.length * IMAGE_BYTES != pixels.length) {
            throw new IllegalArgumentException("inconsistent split arrays: " + pixels.length + " pixel bytes, "
                    + fineLabels.length + " fine and " + coarseLabels.length + " coarse labels");
        }
        this.pixels = pixels;
        this.fineLabels = fineLabels;
        this.coarseLabels = coarseLabels;
    }

    /** Number of images. */
    public int size() {
        return fineLabels.length;
    }

    /**
     * All pixel bytes, image {@code i} at offset {@code i * IMAGE_BYTES}. The live array, not a
     * copy: read it, never write it.
     */
    public byte[] pixels() {
        return pixels;
    }

    /** Fine label (0..99) of image {@code i}. */
    public int fineLabel(int i) {
        return fineLabels[i];
    }

    /** Coarse label (0..19) of image {@code i}. */
    public int coarseLabel(int i) {
        return coarseLabels[i];
    }

    /**
     * The first {@code n} images, for quick runs and tests.
     *
     * @return this split when {@code n <= 0} or {@code n >= size()}, else a copy of the first n
     */
    public Cifar100Split limit(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new Cifar100Split(
                Arrays.copyOf(pixels, n * IMAGE_BYTES), Arrays.copyOf(fineLabels, n), Arrays.copyOf(coarseLabels, n));
    }

    /** These images with their coarse (superclass) or fine labels, as cnnlab trains on them. */
    public ImageSplit images(boolean coarse) {
        byte[] source = coarse ? coarseLabels : fineLabels;
        int[] labels = new int[source.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = source[i] & 0xFF;
        }
        return new ImageSplit(pixels, labels, IMAGE_SIDE);
    }

    @Override
    public String toString() {
        return "Cifar100Split[" + size() + " images]";
    }
}
