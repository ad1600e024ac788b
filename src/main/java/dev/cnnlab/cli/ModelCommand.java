package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelCost;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.technique.SqueezeExcitation;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cnnlab model}: parameters, FLOPs and per-stage shapes of a network. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Print a network's trainable parameters, forward FLOPs per image and a per-stage table.")
final class ModelCommand implements Runnable {

    @Option(
            names = "--depth",
            defaultValue = "29",
            description =
                    "depth: 9n+2 for bottleneck (29, 164), 6n+2 for basic (20, 56, 110), 18 for preact18 (default ${DEFAULT-VALUE})")
    int depth;

    @Option(
            names = "--family",
            defaultValue = "bottleneck",
            description = "bottleneck, basic or preact18 (default ${DEFAULT-VALUE})")
    String family;

    @Option(
            names = "--widen",
            defaultValue = "1",
            description = "channel multiplier of every stage (default ${DEFAULT-VALUE})")
    int widen;

    @Option(names = "--se", description = "with Squeeze-and-Excitation on every residual branch")
    boolean se;

    @Option(
            names = "--se-reduction",
            defaultValue = "16",
            description = "SE channel reduction (default ${DEFAULT-VALUE})")
    int seReduction;

    @Option(
            names = "--technique",
            paramLabel = "NAME[:KEY=VALUE,...]",
            description = "a technique, repeatable; structural ones (see `./cnnlab techniques`) shape the network")
    List<String> techniques = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public void run() {
        Family f = Family.of(family);
        if (f == null) {
            throw new CnnlabException("unknown --family '" + family + "': use bottleneck, basic or preact18");
        }
        List<TechniqueSpec> specs = new ArrayList<>();
        if (se) {
            specs.add(TechniqueSpec.of(SqueezeExcitation.NAME, "reduction", seReduction));
        }
        techniques.forEach(t -> specs.add(TechniqueOption.parse(t)));
        ModelSpec spec = TechniqueSet.of(specs).shape(ModelSpec.cifar100(f, depth, widen));
        EngineSetup.start(1);
        ModelSummary summary = ModelCost.summary(spec);
        if (json) {
            System.out.println(Json.write(summary));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%s (pre-activation %s, %d blocks per stage, widen %d, 100 classes)%n",
                spec.displayName(),
                f.key(),
                spec.blocksPerStage(),
                widen);
        System.out.printf(Locale.ROOT, "%-8s %-16s %12s %14s%n", "part", "output (C,H,W)", "params", "MFLOPs/image");
        for (ModelSummary.Part part : summary.parts()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-16s %,12d %14.2f%n",
                    part.name(),
                    part.outputShape(),
                    part.params(),
                    part.flops() / 1e6);
        }
        System.out.printf(
                Locale.ROOT, "%-8s %-16s %,12d %14.2f%n", "total", "", summary.params(), summary.flopsPerImage() / 1e6);
        System.out.printf(
                Locale.ROOT,
                "params: %d   forward GFLOPs/image: %.4f   train GFLOPs/image (3x): %.4f%n",
                summary.params(),
                summary.flopsPerImage() / 1e9,
                3 * summary.flopsPerImage() / 1e9);
    }
}
