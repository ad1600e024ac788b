package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelCost;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.util.Json;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cnnlab model}: parameters, FLOPs and per-stage shapes of a network. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        defaultValueProvider = ReferenceDefaults.class,
        description = "Print a network's trainable parameters, forward FLOPs per image and a per-stage table.")
final class ModelCommand implements Runnable {

    @ArgGroup(validate = false, heading = "%nModel and techniques:%n", order = 1)
    ModelOptions model = new ModelOptions();

    @Option(
            names = "--resolution",
            paramLabel = "R",
            description = "count FLOPs for R x R images (default ${DEFAULT-VALUE}: CIFAR's 32); the parameters do not"
                    + " change")
    int resolution;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    /** The old way to set SE's reduction, kept hidden for one release (0.2): --technique se:reduction=R. */
    @Option(names = "--se-reduction", paramLabel = "R", hidden = true)
    Integer oldSeReduction;

    @Override
    public void run() {
        if (oldSeReduction != null) {
            System.err.println("cnnlab: warning: model --se-reduction R is now --technique se:reduction=R; the old"
                    + " option goes in the next release");
            model.se = false;
            model.techniques.add(0, "se:reduction=" + oldSeReduction);
        }
        ModelSpec spec = model.modelSpec();
        EngineSetup.start(1);
        int side = resolution == 0 ? 32 : resolution;
        if (side < 1) {
            throw new CnnlabException("--resolution must be >= 1, got " + resolution);
        }
        ModelSummary summary = ModelCost.summary(spec, side);
        if (json) {
            System.out.println(Json.write(summary));
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%s (pre-activation %s, %d blocks per stage, widen %s, %d classes, %dx%d images)%n",
                spec.displayName(),
                Family.of(model.family).key(),
                spec.blocksPerStage(),
                ModelSpec.formatWiden(model.widen),
                spec.numClasses(),
                side,
                side);
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
