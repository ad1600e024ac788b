package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * A cheap stand-in for the target: a fidelity's final epoch, or a fidelity (the target
 * included) after its first {@code epoch} epochs, read off the runs' learning curves at no extra
 * cost.
 *
 * @param name how the report names it, e.g. {@code ResNet-11} or {@code ResNet-29 @ epoch 2/4}
 * @param fidelity the fidelity whose runs it reads
 * @param epoch the epoch read (1-based), or 0 for the final epoch
 * @param relativeCompute its FLOPs x images x epochs over the target's, when known
 * @param relativeSeconds its measured training seconds over the target's, when known
 */
public record Proxy(
        String name, String fidelity, int epoch, OptionalDouble relativeCompute, OptionalDouble relativeSeconds) {

    /** Whether this proxy reads a learning curve rather than a final epoch. */
    public boolean learningCurve() {
        return epoch > 0;
    }

    /** The cost the report compares proxies by: compute when known, else measured seconds. */
    public OptionalDouble cost() {
        return relativeCompute.isPresent() ? relativeCompute : relativeSeconds;
    }

    /**
     * Every proxy of the evidence: each non-target fidelity's final epoch, then for every
     * fidelity with learning curves the epochs at 25%, 50% and 75% of its schedule and the last
     * epoch before each LR drop.
     */
    public static List<Proxy> of(Evidence evidence) {
        List<Proxy> proxies = new ArrayList<>();
        String target = evidence.target();
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            if (!f.name().equals(target)) {
                proxies.add(proxy(evidence, f, 0));
            }
        }
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            if (f.epochs().isEmpty()
                    || evidence.observations().stream()
                            .noneMatch(o ->
                                    o.fidelity().equals(f.name()) && !o.curve().isEmpty())) {
                continue;
            }
            for (int epoch : curveEpochs(f.epochs().getAsInt(), f.lrDrops())) {
                proxies.add(proxy(evidence, f, epoch));
            }
        }
        return List.copyOf(proxies);
    }

    /** The epochs read off a curve of {@code epochs}: 25/50/75% and the last epoch before each drop. */
    static List<Integer> curveEpochs(int epochs, List<Integer> lrDrops) {
        TreeSet<Integer> picked = new TreeSet<>();
        for (double fraction : new double[] {0.25, 0.5, 0.75}) {
            picked.add((int) Math.round(fraction * epochs));
        }
        picked.addAll(lrDrops);
        picked.removeIf(k -> k < 1 || k >= epochs);
        return List.copyOf(picked);
    }

    private static Proxy proxy(Evidence evidence, Evidence.FidelityInfo f, int epoch) {
        Evidence.FidelityInfo target = evidence.fidelity(evidence.target());
        double share = epoch == 0 ? 1 : (double) epoch / f.epochs().getAsInt();
        OptionalDouble compute =
                f.computeCost().isPresent() && target.computeCost().isPresent()
                        ? OptionalDouble.of(f.computeCost().getAsDouble()
                                * share
                                / target.computeCost().getAsDouble())
                        : OptionalDouble.empty();
        OptionalDouble seconds = evidence.meanSeconds(f.name(), epoch);
        OptionalDouble targetSeconds = evidence.meanSeconds(target.name(), 0);
        OptionalDouble relative = seconds.isPresent() && targetSeconds.isPresent() && targetSeconds.getAsDouble() > 0
                ? OptionalDouble.of(seconds.getAsDouble() / targetSeconds.getAsDouble())
                : OptionalDouble.empty();
        String name = epoch == 0
                ? f.name()
                : f.name() + " @ epoch " + epoch + "/" + f.epochs().getAsInt();
        return new Proxy(name, f.name(), epoch, compute, relative);
    }
}
