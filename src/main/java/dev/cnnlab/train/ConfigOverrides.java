package dev.cnnlab.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One layer of training settings over another: a study's protocol, a fidelity, a command line.
 * Each component is a value this layer sets, or null to keep the one below. Layers resolve to a
 * {@link TrainConfig} by being applied, bottom first, to a builder that starts from the reference
 * protocol ({@link TrainConfig#REFERENCE}, the one copy of every default):
 *
 * <pre>{@code
 * TrainConfig config = fidelity.applyTo(protocol.applyTo(TrainConfig.builder())).build();
 * }</pre>
 *
 * <p>Learning-rate milestones are written for the epochs of the layer that sets them: a later
 * layer that changes the epochs without setting milestones of its own moves them with the run's
 * length ({@link Milestones#scaled}), so a study's protocol written for 4 epochs drops the rate at
 * the same fractions in a 2-epoch fidelity.
 *
 * @param depth network depth
 * @param family architecture family key
 * @param widen channel multiplier
 * @param epochs epochs to train
 * @param lr initial learning rate
 * @param lrMilestones epochs where the rate decays, written for this layer's epochs
 * @param lrGamma decay factor
 * @param batchSize batch size
 * @param weightDecay weight decay
 * @param momentum SGD momentum
 * @param trainLimit first N training images (0 = all)
 * @param testLimit first N test images (0 = all)
 * @param precision compute precision key
 * @param resolution the side images are resampled to (0 = the data's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigOverrides(
        Integer depth,
        String family,
        Double widen,
        Integer epochs,
        Double lr,
        List<Integer> lrMilestones,
        Double lrGamma,
        Integer batchSize,
        Double weightDecay,
        Double momentum,
        Integer trainLimit,
        Integer testLimit,
        String precision,
        Integer resolution) {

    /** A layer that sets nothing. */
    public static final ConfigOverrides NONE = builder().build();

    public ConfigOverrides {
        lrMilestones = lrMilestones == null ? null : List.copyOf(lrMilestones);
    }

    /** Named construction, starting from a layer that sets nothing. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this layer's values. */
    public Builder toBuilder() {
        return new Builder()
                .depth(depth)
                .family(family)
                .widen(widen)
                .epochs(epochs)
                .lr(lr)
                .lrMilestones(lrMilestones)
                .lrGamma(lrGamma)
                .batchSize(batchSize)
                .weightDecay(weightDecay)
                .momentum(momentum)
                .trainLimit(trainLimit)
                .testLimit(testLimit)
                .precision(precision)
                .resolution(resolution);
    }

    /**
     * This layer over {@code below}: each value set here wins, the others are below's. When this
     * layer changes the epochs and sets no milestones, below's move with them.
     */
    public ConfigOverrides over(ConfigOverrides below) {
        List<Integer> milestones = lrMilestones;
        if (milestones == null && below.lrMilestones != null) {
            milestones = epochs != null && below.epochs != null
                    ? Milestones.scaled(below.lrMilestones, below.epochs, epochs)
                    : below.lrMilestones;
        }
        return new ConfigOverrides(
                or(depth, below.depth),
                or(family, below.family),
                or(widen, below.widen),
                or(epochs, below.epochs),
                or(lr, below.lr),
                milestones,
                or(lrGamma, below.lrGamma),
                or(batchSize, below.batchSize),
                or(weightDecay, below.weightDecay),
                or(momentum, below.momentum),
                or(trainLimit, below.trainLimit),
                or(testLimit, below.testLimit),
                or(precision, below.precision),
                or(resolution, below.resolution));
    }

    /** Sets on {@code builder} every value this layer sets; milestones are written for the epochs it then has. */
    public TrainConfig.Builder applyTo(TrainConfig.Builder builder) {
        if (depth != null) builder.depth(depth);
        if (family != null) builder.family(family);
        if (widen != null) builder.widen(widen);
        if (epochs != null) builder.epochs(epochs);
        if (lr != null) builder.lr(lr);
        if (lrMilestones != null) builder.lrMilestones(lrMilestones, builder.epochs());
        if (lrGamma != null) builder.lrGamma(lrGamma);
        if (batchSize != null) builder.batchSize(batchSize);
        if (weightDecay != null) builder.weightDecay(weightDecay);
        if (momentum != null) builder.momentum(momentum);
        if (trainLimit != null) builder.trainLimit(trainLimit);
        if (testLimit != null) builder.testLimit(testLimit);
        if (precision != null) builder.precision(precision);
        if (resolution != null) {
            builder.resolution(resolution);
        }
        return builder;
    }

    /** Names of the components this layer sets, in declaration order (as the spec keys read). */
    public List<String> setKeys() {
        java.util.ArrayList<String> keys = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent c : ConfigOverrides.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(this) != null) {
                    keys.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(keys);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Named construction of a {@link ConfigOverrides}: a null leaves a value unset. */
    public static final class Builder {
        private Integer depth;
        private String family;
        private Double widen;
        private Integer epochs;
        private Double lr;
        private List<Integer> lrMilestones;
        private Double lrGamma;
        private Integer batchSize;
        private Double weightDecay;
        private Double momentum;
        private Integer trainLimit;
        private Integer testLimit;
        private String precision;
        private Integer resolution;

        private Builder() {}

        public Builder depth(Integer value) {
            depth = value;
            return this;
        }

        public Builder family(String value) {
            family = value;
            return this;
        }

        public Builder widen(Double value) {
            widen = value;
            return this;
        }

        public Builder epochs(Integer value) {
            epochs = value;
            return this;
        }

        public Builder lr(Double value) {
            lr = value;
            return this;
        }

        public Builder lrMilestones(List<Integer> value) {
            lrMilestones = value;
            return this;
        }

        public Builder lrGamma(Double value) {
            lrGamma = value;
            return this;
        }

        public Builder batchSize(Integer value) {
            batchSize = value;
            return this;
        }

        public Builder weightDecay(Double value) {
            weightDecay = value;
            return this;
        }

        public Builder momentum(Double value) {
            momentum = value;
            return this;
        }

        public Builder trainLimit(Integer value) {
            trainLimit = value;
            return this;
        }

        public Builder testLimit(Integer value) {
            testLimit = value;
            return this;
        }

        public Builder precision(String value) {
            precision = value;
            return this;
        }

        public Builder resolution(Integer value) {
            resolution = value;
            return this;
        }

        public ConfigOverrides build() {
            return new ConfigOverrides(
                    depth,
                    family,
                    widen,
                    epochs,
                    lr,
                    lrMilestones,
                    lrGamma,
                    batchSize,
                    weightDecay,
                    momentum,
                    trainLimit,
                    testLimit,
                    precision,
                    resolution);
        }
    }
}
