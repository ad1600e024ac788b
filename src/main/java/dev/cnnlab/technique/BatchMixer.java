package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/** Mixes a training batch: images and their (soft) class targets together. */
public interface BatchMixer {

    /**
     * Mixes one batch.
     *
     * @param images the batch in NHWC layout, shape (B, H, W, C)
     * @param targets row-major (B, classes) class probabilities, one-hot for plain labels
     * @param numClasses classes per target row
     * @param random this batch's own random stream
     * @return the mixed images (NHWC, same shape) and targets
     */
    MixedBatch mix(NDArray images, float[] targets, int numClasses, SplittableRandom random);

    /**
     * Fraction of batches this mixer is applied to. With two mixers, exactly one must be below 1:
     * it is applied with this probability and the other one otherwise (timm's switch semantics).
     */
    default double probability() {
        return 1.0;
    }

    /** A mixed batch. */
    record MixedBatch(NDArray images, float[] targets) {}
}
