package dev.cnnlab.technique;

import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.StochasticDepthRule;

/**
 * Stochastic depth (Huang et al., ECCV 2016): residual branches are dropped per sample during
 * training, block l of L surviving with probability {@code 1 - l/L (1 - survival)} (the paper's
 * linear decay; {@code survival} 0.5 for its CIFAR ResNets), rescaled so inference needs nothing.
 */
public final class StochasticDepth implements Technique {

    public static final String NAME = "stochastic-depth";

    private final StochasticDepthRule rule;

    public StochasticDepth(double survival) {
        this.rule = new StochasticDepthRule(survival); // checks the survival
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelSpec shapeModel(ModelSpec spec) {
        return spec.withBranchExtension(rule);
    }
}
