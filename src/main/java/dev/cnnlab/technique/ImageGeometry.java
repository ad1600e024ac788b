package dev.cnnlab.technique;

/**
 * The size of the square 3-channel images the image techniques receive. {@link
 * dev.cnnlab.data.ImageTransform} and {@link dev.cnnlab.data.NormalizedImageTransform} pass only the
 * array, so every technique derives the side from its length here, and scales options that the
 * papers give in pixels of 32x32 CIFAR images with {@link #scaleFrom32}.
 */
public final class ImageGeometry {

    /** Colour channels of every image. */
    public static final int CHANNELS = 3;

    /** The side of the CIFAR images that pixel options are given for. */
    public static final int REFERENCE_SIDE = 32;

    private ImageGeometry() {}

    /**
     * The side of a square 3-channel image of {@code length} values (bytes or floats): {@code
     * round(sqrt(length / 3))}, refused in one line unless {@code 3 * side * side == length}.
     */
    public static int side(int length) {
        int side = (int) Math.round(Math.sqrt(length / (double) CHANNELS));
        if (side < 1 || (long) CHANNELS * side * side != length) {
            throw new IllegalArgumentException(
                    "expected a square 3-channel image (3 * side * side values), got " + length + " values");
        }
        return side;
    }

    /**
     * A length of {@code pixelsAt32} pixels on a 32x32 image, scaled to an image of side {@code
     * side}: {@code max(1, round(pixelsAt32 * side / 32))}, halves rounded up. Exactly {@code
     * pixelsAt32} at side 32.
     */
    public static int scaleFrom32(int pixelsAt32, int side) {
        if (side == REFERENCE_SIDE) {
            return pixelsAt32;
        }
        return (int) Math.max(1, Math.round((double) pixelsAt32 * side / REFERENCE_SIDE));
    }
}
