package dev.cnnlab.study;

import dev.cnnlab.data.CifarReader;
import dev.cnnlab.data.DataSpec;
import dev.cnnlab.technique.TechniqueCatalog;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.train.ConfigException;
import dev.cnnlab.train.ConfigOverrides;
import dev.cnnlab.train.Milestones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study: fidelities x technique sets x seeds under one protocol, optionally with a target
 * fidelity and a promotion from a proxy to the target.
 *
 * @param name study name
 * @param description what the study asks
 * @param models the fidelities (spec key {@code models}; each may shorten epochs or data)
 * @param techniques technique sets by name: each maps technique names to their options
 * @param baseline the technique set that gains are measured against
 * @param seeds seeds; every (fidelity, set) pair is trained once per seed
 * @param protocol the training protocol
 * @param reference published top-1 accuracies, by technique set then fidelity name (optional)
 * @param target the fidelity every other one is a proxy for; null = the most expensive
 *     (FLOPs x images x epochs, {@link #targetFidelity})
 * @param promote pick on a proxy, confirm on the target (optional)
 * @param data the data every cell trains on (optional: CIFAR-100's fine labels); its path may be
 *     left to the command line's {@code --data}
 */
public record StudySpec(
        String name,
        String description,
        List<Fidelity> models,
        Map<String, Map<String, Map<String, Double>>> techniques,
        String baseline,
        List<Long> seeds,
        Protocol protocol,
        Map<String, Map<String, Double>> reference,
        String target,
        Promotion promote,
        DataSpec data) {

    public StudySpec {
        require(name != null && !name.isBlank(), "'name' is missing");
        description = description == null ? "" : description;
        require(models != null && !models.isEmpty(), "'models' must list at least one model");
        models = List.copyOf(models);
        require(techniques != null && !techniques.isEmpty(), "'techniques' must define at least one technique set");
        Map<String, Map<String, Map<String, Double>>> sets = new LinkedHashMap<>();
        techniques.forEach((set, list) -> {
            Map<String, Map<String, Double>> entries = new LinkedHashMap<>();
            if (list != null) {
                list.forEach((technique, options) ->
                        entries.put(technique, options == null ? Map.of() : new LinkedHashMap<>(options)));
            }
            sets.put(set, entries);
        });
        techniques = sets;
        if (baseline == null) {
            baseline = sets.keySet().iterator().next();
        }
        require(
                sets.containsKey(baseline),
                "baseline '" + baseline + "' is not one of the technique sets " + sets.keySet());
        seeds = seeds == null || seeds.isEmpty() ? List.of(0L) : List.copyOf(seeds);
        require(seeds.stream().distinct().count() == seeds.size(), "'seeds' has duplicates: " + seeds);
        protocol = protocol == null ? Protocol.reference() : protocol;
        data = data == null ? DataSpec.DEFAULT : data;
        reference = reference == null ? Map.of() : reference;
        List<String> names = models.stream().map(Fidelity::name).toList();
        require(names.stream().distinct().count() == names.size(), "model names must be unique: " + names);
        for (Map.Entry<String, Map<String, Double>> row : reference.entrySet()) {
            require(
                    sets.containsKey(row.getKey()),
                    "reference names technique set '" + row.getKey() + "', which is not one of " + sets.keySet());
            for (String model : row.getValue().keySet()) {
                require(names.contains(model), "reference names model '" + model + "', which is not one of " + names);
            }
        }
        require(target == null || names.contains(target), "target '" + target + "' is not one of the models " + names);
        if (promote != null) {
            require(
                    names.contains(promote.from()),
                    "promote from '" + promote.from() + "' is not one of the models " + names);
            require(
                    names.contains(promote.to()),
                    "promote to '" + promote.to() + "' is not one of the models " + names);
            int candidates = sets.size() - 1;
            require(
                    promote.keep() <= candidates,
                    "promote keep " + promote.keep() + " is more than the " + candidates
                            + " technique set(s) besides the baseline");
        }
        for (Fidelity fidelity : models) {
            int epochs = fidelity.epochs(protocol);
            List<Integer> milestones = fidelity.lrMilestones();
            if (milestones != null) {
                int previous = 0;
                for (int m : milestones) {
                    require(
                            m > previous && m < epochs,
                            "lrMilestones " + milestones + " of model '" + fidelity.name()
                                    + "' must be increasing epochs inside its " + epochs + "-epoch run");
                    previous = m;
                }
            }
        }
        for (Map.Entry<String, Map<String, Map<String, Double>>> set : sets.entrySet()) {
            for (TechniqueSpec technique : specs(set.getValue())) {
                try {
                    TechniqueCatalog.create(technique);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("technique set '" + set.getKey() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    /** The techniques of one set, in the order written. */
    public List<TechniqueSpec> techniqueSet(String set) {
        return specs(techniques.get(set));
    }

    /** The fidelity of that name. */
    public Fidelity fidelity(String fidelityName) {
        return models.stream()
                .filter(f -> f.name().equals(fidelityName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model '" + fidelityName + "' in study " + name));
    }

    /**
     * All cells in their fixed order: for each fidelity, for each technique set, for each seed,
     * with the promotion's {@code to} fidelity last, so that the proxy stage comes first in a
     * sequential run and in a job array's low indices.
     */
    public List<Cell> cells() {
        List<Fidelity> order = new ArrayList<>(models);
        if (promote != null) {
            Fidelity to = fidelity(promote.to());
            order.remove(to);
            order.add(to);
        }
        List<Cell> cells = new ArrayList<>();
        for (Fidelity fidelity : order) {
            for (String set : techniques.keySet()) {
                for (long seed : seeds) {
                    String id = (fidelity.name() + "_" + set + "_s" + seed).replaceAll("[^A-Za-z0-9+._-]", "-");
                    cells.add(new Cell(cells.size(), id, fidelity, set, techniqueSet(set), seed));
                }
            }
        }
        return List.copyOf(cells);
    }

    /**
     * The target fidelity: the one named by {@code target}, else the most expensive by forward
     * FLOPs per image x training images x epochs (the first listed on a tie).
     *
     * @param flopsPerImage forward FLOPs per image of a fidelity's network
     * @param trainImages images in the data's training split
     */
    public Fidelity targetFidelity(java.util.function.ToLongFunction<Fidelity> flopsPerImage, int trainImages) {
        if (target != null) {
            return fidelity(target);
        }
        Fidelity best = models.get(0);
        double bestCost = -1;
        for (Fidelity f : models) {
            double cost =
                    (double) flopsPerImage.applyAsLong(f) * f.trainImages(protocol, trainImages) * f.epochs(protocol);
            if (cost > bestCost) {
                best = f;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * This spec with {@code overrides} laid over it (a command line's): epochs and training images
     * scale every fidelity's own in proportion ({@link #withEpochs}, {@link #withTrainLimit}); the
     * other settings replace the protocol's.
     *
     * @throws ConfigException naming the setting, when a value is invalid (as the cause of an
     *     IllegalArgumentException when the protocol refuses it)
     */
    public StudySpec with(ConfigOverrides overrides) {
        StudySpec result = this;
        if (overrides.epochs() != null) {
            if (overrides.epochs() < 1) {
                throw new ConfigException("epochs", "must be >= 1, got " + overrides.epochs());
            }
            result = result.withEpochs(overrides.epochs());
        }
        if (overrides.trainLimit() != null) {
            if (overrides.trainLimit() < 0) {
                throw new ConfigException("trainLimit", "must be >= 0 (0 = all), got " + overrides.trainLimit());
            }
            result = result.withTrainLimit(overrides.trainLimit());
        }
        ConfigOverrides rest =
                overrides.toBuilder().epochs(null).trainLimit(null).build();
        return rest.equals(ConfigOverrides.NONE)
                ? result
                : result.withProtocol(result.protocol().with(rest));
    }

    /**
     * The side of the images {@code fidelity} trains on: its resolution, else the data's size as
     * the spec knows it (an image folder's {@code imageSize}, else CIFAR's 32).
     */
    public int imageSide(Fidelity fidelity) {
        int resolution = fidelity.resolution(protocol);
        if (resolution > 0) {
            return resolution;
        }
        return data.imageSize() != null ? data.imageSize() : 32;
    }

    /** This spec on other data (e.g. the command line's labels). */
    public StudySpec withData(DataSpec newData) {
        return new StudySpec(
                name, description, models, techniques, baseline, seeds, protocol, reference, target, promote, newData);
    }

    /** This spec with other seeds. */
    public StudySpec withSeeds(List<Long> newSeeds) {
        return new StudySpec(
                name, description, models, techniques, baseline, newSeeds, protocol, reference, target, promote, data);
    }

    /** This spec with another protocol (same fidelities). */
    public StudySpec withProtocol(Protocol newProtocol) {
        return new StudySpec(
                name, description, models, techniques, baseline, seeds, newProtocol, reference, target, promote, data);
    }

    /**
     * This spec shortened or lengthened to {@code epochs}: the protocol's epochs (its milestones
     * move with them) and, in proportion, every fidelity's own epochs (at least 1), so a smoke run
     * keeps the study's shape.
     */
    public StudySpec withEpochs(int epochs) {
        double factor = (double) epochs / protocol.epochs();
        Protocol shortened =
                protocol.with(ConfigOverrides.builder().epochs(epochs).build());
        List<Fidelity> scaled = models.stream()
                .map(f -> {
                    Integer own = f.epochs() == null ? null : (int) Math.max(1, Math.round(f.epochs() * factor));
                    int after = own != null ? own : epochs;
                    List<Integer> milestones = f.lrMilestones() == null
                            ? null
                            : Milestones.scaled(f.lrMilestones(), f.epochs(protocol), after);
                    return Fidelity.of(
                            f.name(),
                            f.settings().toBuilder()
                                    .epochs(own)
                                    .lrMilestones(milestones)
                                    .build());
                })
                .toList();
        return new StudySpec(
                name, description, scaled, techniques, baseline, seeds, shortened, reference, target, promote, data);
    }

    /**
     * This spec on {@code trainLimit} training images (0 = all): the protocol's limit and, in
     * proportion, every fidelity's own (at least {@link #MIN_SCALED_TRAIN_LIMIT}).
     */
    public StudySpec withTrainLimit(int trainLimit) {
        double factor = (double) images(trainLimit) / images(protocol.trainLimit());
        List<Fidelity> scaled = models.stream()
                .map(f -> f.trainLimit() == null
                        ? f
                        : f.with(ConfigOverrides.builder()
                                .trainLimit((int)
                                        Math.max(MIN_SCALED_TRAIN_LIMIT, Math.round(images(f.trainLimit()) * factor)))
                                .build()))
                .toList();
        return new StudySpec(
                name,
                description,
                scaled,
                techniques,
                baseline,
                seeds,
                protocol.with(ConfigOverrides.builder().trainLimit(trainLimit).build()),
                reference,
                target,
                promote,
                data);
    }

    /** Fewest training images a proportionally shrunk fidelity keeps. */
    public static final int MIN_SCALED_TRAIN_LIMIT = 64;

    private static int images(int limit) {
        return limit == 0 ? CifarReader.TRAIN_RECORDS : limit;
    }

    private static List<TechniqueSpec> specs(Map<String, Map<String, Double>> set) {
        List<TechniqueSpec> list = new ArrayList<>();
        set.forEach((technique, options) -> list.add(new TechniqueSpec(technique, options)));
        return List.copyOf(list);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
