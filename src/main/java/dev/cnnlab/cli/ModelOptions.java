package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.technique.Mixup;
import dev.cnnlab.technique.SqueezeExcitation;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TechniqueSpec;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The network and its techniques, as {@code train}, {@code model} and {@code bench} take them
 * (an argument group: each command shows it under its own heading). Defaults come from the
 * command's {@link ReferenceDefaults}.
 */
final class ModelOptions {

    @Option(
            names = "--depth",
            paramLabel = "D",
            description = "depth: 9n+2 for bottleneck (29 the proxy, 164 the target), 6n+2 for basic (20, 56, 110),"
                    + " 18 for preact18 (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--family", description = "bottleneck, basic or preact18 (default ${DEFAULT-VALUE})")
    String family;

    @Option(
            names = "--widen",
            description = "channel multiplier of every stage, > 0, e.g. 0.5 or 2; widths are multiples of 4"
                    + " (default ${DEFAULT-VALUE})")
    double widen;

    @Option(names = "--se", description = "Squeeze-and-Excitation on every residual branch (reduction 16)")
    boolean se;

    @Option(
            names = "--mixup",
            paramLabel = "ALPHA",
            description = "mixup with lambda ~ Beta(ALPHA, ALPHA) (paper: 1.0)")
    Double mixup;

    @Option(
            names = "--technique",
            paramLabel = "NAME[:K=V,...]",
            description = "any catalogue technique with options, repeatable, e.g. se:reduction=8 or cutmix:prob=0.5"
                    + " (see `cnnlab techniques`)")
    List<String> techniques = new ArrayList<>();

    /** The techniques asked for, in order: --se, --mixup, then each --technique. */
    List<TechniqueSpec> techniqueSpecs() {
        List<TechniqueSpec> specs = new ArrayList<>();
        if (se) {
            specs.add(TechniqueSpec.of(SqueezeExcitation.NAME));
        }
        if (mixup != null) {
            specs.add(TechniqueSpec.of(Mixup.NAME, "alpha", mixup));
        }
        techniques.forEach(text -> specs.add(TechniqueOption.parse(text)));
        return List.copyOf(specs);
    }

    /** The network: the depth, family and width shaped by the techniques. */
    ModelSpec modelSpec() {
        Family f = Family.of(family);
        if (f == null) {
            throw new CnnlabException("unknown --family '" + family + "': use bottleneck, basic or preact18");
        }
        return TechniqueSet.of(techniqueSpecs()).shape(ModelSpec.cifar100(f, depth, widen));
    }
}
