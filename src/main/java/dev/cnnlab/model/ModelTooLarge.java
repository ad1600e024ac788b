package dev.cnnlab.model;

import dev.cnnlab.CnnlabException;
import java.util.Locale;

/**
 * A network too large to build on this machine. The message names no option: the command line
 * or study spec that chose the depth and width says how to change them.
 */
public final class ModelTooLarge extends CnnlabException {

    private static final long serialVersionUID = 1L;

    private final transient ModelSpec spec;
    private final double params;
    private final double neededBytes;
    private final long availableBytes;

    ModelTooLarge(ModelSpec spec, double params, double neededBytes, long availableBytes) {
        super(what(spec, params, neededBytes, availableBytes) + ": choose a smaller depth or width");
        this.spec = spec;
        this.params = params;
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** What is too large, without advice. */
    public String what() {
        return what(spec, params, neededBytes, availableBytes);
    }

    private static String what(ModelSpec spec, double params, double neededBytes, long availableBytes) {
        return String.format(
                Locale.ROOT,
                "%s would have at least %.3g parameters, %s for weights, gradients and"
                        + " momentum, more than this machine's %s of memory",
                spec.displayName(),
                params,
                bytes(neededBytes),
                bytes(availableBytes));
    }

    /** The refused network. */
    public ModelSpec spec() {
        return spec;
    }

    /** Its parameters (lower bound). */
    public double params() {
        return params;
    }

    /** Bytes training it would need at least. */
    public double neededBytes() {
        return neededBytes;
    }

    /** This machine's memory in bytes. */
    public long availableBytes() {
        return availableBytes;
    }

    static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == units.length - 1 ? "%.3g %s" : "%.1f %s", bytes, units[unit]);
    }
}
