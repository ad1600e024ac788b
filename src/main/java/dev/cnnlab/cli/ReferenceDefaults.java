package dev.cnnlab.cli;

import dev.cnnlab.train.TrainConfig;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults read from {@link TrainConfig#REFERENCE}, so the reference protocol is written
 * once: {@code --help}'s "(default ...)" texts and the values used both come from it.
 */
final class ReferenceDefaults implements IDefaultValueProvider {

    private static final TrainConfig R = TrainConfig.REFERENCE;

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("--depth", Integer.toString(R.depth())),
            Map.entry("--family", R.family()),
            Map.entry("--widen", dev.cnnlab.model.ModelSpec.formatWiden(R.widen())),
            Map.entry("--epochs", Integer.toString(R.epochs())),
            Map.entry("--lr", Double.toString(R.lr())),
            Map.entry("--lr-gamma", Double.toString(R.lrGamma())),
            Map.entry("--batch-size", Integer.toString(R.batchSize())),
            Map.entry("--weight-decay", Double.toString(R.weightDecay())),
            Map.entry("--momentum", Double.toString(R.momentum())),
            Map.entry("--seed", Long.toString(R.seed())),
            Map.entry("--train-limit", Integer.toString(R.trainLimit())),
            Map.entry("--test-limit", Integer.toString(R.testLimit())),
            Map.entry("--precision", R.precision()),
            Map.entry("--resolution", Integer.toString(R.resolution())));

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? DEFAULTS.get(option.longestName()) : null;
    }

    /** A config problem phrased as the flag that sets the field, e.g. {@code --lr-milestones must ...}. */
    static String flag(String field) {
        if (field.equals("techniques")) {
            return "--technique"; // the config's list, given one --technique at a time
        }
        return "--" + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
