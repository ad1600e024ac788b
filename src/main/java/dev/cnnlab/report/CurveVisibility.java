package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * From which epoch on a fidelity's learning curves rank the technique sets exactly as the
 * target's final epoch does (and keep doing so to the end of the schedule).
 *
 * @param fidelity the fidelity whose curves are read
 * @param epochs its schedule length
 * @param sets the sets ranked (those with curves on the fidelity and results on the target)
 * @param targetRanking the target's final ranking of those sets, best first
 * @param visibleFrom the first epoch from which every later epoch ranks the same, if any
 */
public record CurveVisibility(
        String fidelity, int epochs, List<String> sets, List<String> targetRanking, OptionalInt visibleFrom) {

    /** The visibility for every fidelity with curves. */
    static List<CurveVisibility> all(Evidence evidence, SeedBootstrap bootstrap) {
        List<CurveVisibility> all = new ArrayList<>();
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            if (f.epochs().isEmpty()) {
                continue;
            }
            int epochs = f.epochs().getAsInt();
            List<String> sets = evidence.sets().stream()
                    .filter(s -> bootstrap.has(f.name(), s, epochs)
                            && evidence.cell(f.name(), s).stream()
                                    .allMatch(o -> !o.curve().isEmpty())
                            && bootstrap.has(evidence.target(), s, 0))
                    .toList();
            if (sets.size() < 2) {
                continue;
            }
            List<String> target = ranking(sets, s -> bootstrap.observedMean(evidence.target(), s, 0));
            int from = epochs + 1;
            for (int k = epochs; k >= 1; k--) {
                int epoch = k;
                if (!ranking(sets, s -> bootstrap.observedMean(f.name(), s, epoch))
                        .equals(target)) {
                    break;
                }
                from = k;
            }
            all.add(new CurveVisibility(
                    f.name(), epochs, sets, target, from <= epochs ? OptionalInt.of(from) : OptionalInt.empty()));
        }
        return List.copyOf(all);
    }

    /** Sets best first by the given mean; ties keep the listed order. */
    static List<String> ranking(List<String> sets, java.util.function.ToDoubleFunction<String> mean) {
        List<String> order = new ArrayList<>(sets);
        order.sort(Comparator.comparingDouble(mean).reversed());
        return order;
    }
}
