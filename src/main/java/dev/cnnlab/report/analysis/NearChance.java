package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The fidelities whose runs are barely above chance: mean final top-1 below {@link #FACTOR} times
 * chance (100 / classes percent). Their accuracies are mostly noise, so their gains, and any
 * ranking built on them, cannot mean much. Needs the number of classes; without it nothing is flagged.
 *
 * @param classes the number of classes (0 when unknown)
 * @param fidelities the fidelities near chance, in display order, with their mean top-1
 */
public record NearChance(int classes, List<Fidelity> fidelities) {

    /** A fidelity is near chance below this multiple of chance accuracy. */
    public static final double FACTOR = 3;

    /**
     * One fidelity near chance.
     *
     * @param name the fidelity
     * @param meanTop1 its mean final top-1 over every finished run, percent
     */
    public record Fidelity(String name, double meanTop1) {}

    public NearChance {
        fidelities = List.copyOf(fidelities);
    }

    /** The fidelities of {@code evidence} near chance (none when its number of classes is unknown). */
    public static NearChance of(Evidence evidence) {
        if (evidence.classes().isEmpty()) {
            return new NearChance(0, List.of());
        }
        int classes = evidence.classes().getAsInt();
        double bound = FACTOR * chance(classes);
        List<Fidelity> near = new ArrayList<>();
        for (String name : evidence.fidelityNames()) {
            OptionalDouble mean = evidence.observations().stream()
                    .filter(o -> o.fidelity().equals(name))
                    .mapToDouble(Evidence.Observation::top1)
                    .average();
            if (mean.isPresent() && mean.getAsDouble() < bound) {
                near.add(new Fidelity(name, mean.getAsDouble()));
            }
        }
        return new NearChance(classes, near);
    }

    /** Chance top-1 in percent: a uniform guess among {@code classes}. */
    public static double chance(int classes) {
        return 100.0 / classes;
    }

    /** Whether any fidelity is near chance. */
    public boolean any() {
        return !fidelities.isEmpty();
    }
}
