package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * From which epoch on a fidelity's learning curves order the technique sets as the target's final
 * epoch does, where the target's order is clear. A pair of sets whose target gains differ by less
 * than their noise (the difference's 95% interval includes 0) is a tie and may come in either
 * order; every other pair must keep the target's order at that epoch and every later one.
 *
 * <p>The target's own curves are read on other seeds than its final epoch (halves of the seeds,
 * the latest epoch over every split), as {@link Faithfulness} does; with one seed they are the
 * same runs and the row says so.
 *
 * @param fidelity the fidelity whose curves are read
 * @param epochs its schedule length
 * @param sets the sets ranked, baseline first
 * @param targetRanking the target's final ranking of those sets on all seeds, best first
 * @param clearPairs pairs of sets whose target order is clear (outside the noise)
 * @param pairs all pairs of sets
 * @param comparison how the curves' runs relate to the target's
 * @param splits seed splits over which the latest epoch is taken
 * @param visibleFrom the first epoch from which every later epoch keeps the clear pairs' order, if any
 */
public record CurveVisibility(
        String fidelity,
        int epochs,
        List<String> sets,
        List<String> targetRanking,
        int clearPairs,
        int pairs,
        Faithfulness.Comparison comparison,
        int splits,
        OptionalInt visibleFrom) {

    /** The visibility for every fidelity with curves. */
    static List<CurveVisibility> all(GainModel model) {
        Evidence evidence = model.evidence();
        List<CurveVisibility> all = new ArrayList<>();
        Optional<GainView> fullTarget = model.view(evidence.target(), 0, Set.of());
        if (fullTarget.isEmpty()) {
            return List.of();
        }
        TreeSet<Long> seeds = new TreeSet<>();
        evidence.cell(evidence.target(), evidence.baseline()).forEach(o -> seeds.add(o.seed()));
        for (Evidence.FidelityInfo f : evidence.fidelities()) {
            if (f.epochs().isEmpty()) {
                continue;
            }
            int epochs = f.epochs().getAsInt();
            Optional<GainView> curveEnd = model.view(f.name(), epochs, Set.of());
            if (curveEnd.isEmpty()
                    || evidence.cell(f.name(), evidence.baseline()).stream()
                            .anyMatch(o -> o.curve().isEmpty())) {
                continue;
            }
            List<String> candidates = evidence.candidates().stream()
                    .filter(s -> curveEnd.get().gains().containsKey(s)
                            && fullTarget.get().gains().containsKey(s))
                    .toList();
            if (candidates.isEmpty()) {
                continue;
            }
            boolean own = f.name().equals(evidence.target());
            List<Faithfulness.Split> splits = own && seeds.size() >= 2
                    ? Faithfulness.splits(seeds)
                    : List.of(new Faithfulness.Split(Set.of(), Set.of()));
            Faithfulness.Comparison comparison = !own
                    ? Faithfulness.Comparison.SEPARATE_RUNS
                    : seeds.size() >= 2 ? Faithfulness.Comparison.SPLIT_SEEDS : Faithfulness.Comparison.SAME_RUNS;
            int latest = 0;
            int clear = 0;
            boolean complete = true;
            for (Faithfulness.Split split : splits) {
                Optional<GainView> target = model.view(evidence.target(), 0, split.target());
                if (target.isEmpty() || !target.get().gains().keySet().containsAll(candidates)) {
                    complete = false;
                    break;
                }
                boolean[][] clearOrder = clearPairs(model, target.get(), candidates);
                clear = Math.max(clear, count(clearOrder));
                int from = epochs + 1;
                for (int k = epochs; k >= 1; k--) {
                    Optional<GainView> at = model.view(f.name(), k, split.proxy());
                    if (at.isEmpty()
                            || !at.get().gains().keySet().containsAll(candidates)
                            || !keepsOrder(at.get(), target.get(), candidates, clearOrder)) {
                        break;
                    }
                    from = k;
                }
                latest = Math.max(latest, from);
            }
            if (!complete) {
                continue;
            }
            List<String> sets = new ArrayList<>(List.of(evidence.baseline()));
            sets.addAll(candidates);
            int n = sets.size();
            all.add(new CurveVisibility(
                    f.name(),
                    epochs,
                    sets,
                    ranking(
                            sets,
                            s -> s.equals(evidence.baseline())
                                    ? 0
                                    : fullTarget.get().gains().get(s).mean()),
                    clear,
                    n * (n - 1) / 2,
                    comparison,
                    splits.size(),
                    latest <= epochs ? OptionalInt.of(latest) : OptionalInt.empty()));
        }
        return List.copyOf(all);
    }

    /**
     * clear[i][j] for sets i, j (0 = baseline, then the candidates): the target's difference of
     * their gains lies outside its 95% noise interval. Gains of one view are treated as independent,
     * so a difference's variance is the sum of the two (the conservative side, as for the draws).
     */
    private static boolean[][] clearPairs(GainModel model, GainView target, List<String> candidates) {
        Map<String, GainModel.Noise> noise = model.noise(target);
        int n = candidates.size() + 1;
        boolean[][] clear = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double gi = gain(target, candidates, i);
                double gj = gain(target, candidates, j);
                double se2 = 0;
                double df = Double.POSITIVE_INFINITY;
                for (int index : new int[] {i, j}) {
                    if (index > 0) {
                        GainModel.Noise e = noise.get(candidates.get(index - 1));
                        se2 += e.se() * e.se();
                        df = Math.min(df, e.df());
                    }
                }
                clear[i][j] = Math.abs(gi - gj) > Stats.tQuantile(0.975, df) * Math.sqrt(se2);
            }
        }
        return clear;
    }

    private static boolean keepsOrder(GainView at, GainView target, List<String> candidates, boolean[][] clear) {
        int n = candidates.size() + 1;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (clear[i][j]) {
                    double targetOrder = Math.signum(gain(target, candidates, i) - gain(target, candidates, j));
                    double order = Math.signum(gain(at, candidates, i) - gain(at, candidates, j));
                    if (order != targetOrder) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static double gain(GainView view, List<String> candidates, int index) {
        return index == 0 ? 0 : view.gains().get(candidates.get(index - 1)).mean();
    }

    private static int count(boolean[][] clear) {
        int n = 0;
        for (boolean[] row : clear) {
            for (boolean c : row) {
                n += c ? 1 : 0;
            }
        }
        return n;
    }

    /** Sets best first by the given mean; ties keep the listed order. */
    static List<String> ranking(List<String> sets, java.util.function.ToDoubleFunction<String> mean) {
        List<String> order = new ArrayList<>(sets);
        order.sort(Comparator.comparingDouble(mean).reversed());
        return order;
    }
}
