package dev.cnnlab.data;

import java.util.SplittableRandom;

/**
 * A per-image training transform on the normalised image (where Cutout and Random Erasing act in
 * their papers: after ToTensor and Normalize).
 */
@FunctionalInterface
public interface NormalizedImageTransform {

    /**
     * Transforms one image in place.
     *
     * @param image 32x32x3 floats in NHWC order (channel fastest): index (y * 32 + x) * 3 + c
     * @param random this image's own random stream
     */
    void apply(float[] image, SplittableRandom random);
}
