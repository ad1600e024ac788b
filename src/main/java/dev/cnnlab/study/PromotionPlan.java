package dev.cnnlab.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Which cells a study's {@link Promotion} runs: every cell of the {@code from} fidelity (the
 * proxy stage), then on the {@code to} fidelity only the baseline and the {@code keep} sets with
 * the best mean gain on {@code from} (the promoted stage). Cells of other fidelities are
 * ordinary: they always run.
 */
public final class PromotionPlan {

    /** Where a cell stands in the promotion. */
    public enum Stage {
        ORDINARY,
        PROXY,
        PROMOTED
    }

    /**
     * The promotion's decision as far as the proxy stage's results go.
     *
     * @param complete whether every proxy-stage cell has a result (only then are {@code promoted} final)
     * @param promoted the sets that train on {@code to}: the baseline first, then the best by gain
     * @param gains mean gain over the baseline on {@code from}, per non-baseline set, best first
     * @param pending proxy-stage cells without a result
     */
    public record Decision(boolean complete, List<String> promoted, Map<String, Double> gains, List<Cell> pending) {

        public Decision {
            promoted = List.copyOf(promoted);
            gains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gains));
            pending = List.copyOf(pending);
        }

        /** Whether the set trains on {@code to}; only meaningful when {@link #complete()}. */
        public boolean promotes(String set) {
            return promoted.contains(set);
        }
    }

    /**
     * Whether the promotion has decided against training {@code cell}: a cell of {@code to} whose
     * set was not picked, once the proxy stage is complete. Such a cell is not missing work.
     */
    public boolean skips(Cell cell, Decision decision) {
        return decision.complete() && stage(cell) == Stage.PROMOTED && !decision.promotes(cell.techniqueSet());
    }

    private final StudySpec spec;
    private final Promotion promotion;

    private PromotionPlan(StudySpec spec) {
        this.spec = spec;
        this.promotion = spec.promote();
    }

    /** The plan of a study with a promotion; empty without one. */
    public static Optional<PromotionPlan> of(StudySpec spec) {
        return spec.promote() == null ? Optional.empty() : Optional.of(new PromotionPlan(spec));
    }

    public Promotion promotion() {
        return promotion;
    }

    /** The stage of a cell. */
    public Stage stage(Cell cell) {
        String fidelity = cell.fidelity().name();
        if (fidelity.equals(promotion.from())) {
            return Stage.PROXY;
        }
        return fidelity.equals(promotion.to()) ? Stage.PROMOTED : Stage.ORDINARY;
    }

    /** The proxy stage's cells, in cell order. */
    public List<Cell> proxyCells() {
        return spec.cells().stream().filter(c -> stage(c) == Stage.PROXY).toList();
    }

    /**
     * Decides from the proxy stage's final accuracies ({@code accuracy} is empty for a cell
     * without a result). Sets are ranked by mean gain on {@code from}; a tie keeps the spec's order.
     */
    public Decision decide(Function<Cell, OptionalDouble> accuracy) {
        Map<String, List<Double>> bySet = new LinkedHashMap<>();
        List<Cell> pending = new ArrayList<>();
        for (Cell cell : proxyCells()) {
            OptionalDouble value = accuracy.apply(cell);
            if (value.isPresent()) {
                bySet.computeIfAbsent(cell.techniqueSet(), k -> new ArrayList<>())
                        .add(value.getAsDouble());
            } else {
                pending.add(cell);
            }
        }
        if (!pending.isEmpty()) {
            return new Decision(false, List.of(), Map.of(), pending);
        }
        double base = mean(bySet.get(spec.baseline()));
        List<String> candidates = spec.techniques().keySet().stream()
                .filter(s -> !s.equals(spec.baseline()))
                .toList();
        List<String> ranked = new ArrayList<>(candidates);
        // List.sort is stable: equal gains keep the spec's order
        ranked.sort(Comparator.comparingDouble((String s) -> mean(bySet.get(s))).reversed());
        Map<String, Double> gains = new LinkedHashMap<>();
        ranked.forEach(s -> gains.put(s, mean(bySet.get(s)) - base));
        List<String> promoted = new ArrayList<>(List.of(spec.baseline()));
        promoted.addAll(ranked.subList(0, promotion.keep()));
        return new Decision(true, promoted, gains, List.of());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
