package dev.cnnlab.technique;

import dev.cnnlab.CnnlabException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every technique cnnlab knows, with its options, their paper defaults, and how to build it.
 * Adding a technique means adding its class and one entry here.
 */
public final class TechniqueCatalog {

    /** One catalogue entry. */
    public record Entry(
            String name,
            String description,
            String acts,
            String paper,
            Map<String, Double> defaults,
            Function<Options, Technique> factory) {}

    /** Option values of one configured technique, defaults filled in. */
    public record Options(Map<String, Double> values) {
        public double get(String name) {
            return values.get(name);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry(
                SqueezeExcitation.NAME,
                "Squeeze-and-Excitation gate on every residual branch, before the shortcut is added",
                "model structure",
                "Hu et al., Squeeze-and-Excitation Networks, CVPR 2018",
                Map.of("reduction", 16.0),
                o -> new SqueezeExcitation((int) o.get("reduction"))));
        register(new Entry(
                Mixup.NAME,
                "blend image pairs and their labels with lam ~ Beta(alpha, alpha)",
                "per-batch mixing",
                "Zhang et al., mixup: Beyond Empirical Risk Minimization, ICLR 2018",
                Map.of("alpha", 1.0),
                o -> new Mixup(o.get("alpha"))));
    }

    private TechniqueCatalog() {}

    private static void register(Entry entry) {
        ENTRIES.put(entry.name(), entry);
    }

    /** All entries in catalogue order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** Builds a technique, checking its name and option names and values. */
    public static Technique create(TechniqueSpec spec) {
        Entry entry = ENTRIES.get(spec.name());
        if (entry == null) {
            throw new CnnlabException("unknown technique '" + spec.name() + "': choose one of "
                    + String.join(", ", ENTRIES.keySet()) + " (see `./cnnlab techniques`)");
        }
        Map<String, Double> values = new LinkedHashMap<>(entry.defaults());
        for (Map.Entry<String, Double> option : spec.options().entrySet()) {
            if (!entry.defaults().containsKey(option.getKey())) {
                throw new CnnlabException("technique '" + spec.name() + "' has no option '" + option.getKey()
                        + "': its options are " + String.join(", ", entry.defaults().keySet()));
            }
            values.put(option.getKey(), option.getValue());
        }
        try {
            return entry.factory().apply(new Options(Map.copyOf(values)));
        } catch (IllegalArgumentException e) {
            throw new CnnlabException("technique '" + spec.name() + "': " + e.getMessage());
        }
    }
}
