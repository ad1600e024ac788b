package dev.cnnlab.technique;

import dev.cnnlab.data.ImageTransform;
import dev.cnnlab.data.NormalizedImageTransform;
import dev.cnnlab.model.ModelSpec;
import java.util.Optional;

/**
 * An accuracy-improvement method that a run can switch on.
 *
 * <p>A technique acts at one or more well-defined places of the pipeline; each place is a hook
 * with a do-nothing default, so a technique implements only the hooks it needs and the trainer
 * never names a technique. Adding a technique of any kind means one class implementing its hooks
 * and one {@link TechniqueCatalog} entry.
 */
public interface Technique {

    /** The catalogue name, as written in specs and on the command line. */
    String name();

    /**
     * Changes the network's structure, typically by adding a {@link dev.cnnlab.model.BranchExtension}
     * to every residual branch (e.g. SE gates); identity by default.
     */
    default ModelSpec shapeModel(ModelSpec spec) {
        return spec;
    }

    /** Transforms each training image's raw pixels after crop and flip; none by default. */
    default Optional<ImageTransform> imageTransform() {
        return Optional.empty();
    }

    /** Transforms each normalised training image; none by default. */
    default Optional<NormalizedImageTransform> normalizedImageTransform() {
        return Optional.empty();
    }

    /** Rewrites each training batch's targets; none by default. */
    default Optional<TargetTransform> targetTransform() {
        return Optional.empty();
    }

    /** Adjusts how the optimiser updates the weights (e.g. Nesterov momentum); unchanged by default. */
    default OptimizerSettings optimizer(OptimizerSettings settings) {
        return settings;
    }

    /** Reshapes the learning-rate schedule (replaces its curve, adds warm-up); unchanged by default. */
    default SchedulePlan schedule(SchedulePlan plan) {
        return plan;
    }

    /** An extra test metric evaluated every epoch and recorded by its key; none by default. */
    default Optional<EvaluationMetric> evaluationMetric() {
        return Optional.empty();
    }

    /** Mixes each training batch (images and targets); none by default. */
    default Optional<BatchMixer> batchMixer() {
        return Optional.empty();
    }
}
