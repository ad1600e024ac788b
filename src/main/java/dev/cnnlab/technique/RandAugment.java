package dev.cnnlab.technique;

import dev.cnnlab.data.ImageTransform;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * RandAugment (Cubuk et al., "RandAugment: Practical Automated Data Augmentation with a Reduced
 * Search Space", CVPR Workshops 2020 / NeurIPS 2020): {@code n} operations drawn uniformly with
 * replacement from a fixed list, all at one shared magnitude {@code m}.
 *
 * <p>Exactly torchvision's {@code RandAugment(num_ops=n, magnitude=m, num_magnitude_bins=31)}
 * with nearest neighbour and fill 0 on a PIL image: its 14 operations in its order (Identity,
 * ShearX, ShearY, TranslateX, TranslateY, Rotate, Brightness, Color, Contrast, Sharpness,
 * Posterize, Solarize, AutoContrast, Equalize), magnitudes from bin {@code m} of 31 ({@link
 * AugmentOp}), a signed magnitude negated when a fair coin, drawn only for signed operations, comes
 * up 1. torchvision's defaults are {@code n = 2, m = 9}; with 31 bins that is rotation by 9
 * degrees, shear 0.09, translation 4 pixels on 32x32 images, enhancement factors 1 +- 0.27, 7-bit
 * posterize and solarize threshold 178.5.
 *
 * <p>Image size: as torchvision, the translations are relative to the image, at most {@code
 * 150/331} of its side ({@link AugmentOp#magnitude}), truncated to whole pixels, so {@code m = 9}
 * translates by 2 pixels at 16x16, 4 at 32x32 and 8 at 64x64; every other magnitude (angles,
 * shears, factors, bits, thresholds) is independent of the size. The side is derived from the
 * array's length ({@link ImageGeometry#side}).
 */
public final class RandAugment implements Technique, ImageTransform {

    /** Catalogue name. */
    public static final String NAME = "randaugment";

    /** Magnitude bins (torchvision's {@code num_magnitude_bins} default). */
    public static final int BINS = 31;

    /** torchvision's RandAugment operations, in its order. */
    public static final List<AugmentOp> OPS = List.of(
            AugmentOp.IDENTITY,
            AugmentOp.SHEAR_X,
            AugmentOp.SHEAR_Y,
            AugmentOp.TRANSLATE_X,
            AugmentOp.TRANSLATE_Y,
            AugmentOp.ROTATE,
            AugmentOp.BRIGHTNESS,
            AugmentOp.COLOR,
            AugmentOp.CONTRAST,
            AugmentOp.SHARPNESS,
            AugmentOp.POSTERIZE,
            AugmentOp.SOLARIZE,
            AugmentOp.AUTO_CONTRAST,
            AugmentOp.EQUALIZE);

    private final int n;
    private final int m;

    /**
     * @param n operations per image, {@code >= 0} (2 in torchvision)
     * @param m magnitude bin, in {@code [0, 30]} (9 in torchvision)
     */
    public RandAugment(int n, int m) {
        if (n < 0) {
            throw new IllegalArgumentException(NAME + " n must be >= 0, got " + n);
        }
        if (m < 0 || m >= BINS) {
            throw new IllegalArgumentException(NAME + " m must be in [0, " + (BINS - 1) + "], got " + m);
        }
        this.n = n;
        this.m = m;
    }

    public int n() {
        return n;
    }

    public int m() {
        return m;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ImageTransform> imageTransform() {
        return Optional.of(this);
    }

    @Override
    public void apply(byte[] image, SplittableRandom random) {
        int side = ImageGeometry.side(image.length);
        for (int i = 0; i < n; i++) {
            AugmentOp op = OPS.get(random.nextInt(OPS.size()));
            double magnitude = op.magnitude(m, BINS, side, side);
            if (op.signed() && random.nextInt(2) == 1) {
                magnitude = -magnitude;
            }
            op.apply(image, side, side, magnitude);
        }
    }
}
