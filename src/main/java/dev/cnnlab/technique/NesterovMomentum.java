package dev.cnnlab.technique;

/**
 * Nesterov momentum (Sutskever et al., ICML 2013) in PyTorch's form: after
 * {@code buf = m * buf + d}, step along {@code d + m * buf} instead of {@code buf}.
 */
public final class NesterovMomentum implements Technique {

    public static final String NAME = "nesterov";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OptimizerSettings optimizer(OptimizerSettings settings) {
        return settings.withNesterov();
    }
}
