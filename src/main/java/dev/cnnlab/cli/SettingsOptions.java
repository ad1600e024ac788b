package dev.cnnlab.cli;

import dev.cnnlab.train.ConfigOverrides;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The training settings as options: the command line's layer of {@link ConfigOverrides}, for
 * {@code train} (over the reference protocol) and {@code study} (over the spec's protocol and
 * fidelities). Help texts show the reference protocol's values ({@link ReferenceDefaults}).
 */
final class SettingsOptions {

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (reference ${DEFAULT-VALUE})")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "LR", description = "initial learning rate (reference ${DEFAULT-VALUE})")
    Double lr;

    @Option(
            names = "--lr-milestones",
            paramLabel = "E,E",
            split = ",",
            description = "epochs where the LR is multiplied by --lr-gamma (reference: 80,120 of 160, moved to"
                    + " --epochs, e.g. 2,3 for 4 epochs)")
    List<Integer> lrMilestones;

    @Option(names = "--lr-gamma", paramLabel = "G", description = "LR decay factor (reference ${DEFAULT-VALUE})")
    Double lrGamma;

    @Option(names = "--batch-size", paramLabel = "N", description = "batch size (reference ${DEFAULT-VALUE})")
    Integer batchSize;

    @Option(names = "--weight-decay", paramLabel = "WD", description = "weight decay (reference ${DEFAULT-VALUE})")
    Double weightDecay;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (reference ${DEFAULT-VALUE})")
    Double momentum;

    @Option(
            names = "--train-limit",
            paramLabel = "N",
            description = "use the first N training images (0 = all 50000; reference ${DEFAULT-VALUE})")
    Integer trainLimit;

    @Option(
            names = "--test-limit",
            paramLabel = "N",
            description = "use the first N test images (0 = all 10000; reference ${DEFAULT-VALUE})")
    Integer testLimit;

    @Option(
            names = "--precision",
            paramLabel = "P",
            description = "fp32, or bf16: mixed precision (bf16 compute, fp32 master weights) for CPUs with"
                    + " AVX512-BF16 or AMX and for recent GPUs (reference ${DEFAULT-VALUE})")
    String precision;

    @Option(
            names = "--resolution",
            paramLabel = "R",
            description = "resample the images to R x R once at load and train at R (0 = the data's size;"
                    + " reference ${DEFAULT-VALUE})")
    Integer resolution;

    /** Every setting as it stands after parsing: given, else the reference's. */
    ConfigOverrides all() {
        return ConfigOverrides.builder()
                .epochs(epochs)
                .lr(lr)
                .lrMilestones(lrMilestones)
                .lrGamma(lrGamma)
                .batchSize(batchSize)
                .weightDecay(weightDecay)
                .momentum(momentum)
                .trainLimit(trainLimit)
                .testLimit(testLimit)
                .precision(precision)
                .resolution(resolution)
                .build();
    }

    /** Only the settings given on the command line of {@code command}. */
    ConfigOverrides given(CommandSpec command) {
        ParseResult parsed = command.commandLine().getParseResult();
        return ConfigOverrides.builder()
                .epochs(parsed.hasMatchedOption("--epochs") ? epochs : null)
                .lr(parsed.hasMatchedOption("--lr") ? lr : null)
                .lrMilestones(parsed.hasMatchedOption("--lr-milestones") ? lrMilestones : null)
                .lrGamma(parsed.hasMatchedOption("--lr-gamma") ? lrGamma : null)
                .batchSize(parsed.hasMatchedOption("--batch-size") ? batchSize : null)
                .weightDecay(parsed.hasMatchedOption("--weight-decay") ? weightDecay : null)
                .momentum(parsed.hasMatchedOption("--momentum") ? momentum : null)
                .trainLimit(parsed.hasMatchedOption("--train-limit") ? trainLimit : null)
                .testLimit(parsed.hasMatchedOption("--test-limit") ? testLimit : null)
                .precision(parsed.hasMatchedOption("--precision") ? precision : null)
                .resolution(parsed.hasMatchedOption("--resolution") ? resolution : null)
                .build();
    }

    /** The given settings as command-line arguments again (for worker processes). */
    static List<String> arguments(ConfigOverrides given) {
        List<String> args = new java.util.ArrayList<>();
        add(args, "--epochs", given.epochs());
        add(args, "--lr", given.lr());
        if (given.lrMilestones() != null) {
            args.add("--lr-milestones");
            args.add(String.join(
                    ",", given.lrMilestones().stream().map(String::valueOf).toList()));
        }
        add(args, "--lr-gamma", given.lrGamma());
        add(args, "--batch-size", given.batchSize());
        add(args, "--weight-decay", given.weightDecay());
        add(args, "--momentum", given.momentum());
        add(args, "--train-limit", given.trainLimit());
        add(args, "--test-limit", given.testLimit());
        add(args, "--precision", given.precision());
        add(args, "--resolution", given.resolution());
        return args;
    }

    private static void add(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name);
            args.add(value.toString());
        }
    }
}
