package dev.cnnlab.model;

import ai.djl.nn.Block;

/**
 * Stochastic depth's linear decay rule (Huang et al., ECCV 2016): block l of L keeps its branch
 * with probability {@code 1 - l/L (1 - survival)}, through a {@link DropPath}.
 *
 * @param survival survival probability of the last block, in (0, 1]
 */
public record StochasticDepthRule(double survival) implements BranchExtension {

    public StochasticDepthRule {
        if (!(survival > 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival must be in (0, 1], got " + survival);
        }
    }

    @Override
    public Placement placement() {
        return Placement.DROP;
    }

    @Override
    public Block build(BranchSite site) {
        return new DropPath(1 - (double) site.blockIndex() / site.totalBlocks() * (1 - survival));
    }

    @Override
    public String nameSuffix() {
        return survival < 1 ? "+SD" : "";
    }
}
