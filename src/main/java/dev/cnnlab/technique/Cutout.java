package dev.cnnlab.technique;

import dev.cnnlab.data.NormalizedImageTransform;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cutout (DeVries and Taylor, "Improved Regularization of Convolutional Neural Networks with
 * Cutout", arXiv:1708.04552, 2017): one square patch of every training image is set to zero after
 * normalisation, i.e. to the dataset mean.
 *
 * <p>As in the authors' code (github.com/uoguelph-mlrg/Cutout, {@code util/cutout.py}) the centre
 * is drawn uniformly over all pixels (row first, then column) and the patch is clipped at the image
 * border, so patches near the edge are smaller. The paper's CIFAR-100 patch is 8x8 (16x16 for
 * CIFAR-10), with one hole.
 *
 * <p>The patch covers rows {@code [cy - size/2, cy - size/2 + size)} (integer division), likewise
 * for columns. For even sizes, the paper's, this is exactly the authors' {@code [c - size//2, c +
 * size//2)}; for odd sizes theirs is one pixel narrower than asked, this one is {@code size} wide.
 *
 * <p>Image size: {@code size} is in pixels of a 32x32 image and scales with the image's side, so
 * the patch keeps the paper's share of the image: on a {@code side x side} image it is {@link
 * #sizeAt(int) sizeAt(side)} {@code = max(1, round(size * side / 32))} pixels (halves rounded up),
 * exactly {@code size} at 32 (the default 8 is 4 at 16x16 and 16 at 64x64). The side is derived
 * from the array's length ({@link ImageGeometry#side}).
 */
public final class Cutout implements Technique, NormalizedImageTransform {

    /** Catalogue name. */
    public static final String NAME = "cutout";

    private static final int CHANNELS = ImageGeometry.CHANNELS;

    private final int size;

    /**
     * Cutout with a {@code size x size} patch on 32x32 images, scaled to other sides, {@code size >=
     * 1} (8 for CIFAR-100 in the paper).
     */
    public Cutout(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(NAME + " size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** The patch side option, in pixels of a 32x32 image. */
    public int size() {
        return size;
    }

    /** The patch side on a {@code side x side} image: {@link #size()} scaled from 32 to {@code side}. */
    public int sizeAt(int side) {
        return ImageGeometry.scaleFrom32(size, side);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<NormalizedImageTransform> normalizedImageTransform() {
        return Optional.of(this);
    }

    @Override
    public void apply(float[] image, SplittableRandom random) {
        int side = ImageGeometry.side(image.length);
        int size = sizeAt(side);
        int cy = random.nextInt(side);
        int cx = random.nextInt(side);
        int y1 = cy - size / 2;
        int x1 = cx - size / 2;
        fill(image, side, Math.max(0, y1), Math.min(side, y1 + size), Math.max(0, x1), Math.min(side, x1 + size));
    }

    /** Zeroes rows {@code [y1, y2)} x columns {@code [x1, x2)} of an NHWC image, all channels. */
    private static void fill(float[] image, int side, int y1, int y2, int x1, int x2) {
        for (int y = y1; y < y2; y++) {
            for (int i = (y * side + x1) * CHANNELS, end = (y * side + x2) * CHANNELS; i < end; i++) {
                image[i] = 0f;
            }
        }
    }
}
