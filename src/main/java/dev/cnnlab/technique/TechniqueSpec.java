package dev.cnnlab.technique;

import java.util.Map;
import java.util.TreeMap;

/**
 * A technique as configured: its catalogue name and the options that differ from the defaults.
 *
 * @param name catalogue name, e.g. {@code mixup}
 * @param options option values by name, e.g. {@code alpha -> 1.0}
 */
public record TechniqueSpec(String name, Map<String, Double> options) {

    public TechniqueSpec {
        options = Map.copyOf(new TreeMap<>(options));
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
