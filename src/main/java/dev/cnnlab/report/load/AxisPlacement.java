package dev.cnnlab.report.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a fidelity stands on the axes along which a proxy can be cheaper than its target: its
 * depth, width, resolution, training images and epochs. Two fidelities lie on one axis when
 * they share their frame (the model family, or a table's series) and every other axis's value,
 * and differ on that axis alone; three or more such fidelities let the analysis fit a technique's
 * gain against cost along the axis and extrapolate it to the target.
 *
 * <p>A cnnlab study places every fidelity on all five axes (from its resolved settings); a
 * published table places a fidelity on the one axis its {@code axis} and {@code size} name.
 *
 * @param frame what must match besides the axes (a model family, a table's series)
 * @param sizes the fidelity's value on each axis it is placed on, by axis name
 */
public record AxisPlacement(String frame, Map<String, Double> sizes) {

    /** The axis names, as the report and {@code analysis.json} write them. */
    public static final String DEPTH = "depth";

    public static final String WIDTH = "width";
    public static final String RESOLUTION = "resolution";
    public static final String DATA = "data";
    public static final String EPOCHS = "epochs";

    /** Every axis, in the order the report lists them. */
    public static final java.util.List<String> AXES = java.util.List.of(DEPTH, WIDTH, RESOLUTION, DATA, EPOCHS);

    /** Placed on no axis. */
    public static final AxisPlacement NONE = new AxisPlacement("", Map.of());

    /** @throws IllegalArgumentException for an unknown axis or a size that is not a positive number */
    public AxisPlacement {
        sizes = new TreeMap<>(sizes);
        for (Map.Entry<String, Double> e : sizes.entrySet()) {
            if (!AXES.contains(e.getKey())) {
                throw new IllegalArgumentException(
                        "unknown axis '" + e.getKey() + "': use one of " + String.join(", ", AXES));
            }
            if (!(e.getValue() > 0 && Double.isFinite(e.getValue()))) {
                throw new IllegalArgumentException(
                        "the size along " + e.getKey() + " must be a positive number, got " + e.getValue());
            }
        }
        sizes = java.util.Collections.unmodifiableMap(sizes);
    }

    /** A placement in {@code frame} at {@code sizes}. */
    public static AxisPlacement of(String frame, Map<String, Double> sizes) {
        return new AxisPlacement(frame, sizes);
    }

    /** Whether this and {@code other} differ on {@code axis} alone (and share their frame). */
    public boolean alongFrom(AxisPlacement other, String axis) {
        if (!frame.equals(other.frame) || !sizes.keySet().equals(other.sizes.keySet()) || !sizes.containsKey(axis)) {
            return false;
        }
        for (String key : sizes.keySet()) {
            if (!key.equals(axis) && !sizes.get(key).equals(other.sizes.get(key))) {
                return false;
            }
        }
        return !sizes.get(axis).equals(other.sizes.get(axis));
    }
}
