package dev.cnnlab.technique;

import java.util.Optional;

/**
 * Label smoothing (Szegedy et al., "Rethinking the Inception Architecture for Computer Vision",
 * CVPR 2016, section 7): every target row becomes {@code (1 - epsilon) * t + epsilon / K} with
 * {@code K} classes, i.e. a mixture of the label and the uniform distribution {@code u(k) = 1/K}.
 * The paper uses {@code epsilon = 0.1}.
 *
 * <p>Applied to the batch's targets before any batch mixer, so a mixed target is the mix of
 * smoothed rows (the usual combination, as in timm).
 */
public final class LabelSmoothing implements Technique, TargetTransform {

    /** Catalogue name. */
    public static final String NAME = "label-smoothing";

    private final double epsilon;

    /** Label smoothing with {@code epsilon} in {@code [0, 1)} (0.1 in the paper). */
    public LabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException(NAME + " epsilon must be in [0, 1), got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<TargetTransform> targetTransform() {
        return Optional.of(this);
    }

    @Override
    public void apply(float[] targets, int numClasses) {
        if (numClasses < 1 || targets.length % numClasses != 0) {
            throw new IllegalArgumentException(
                    "targets of length " + targets.length + " are not rows of " + numClasses + " classes");
        }
        double uniform = epsilon / numClasses;
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) ((1 - epsilon) * targets[i] + uniform);
        }
    }
}
