package dev.cnnlab.study;

import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;

/**
 * One model size of a study.
 *
 * @param name column name in the report, e.g. {@code ResNet-29}
 * @param depth network depth (9n+2 for the bottleneck family)
 * @param family architecture family: bottleneck (default), basic or preact18
 * @param widen channel multiplier (default 1)
 */
public record ModelEntry(String name, Integer depth, String family, Integer widen) {

    public ModelEntry {
        if (depth == null) {
            throw new IllegalArgumentException("every model needs a depth");
        }
        family = family == null ? Family.BOTTLENECK.key() : family;
        widen = widen == null ? 1 : widen;
        Family f = Family.of(family);
        if (f == null) {
            throw new IllegalArgumentException("unknown model family '" + family + "': use bottleneck, basic or preact18");
        }
        ModelSpec spec = ModelSpec.cifar100(f, depth, widen); // validates the depth for the family
        if (name == null || name.isBlank()) {
            name = spec.displayName();
        }
    }

    /** A bottleneck model of the reference family. */
    public ModelEntry(String name, Integer depth) {
        this(name, depth, null, null);
    }
}
