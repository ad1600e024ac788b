package dev.cnnlab.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.train.ConfigOverrides;
import dev.cnnlab.train.TrainConfig;
import java.util.List;
import java.util.Set;

/**
 * One fidelity of a study: a way of training every technique set, cheaper or dearer than the
 * others. It is a named layer of training settings ({@link ConfigOverrides}) over the study's
 * protocol: a model (depth, family, width) and possibly a shorter schedule ({@code epochs}, whose
 * LR milestones then move with it unless {@code lrMilestones} is given) or less data
 * ({@code trainLimit}) or smaller images ({@code resolution}: the side they are resampled to).
 * Written under the spec key {@code models} (each entry is one fidelity).
 *
 * @param name the fidelity's name in the report, e.g. {@code ResNet-29}
 * @param settings what this fidelity sets over the protocol: a depth always
 */
public record Fidelity(String name, @JsonUnwrapped ConfigOverrides settings) {

    /** The keys a fidelity may set; the rest of the settings are study-wide (the protocol's). */
    static final Set<String> KEYS =
            Set.of("depth", "family", "widen", "epochs", "trainLimit", "lrMilestones", "resolution");

    /** The model family when a fidelity names none (the reference protocol's). */
    private static final String DEFAULT_FAMILY = TrainConfig.REFERENCE.family();

    /** @throws IllegalArgumentException naming the key at fault */
    public Fidelity {
        for (String key : settings.setKeys()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "'" + key + "' is study-wide: give it in 'protocol', not to a model" + " (a model sets "
                                + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        if (settings.depth() == null) {
            throw new IllegalArgumentException("every model needs a depth");
        }
        settings = settings.toBuilder()
                .family(settings.family() == null ? DEFAULT_FAMILY : settings.family())
                .widen(settings.widen() == null ? TrainConfig.REFERENCE.widen() : settings.widen())
                .build();
        Family f = Family.of(settings.family());
        if (f == null) {
            throw new IllegalArgumentException(
                    "unknown model family '" + settings.family() + "': use bottleneck, basic or preact18");
        }
        require(
                settings.widen() > 0 && Double.isFinite(settings.widen()),
                "'widen' must be a number > 0, got " + ModelSpec.formatWiden(settings.widen()));
        require(settings.epochs() == null || settings.epochs() >= 1, "'epochs' must be >= 1, got " + settings.epochs());
        require(
                settings.resolution() == null || settings.resolution() >= 0,
                "'resolution' must be >= 0 (0 = the data's image size), got " + settings.resolution());
        require(
                settings.trainLimit() == null || settings.trainLimit() >= 0,
                "'trainLimit' must be >= 0 (0 = all), got " + settings.trainLimit());
        ModelSpec spec = ModelSpec.cifar100(f, settings.depth(), settings.widen()); // validates the depth
        if (name == null || name.isBlank()) {
            name = spec.displayName();
        }
    }

    /** A fidelity named {@code name} (null: the model's display name) with {@code settings} over the protocol. */
    public static Fidelity of(String name, ConfigOverrides settings) {
        return new Fidelity(name, settings);
    }

    /** Reads a {@code models} entry of a spec or {@code study.json}. */
    @JsonCreator
    static Fidelity fromJson(
            @JsonProperty("name") String name,
            @JsonProperty("depth") Integer depth,
            @JsonProperty("family") String family,
            @JsonProperty("widen") Double widen,
            @JsonProperty("epochs") Integer epochs,
            @JsonProperty("trainLimit") Integer trainLimit,
            @JsonProperty("lrMilestones") List<Integer> lrMilestones,
            @JsonProperty("resolution") Integer resolution) {
        return of(
                name,
                ConfigOverrides.builder()
                        .depth(depth)
                        .family(family)
                        .widen(widen)
                        .epochs(epochs)
                        .trainLimit(trainLimit)
                        .lrMilestones(lrMilestones)
                        .resolution(resolution)
                        .build());
    }

    public int depth() {
        return settings.depth();
    }

    public String family() {
        return settings.family();
    }

    public double widen() {
        return settings.widen();
    }

    /** This fidelity's own epochs, or null for the protocol's. */
    public Integer epochs() {
        return settings.epochs();
    }

    /** This fidelity's own training images (0 = all), or null for the protocol's. */
    public Integer trainLimit() {
        return settings.trainLimit();
    }

    /** This fidelity's own milestones, or null to move the protocol's with its epochs. */
    public List<Integer> lrMilestones() {
        return settings.lrMilestones();
    }

    /** The side this fidelity resamples images to under {@code protocol} (0 = the data's). */
    public int resolution(Protocol protocol) {
        return settings.resolution() != null ? settings.resolution() : protocol.resolution();
    }

    /** The epochs this fidelity trains under {@code protocol}. */
    public int epochs(Protocol protocol) {
        return epochs() != null ? epochs() : protocol.epochs();
    }

    /** The training images this fidelity uses under {@code protocol} (0 = all). */
    public int trainLimit(Protocol protocol) {
        return trainLimit() != null ? trainLimit() : protocol.trainLimit();
    }

    /** The number of training images per epoch under {@code protocol}, of {@code available} in the data. */
    public int trainImages(Protocol protocol, int available) {
        int limit = trainLimit(protocol);
        return limit == 0 ? available : Math.min(limit, available);
    }

    /** The network before techniques shape it. */
    public ModelSpec modelSpec() {
        return ModelSpec.cifar100(Family.of(family()), depth(), widen());
    }

    /** This fidelity with {@code changes} laid over its own settings. */
    public Fidelity with(ConfigOverrides changes) {
        return of(name, changes.over(settings));
    }

    /** Sets this fidelity's values on {@code builder}, which holds the protocol's. */
    public TrainConfig.Builder applyTo(TrainConfig.Builder builder) {
        return settings.applyTo(builder);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
