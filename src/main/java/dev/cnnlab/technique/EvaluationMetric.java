package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * An extra test-set accuracy an evaluation technique asks for (e.g. with test-time augmentation).
 * The evaluator computes it batch by batch next to the plain metrics and the run records it under
 * {@link #key()} in {@code epochs.csv} and {@code result.json}; neither names the technique.
 */
public interface EvaluationMetric {

    /** Column and JSON name, e.g. {@code test_top1_flip_tta}: lower case with underscores. */
    String key();

    /**
     * Images of {@code batch} this metric counts as correct, as a 0-d integer array on the batch's
     * device (summed there over the test set: no host read per batch); the metric is their percentage.
     */
    NDArray correct(Batch batch);

    /** One evaluated test batch. */
    interface Batch {

        /** The plain float32 logits, [n, classes]. */
        NDArray logits();

        /**
         * Logits of the batch's images after {@code transform}, which receives the normalised
         * images as an [n, H, W, C] float32 array (e.g. {@code x -> x.flip(2)} mirrors them).
         */
        NDArray logitsOf(UnaryOperator<NDArray> transform);

        /** How many of {@code logits} rank the true label first, as a 0-d integer array. */
        NDArray top1Correct(NDArray logits);
    }
}
