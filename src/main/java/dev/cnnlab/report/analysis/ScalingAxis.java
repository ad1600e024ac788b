package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.AxisPlacement;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fidelities that differ from the target in one field alone (depth, width, resolution,
 * training images or epochs), ordered by their cost along it: the ground on which a technique's
 * gain is fitted against log cost and extrapolated to the target. Only axes with at least
 * {@link #MIN_FIDELITIES} fidelities (the target among them) are kept: two proxies are the
 * fewest that show a trend.
 *
 * @param axis the field in which they differ
 * @param costMeasure what x is the log of: {@code compute} (forward FLOPs × images × epochs,
 *     known for a cnnlab study) or {@code size} (the table's size along the axis)
 * @param target the target fidelity's name
 * @param stations every fidelity on the axis, the target included, cheapest first
 */
public record ScalingAxis(String axis, String costMeasure, String target, List<Station> stations) {

    /** Fidelities, the target among them, an axis needs. */
    public static final int MIN_FIDELITIES = 3;

    /**
     * One fidelity on the axis.
     *
     * @param fidelity its name
     * @param size its value along the axis (a depth, a width, a side, images, epochs)
     * @param cost the cost whose log is x
     */
    public record Station(String fidelity, double size, double cost) {

        /** The fit's x: the natural log of the cost. */
        public double x() {
            return Math.log(cost);
        }
    }

    public ScalingAxis {
        stations = List.copyOf(stations);
    }

    /** Every axis along which the target has at least {@link #MIN_FIDELITIES} fidelities. */
    public static List<ScalingAxis> all(Evidence evidence) {
        Evidence.FidelityInfo target = evidence.fidelity(evidence.target());
        List<ScalingAxis> axes = new ArrayList<>();
        for (String axis : AxisPlacement.AXES) {
            if (!target.placement().sizes().containsKey(axis)) {
                continue;
            }
            List<Evidence.FidelityInfo> on = new ArrayList<>();
            on.add(target);
            for (Evidence.FidelityInfo f : evidence.fidelities()) {
                if (f != target && f.placement().alongFrom(target.placement(), axis)) {
                    on.add(f);
                }
            }
            if (on.size() < MIN_FIDELITIES) {
                continue;
            }
            boolean compute = on.stream().allMatch(f -> f.computeCost().isPresent());
            List<Station> stations = on.stream()
                    .map(f -> new Station(
                            f.name(),
                            f.placement().sizes().get(axis),
                            compute
                                    ? f.computeCost().getAsDouble()
                                    : f.placement().sizes().get(axis)))
                    .sorted(Comparator.comparingDouble(Station::cost))
                    .toList();
            if (stations.stream().map(Station::cost).distinct().count() < stations.size()) {
                continue; // two fidelities at one cost: the axis does not order them
            }
            axes.add(new ScalingAxis(axis, compute ? "compute" : "size", target.name(), stations));
        }
        return List.copyOf(axes);
    }

    /** The target's station. */
    public Station targetStation() {
        return stations.stream()
                .filter(s -> s.fidelity().equals(target))
                .findFirst()
                .orElseThrow();
    }

    /** The proxies' stations, cheapest first. */
    public List<Station> proxies() {
        return stations.stream().filter(s -> !s.fidelity().equals(target)).toList();
    }

    /** What x is the log of, in words. */
    public String costWords() {
        return costMeasure.equals("compute") ? "forward FLOPs × images × epochs" : axis;
    }
}
