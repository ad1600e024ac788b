package dev.cnnlab.technique;

import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.SqueezeExciteGate;

/**
 * Squeeze-and-Excitation (Hu et al., CVPR 2018): a learned per-channel gate at the end of every
 * residual branch, before the shortcut is added.
 */
public final class SqueezeExcitation implements Technique {

    /** Catalogue name. */
    public static final String NAME = "se";

    private final SqueezeExciteGate gate;

    /** SE with the given channel reduction (16 in the paper). */
    public SqueezeExcitation(int reduction) {
        this.gate = new SqueezeExciteGate(reduction); // checks the reduction
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelSpec shapeModel(ModelSpec spec) {
        return spec.withBranchExtension(gate);
    }
}
