package dev.cnnlab.study;

import dev.cnnlab.model.ModelSpec;

/**
 * One model size of a study.
 *
 * @param name column name in the report, e.g. {@code ResNet-29}
 * @param depth network depth (9n+2)
 */
public record ModelEntry(String name, Integer depth) {

    public ModelEntry {
        if (depth == null) {
            throw new IllegalArgumentException("every model needs a depth");
        }
        ModelSpec.cifar100(depth, false); // validates 9n+2
        if (name == null || name.isBlank()) {
            name = "ResNet-" + depth;
        }
    }
}
