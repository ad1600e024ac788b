package dev.cnnlab.technique;

/** Rewrites a batch's class-probability targets (e.g. label smoothing). */
@FunctionalInterface
public interface TargetTransform {

    /**
     * Transforms targets in place.
     *
     * @param targets row-major (batch, numClasses) probabilities
     * @param numClasses classes per row
     */
    void apply(float[] targets, int numClasses);
}
