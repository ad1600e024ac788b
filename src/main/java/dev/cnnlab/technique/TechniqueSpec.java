package dev.cnnlab.technique;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A technique as configured: its catalogue name and the options that differ from the defaults.
 *
 * @param name catalogue name, e.g. {@code mixup}
 * @param options option values by name, e.g. {@code alpha -> 1.0}; iterated in name order, so
 *     {@code config.json}, run names and reports list them the same way on every run
 */
public record TechniqueSpec(String name, Map<String, Double> options) {

    public TechniqueSpec {
        // not Map.copyOf: its iteration order is salted per JVM, which would reorder config.json
        TreeMap<String, Double> sorted = new TreeMap<>();
        options.forEach((key, value) -> sorted.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        options = Collections.unmodifiableSortedMap(sorted);
    }

    /** A technique with its default options. */
    public static TechniqueSpec of(String name) {
        return new TechniqueSpec(name, Map.of());
    }

    /** A technique with one option set. */
    public static TechniqueSpec of(String name, String option, double value) {
        return new TechniqueSpec(name, Map.of(option, value));
    }
}
