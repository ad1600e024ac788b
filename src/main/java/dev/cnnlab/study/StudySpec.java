package dev.cnnlab.study;

import dev.cnnlab.technique.TechniqueCatalog;
import dev.cnnlab.technique.TechniqueSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A size-versus-technique study: model sizes x technique sets x seeds under one protocol.
 *
 * @param name study name
 * @param description what the study asks
 * @param models model sizes, smallest first by convention
 * @param techniques technique sets by name: each maps technique names to their options
 * @param baseline the technique set that gains are measured against
 * @param seeds seeds; every (model, set) pair is trained once per seed
 * @param protocol the training protocol
 * @param reference published top-1 accuracies, by technique set then model name (optional)
 */
public record StudySpec(
        String name,
        String description,
        List<ModelEntry> models,
        Map<String, Map<String, Map<String, Double>>> techniques,
        String baseline,
        List<Long> seeds,
        Protocol protocol,
        Map<String, Map<String, Double>> reference) {

    public StudySpec {
        require(name != null && !name.isBlank(), "'name' is missing");
        description = description == null ? "" : description;
        require(models != null && !models.isEmpty(), "'models' must list at least one model");
        require(techniques != null && !techniques.isEmpty(), "'techniques' must define at least one technique set");
        Map<String, Map<String, Map<String, Double>>> sets = new LinkedHashMap<>();
        techniques.forEach((set, list) -> {
            Map<String, Map<String, Double>> entries = new LinkedHashMap<>();
            if (list != null) {
                list.forEach((technique, options) -> entries.put(technique, options == null ? Map.of() : Map.copyOf(options)));
            }
            sets.put(set, entries);
        });
        techniques = sets;
        if (baseline == null) {
            baseline = sets.keySet().iterator().next();
        }
        require(sets.containsKey(baseline), "baseline '" + baseline + "' is not one of the technique sets " + sets.keySet());
        seeds = seeds == null || seeds.isEmpty() ? List.of(0L) : List.copyOf(seeds);
        require(seeds.stream().distinct().count() == seeds.size(), "'seeds' has duplicates: " + seeds);
        protocol = protocol == null ? Protocol.reference() : protocol;
        reference = reference == null ? Map.of() : reference;
        List<String> names = models.stream().map(ModelEntry::name).toList();
        require(names.stream().distinct().count() == names.size(), "model names must be unique: " + names);
        for (Map.Entry<String, Map<String, Double>> row : reference.entrySet()) {
            require(sets.containsKey(row.getKey()), "reference names technique set '" + row.getKey()
                    + "', which is not one of " + sets.keySet());
            for (String model : row.getValue().keySet()) {
                require(names.contains(model), "reference names model '" + model + "', which is not one of " + names);
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

    /** All cells in their fixed order: for each model, for each technique set, for each seed. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (ModelEntry model : models) {
            for (String set : techniques.keySet()) {
                for (long seed : seeds) {
                    String id = (model.name() + "_" + set + "_s" + seed).replaceAll("[^A-Za-z0-9+._-]", "-");
                    cells.add(new Cell(cells.size(), id, model, set, techniqueSet(set), seed));
                }
            }
        }
        return List.copyOf(cells);
    }

    /** This spec with command-line overrides applied (null = keep). */
    public StudySpec override(Integer epochs, Integer batchSize, Integer trainLimit, Integer testLimit, List<Long> newSeeds,
            String precision) {
        return new StudySpec(name, description, models, techniques, baseline, newSeeds != null ? newSeeds : seeds,
                protocol.override(epochs, batchSize, trainLimit, testLimit, precision), reference);
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
