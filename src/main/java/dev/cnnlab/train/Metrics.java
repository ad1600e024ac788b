package dev.cnnlab.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Extra metrics by name, as runs record them: in the order they were computed, unmodifiable. */
final class Metrics {

    private Metrics() {}

    /** An unmodifiable copy that keeps the order (null = none). */
    static Map<String, Double> copyOf(Map<String, Double> metrics) {
        return metrics == null || metrics.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
