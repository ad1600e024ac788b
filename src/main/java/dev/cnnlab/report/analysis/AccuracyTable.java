package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Final-epoch test top-1 per technique set and model, and gains over the baseline set.
 *
 * <p>A gain is measured within a model: the set's mean minus the same model's baseline mean,
 * in percentage points. Pairs without a finished run have no entry, so nothing missing is
 * ever mistaken for a zero.
 *
 * @param sets technique sets, in display order
 * @param models model names, in display order
 * @param baseline the set gains are measured against
 * @param stats accuracy stats by set, then model (absent when nothing finished)
 */
public record AccuracyTable(
        List<String> sets, List<String> models, String baseline, Map<String, Map<String, SeedStats>> stats) {

    public AccuracyTable {
        sets = List.copyOf(sets);
        models = List.copyOf(models);
        Map<String, Map<String, SeedStats>> copy = new LinkedHashMap<>();
        stats.forEach((set, row) -> copy.put(set, Map.copyOf(row)));
        stats = Map.copyOf(copy);
        if (!sets.contains(baseline)) {
            throw new IllegalArgumentException("baseline '" + baseline + "' is not one of " + sets);
        }
    }

    /** The final-epoch accuracies of the evidence, by set then fidelity. */
    public static AccuracyTable of(Evidence evidence) {
        Map<String, Map<String, SeedStats>> stats = new LinkedHashMap<>();
        for (String set : evidence.sets()) {
            Map<String, SeedStats> row = new LinkedHashMap<>();
            for (String fidelity : evidence.fidelityNames()) {
                List<Double> values = evidence.cell(fidelity, set).stream()
                        .map(Evidence.Observation::top1)
                        .toList();
                if (!values.isEmpty()) {
                    row.put(fidelity, new SeedStats(values));
                }
            }
            stats.put(set, row);
        }
        return new AccuracyTable(evidence.sets(), evidence.fidelityNames(), evidence.baseline(), stats);
    }

    /** The stats of one pair, when at least one run finished. */
    public Optional<SeedStats> stats(String set, String model) {
        return Optional.ofNullable(stats.getOrDefault(set, Map.of()).get(model));
    }

    /** The mean accuracy of one pair. */
    public OptionalDouble mean(String set, String model) {
        return stats(set, model).map(s -> OptionalDouble.of(s.mean())).orElse(OptionalDouble.empty());
    }

    /** The gain of a set over the baseline on one model, in points; empty when either is missing. */
    public OptionalDouble gain(String set, String model) {
        OptionalDouble value = mean(set, model);
        OptionalDouble base = mean(baseline, model);
        return value.isPresent() && base.isPresent()
                ? OptionalDouble.of(value.getAsDouble() - base.getAsDouble())
                : OptionalDouble.empty();
    }

    /** The non-baseline sets, in display order. */
    public List<String> candidates() {
        return sets.stream().filter(s -> !s.equals(baseline)).toList();
    }

    /** Mean accuracy by set on one model, for the sets that have one (display order). */
    public Map<String, Double> means(String model) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String set : sets) {
            mean(set, model).ifPresent(m -> means.put(set, m));
        }
        return means;
    }

    /** Every pair's stats, for pooling the seed noise. */
    public List<SeedStats> allStats() {
        return stats.values().stream().flatMap(row -> row.values().stream()).toList();
    }
}
