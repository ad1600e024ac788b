package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whether the small model orders the technique sets (by mean accuracy) the way the large model
 * does, and which pairs swap.
 *
 * @param smallOrder sets ranked best first on the small model (only sets with a value on both)
 * @param largeOrder the same sets ranked best first on the large model
 * @param swaps pairs ordered strictly oppositely by the two models
 */
public record Ranking(List<String> smallOrder, List<String> largeOrder, List<Swap> swaps) {

    /**
     * A pair of sets the two models order differently.
     *
     * @param smallWinner the set ahead on the small model
     * @param largeWinner the set ahead on the large model
     * @param smallMargin how far {@code smallWinner} is ahead on the small model, points
     * @param largeMargin how far {@code largeWinner} is ahead on the large model, points
     */
    public record Swap(String smallWinner, String largeWinner, double smallMargin, double largeMargin) {}

    public Ranking {
        smallOrder = List.copyOf(smallOrder);
        largeOrder = List.copyOf(largeOrder);
        swaps = List.copyOf(swaps);
    }

    /**
     * Compares the two rankings over the sets present in both maps (iteration order of
     * {@code small} breaks ties, so equal accuracies keep the spec's order).
     */
    public static Ranking compare(Map<String, Double> small, Map<String, Double> large) {
        List<String> common = small.keySet().stream().filter(large::containsKey).toList();
        List<String> smallOrder = ranked(common, small);
        List<String> largeOrder = ranked(common, large);
        List<Swap> swaps = new ArrayList<>();
        for (int i = 0; i < common.size(); i++) {
            for (int j = i + 1; j < common.size(); j++) {
                String a = common.get(i);
                String b = common.get(j);
                double ds = small.get(a) - small.get(b);
                double dl = large.get(a) - large.get(b);
                // strictly opposite only: a tie on one model is not a reversal
                if (ds * dl < 0) {
                    swaps.add(ds > 0 ? new Swap(a, b, ds, -dl) : new Swap(b, a, -ds, dl));
                }
            }
        }
        return new Ranking(smallOrder, largeOrder, swaps);
    }

    private static List<String> ranked(List<String> sets, Map<String, Double> values) {
        List<String> order = new ArrayList<>(sets);
        order.sort(Comparator.comparingDouble((String s) -> values.get(s)).reversed());
        return order;
    }

    /** Whether there is anything to compare (two or more sets on both models). */
    public boolean comparable() {
        return smallOrder.size() >= 2;
    }

    /** True when no pair swaps. */
    public boolean preserved() {
        return swaps.isEmpty();
    }
}
