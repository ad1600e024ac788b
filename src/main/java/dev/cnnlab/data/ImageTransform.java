package dev.cnnlab.data;

import java.util.SplittableRandom;

/**
 * A per-image training transform on raw pixels, applied after crop and flip and before
 * normalisation (where torchvision applies AutoAugment-style policies to the PIL image).
 */
@FunctionalInterface
public interface ImageTransform {

    /**
     * Transforms one image in place.
     *
     * @param image 3072 bytes, planar R, G, B, each 32x32 row-major (unsigned values 0..255)
     * @param random this image's own random stream
     */
    void apply(byte[] image, SplittableRandom random);
}
