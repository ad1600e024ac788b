package dev.cnnlab.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.cnnlab.torch.Precision;
import dev.cnnlab.train.ConfigException;
import dev.cnnlab.train.ConfigOverrides;
import dev.cnnlab.train.TrainConfig;
import java.util.List;
import java.util.Set;

/**
 * The training protocol shared by every cell of a study: the study-wide layer of training
 * settings ({@link ConfigOverrides}). Values it does not set are the reference protocol's ({@link
 * TrainConfig#REFERENCE}), resolved when it is made, so {@code study.json} records every value the
 * cells used; milestones it does not set are the reference's 80, 120 of 160 moved to its epochs.
 * The model belongs to each fidelity, not to the protocol.
 *
 * @param settings every setting of the protocol, resolved
 */
public record Protocol(ConfigOverrides settings) {

    /** The model's settings: a fidelity's, never the protocol's. */
    static final Set<String> MODEL_KEYS = Set.of("depth", "family", "widen");

    private static final ConfigOverrides REFERENCE = reference(TrainConfig.REFERENCE);

    /**
     * @throws IllegalArgumentException naming the key, when a value is invalid or names the model
     */
    public Protocol {
        for (String key : settings.setKeys()) {
            if (MODEL_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "'" + key + "' is a model's setting: give it to each entry of 'models', not to the protocol");
            }
        }
        settings = settings.over(REFERENCE);
        settings = settings.toBuilder()
                .precision(Precision.of(settings.precision()).key())
                .build();
        try {
            settings.applyTo(TrainConfig.builder()).build().validate();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("protocol '" + e.field() + "' " + e.problem(), e);
        }
    }

    /** Reads the protocol block of a spec or {@code study.json}: its keys are the settings'. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Protocol of(ConfigOverrides settings) {
        return new Protocol(settings == null ? ConfigOverrides.NONE : settings);
    }

    /** The reference protocol. */
    public static Protocol reference() {
        return of(ConfigOverrides.NONE);
    }

    /** Written as its settings, one key each. */
    @JsonValue
    @Override
    public ConfigOverrides settings() {
        return settings;
    }

    /**
     * This protocol with {@code changes} laid over it (e.g. the command line's); new epochs move
     * the milestones unless {@code changes} sets them too.
     */
    public Protocol with(ConfigOverrides changes) {
        return of(changes.over(settings));
    }

    /** Sets the protocol's values on {@code builder} (a fidelity's layer goes on top). */
    public TrainConfig.Builder applyTo(TrainConfig.Builder builder) {
        return settings.applyTo(builder);
    }

    public int epochs() {
        return settings.epochs();
    }

    public double lr() {
        return settings.lr();
    }

    public List<Integer> lrMilestones() {
        return settings.lrMilestones();
    }

    public double lrGamma() {
        return settings.lrGamma();
    }

    public int batchSize() {
        return settings.batchSize();
    }

    public double weightDecay() {
        return settings.weightDecay();
    }

    public double momentum() {
        return settings.momentum();
    }

    public int trainLimit() {
        return settings.trainLimit();
    }

    public int testLimit() {
        return settings.testLimit();
    }

    public String precision() {
        return settings.precision();
    }

    /** The side every cell's images are resampled to (0 = the data's), unless a fidelity sets its own. */
    public int resolution() {
        return settings.resolution();
    }

    /** The study-wide part of {@code config}, every value set (the model's left out). */
    private static ConfigOverrides reference(TrainConfig config) {
        return ConfigOverrides.builder()
                .epochs(config.epochs())
                .lr(config.lr())
                .lrMilestones(config.lrMilestones())
                .lrGamma(config.lrGamma())
                .batchSize(config.batchSize())
                .weightDecay(config.weightDecay())
                .momentum(config.momentum())
                .trainLimit(config.trainLimit())
                .testLimit(config.testLimit())
                .precision(config.precision())
                .resolution(config.resolution())
                .build();
    }
}
