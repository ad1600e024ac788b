package dev.cnnlab.study;

import dev.cnnlab.data.CifarReader;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.train.TrainConfig;
import java.util.List;

/**
 * One fidelity of a study: a way of training every technique set, cheaper or dearer than the
 * others. It is a model (depth, family, width) and may shorten the schedule ({@code epochs},
 * whose LR milestones then move with it unless {@code lrMilestones} is given) or the data
 * ({@code trainLimit}). Unset values are the study protocol's. Written under the spec key
 * {@code models} (each entry is one fidelity).
 *
 * <p>Build one in code with {@link #builder(String)}; the record's components are what the spec
 * file and {@code study.json} hold (null = the protocol's value).
 *
 * @param name the fidelity's name in the report, e.g. {@code ResNet-29}
 * @param depth network depth (9n+2 for the bottleneck family)
 * @param family architecture family: bottleneck (default), basic or preact18
 * @param widen channel multiplier (default 1)
 * @param epochs epochs to train, or null for the protocol's
 * @param trainLimit first N training images (0 = all), or null for the protocol's
 * @param lrMilestones explicit LR milestones, or null to move the protocol's with {@code epochs}
 */
public record Fidelity(
        String name,
        Integer depth,
        String family,
        Integer widen,
        Integer epochs,
        Integer trainLimit,
        List<Integer> lrMilestones) {

    public Fidelity {
        if (depth == null) {
            throw new IllegalArgumentException("every model needs a depth");
        }
        family = family == null ? Family.BOTTLENECK.key() : family;
        widen = widen == null ? 1 : widen;
        Family f = Family.of(family);
        if (f == null) {
            throw new IllegalArgumentException(
                    "unknown model family '" + family + "': use bottleneck, basic or preact18");
        }
        if (widen < 1) {
            throw new IllegalArgumentException("'widen' must be >= 1, got " + widen);
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("'epochs' must be >= 1, got " + epochs);
        }
        if (trainLimit != null && trainLimit < 0) {
            throw new IllegalArgumentException("'trainLimit' must be >= 0 (0 = all), got " + trainLimit);
        }
        lrMilestones = lrMilestones == null ? null : List.copyOf(lrMilestones);
        ModelSpec spec = ModelSpec.cifar100(f, depth, widen); // validates the depth for the family
        if (name == null || name.isBlank()) {
            name = spec.displayName();
        }
    }

    /** A fidelity builder; {@code name} may be null to use the model's display name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** This fidelity's values in a builder. */
    public Builder toBuilder() {
        return new Builder(name)
                .depth(depth)
                .family(family)
                .widen(widen)
                .epochs(epochs)
                .trainLimit(trainLimit)
                .lrMilestones(lrMilestones);
    }

    /** The epochs this fidelity trains under {@code protocol}. */
    public int epochs(Protocol protocol) {
        return epochs != null ? epochs : protocol.epochs();
    }

    /** The training images this fidelity uses under {@code protocol} (0 = all). */
    public int trainLimit(Protocol protocol) {
        return trainLimit != null ? trainLimit : protocol.trainLimit();
    }

    /** The number of training images per epoch under {@code protocol}. */
    public int trainImages(Protocol protocol) {
        int limit = trainLimit(protocol);
        return limit == 0 ? CifarReader.TRAIN_RECORDS : Math.min(limit, CifarReader.TRAIN_RECORDS);
    }

    /** The network before techniques shape it. */
    public ModelSpec modelSpec() {
        return ModelSpec.cifar100(Family.of(family), depth, widen);
    }

    /**
     * This fidelity's part of a training config under {@code protocol}: model, epochs, data and
     * the milestones actually used (explicit ones, else the protocol's moved to these epochs).
     */
    public TrainConfig.Builder applyTo(TrainConfig.Builder builder, Protocol protocol) {
        builder.depth(depth)
                .family(family)
                .widen(widen)
                .epochs(epochs(protocol))
                .trainLimit(trainLimit(protocol));
        return lrMilestones != null
                ? builder.lrMilestones(lrMilestones)
                : builder.lrMilestones(protocol.lrMilestones(), protocol.epochs());
    }

    /** Named construction of a {@link Fidelity}. */
    public static final class Builder {
        private final String name;
        private Integer depth;
        private String family;
        private Integer widen;
        private Integer epochs;
        private Integer trainLimit;
        private List<Integer> lrMilestones;

        private Builder(String name) {
            this.name = name;
        }

        public Builder depth(Integer value) {
            depth = value;
            return this;
        }

        public Builder family(String value) {
            family = value;
            return this;
        }

        public Builder widen(Integer value) {
            widen = value;
            return this;
        }

        public Builder epochs(Integer value) {
            epochs = value;
            return this;
        }

        public Builder trainLimit(Integer value) {
            trainLimit = value;
            return this;
        }

        public Builder lrMilestones(List<Integer> value) {
            lrMilestones = value;
            return this;
        }

        public Fidelity build() {
            return new Fidelity(name, depth, family, widen, epochs, trainLimit, lrMilestones);
        }
    }
}
