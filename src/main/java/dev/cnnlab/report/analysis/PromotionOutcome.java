package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.Cell;
import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.study.Promotion;
import dev.cnnlab.study.PromotionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a study's promotion decided and what it saved: the promoted sets, the compute of the
 * promoted plan against the full grid, and, when the full grid on {@code to} was also trained
 * ({@code --no-promote}), the regret of confirming only the promoted sets.
 *
 * @param promotion the spec's promotion
 * @param decision the decision from the proxy stage's results
 * @param notPromoted {@code to} cells of sets that were not promoted
 * @param notPromotedRun how many of those were trained anyway (full grid)
 * @param gridCompute FLOPs x images x epochs of every cell of the study
 * @param promotedCompute the same without the not-promoted cells
 * @param pick the best promoted set on {@code to}, when all promoted cells finished
 * @param fullBest the best set on {@code to} over all sets, when the full grid finished there
 * @param regret top-1 on {@code to} lost by confirming only the promoted sets, when known
 */
public record PromotionOutcome(
        Promotion promotion,
        PromotionPlan.Decision decision,
        List<Cell> notPromoted,
        int notPromotedRun,
        double gridCompute,
        double promotedCompute,
        Optional<String> pick,
        Optional<String> fullBest,
        OptionalDouble regret) {

    /** The outcome of a study's promotion; empty when the spec has none. */
    static Optional<PromotionOutcome> of(StudyResults results, Evidence evidence) {
        Optional<PromotionPlan> plan = PromotionPlan.of(results.spec());
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Promotion promotion = plan.get().promotion();
        PromotionPlan.Decision decision = plan.get()
                .decide(cell -> results.outcomes()
                        .get(cell.index())
                        .result()
                        .map(r -> OptionalDouble.of(r.testAccuracy()))
                        .orElse(OptionalDouble.empty()));
        List<Cell> notPromoted = new ArrayList<>();
        int run = 0;
        double grid = 0;
        double saved = 0;
        for (CellOutcome outcome : results.outcomes()) {
            Cell cell = outcome.cell();
            double cost =
                    evidence.fidelity(cell.fidelity().name()).computeCost().orElse(0);
            grid += cost;
            if (decision.complete()
                    && plan.get().stage(cell) == PromotionPlan.Stage.PROMOTED
                    && !decision.promotes(cell.techniqueSet())) {
                notPromoted.add(cell);
                saved += cost;
                if (outcome.status() == CellOutcome.Status.FINISHED) {
                    run++;
                }
            }
        }
        String to = promotion.to();
        Optional<String> pick = Optional.empty();
        Optional<String> fullBest = Optional.empty();
        OptionalDouble regret = OptionalDouble.empty();
        if (decision.complete()) {
            List<String> promoted = decision.promoted();
            if (promoted.stream().allMatch(s -> complete(results, evidence, to, s))) {
                pick = Optional.of(best(evidence, to, promoted));
            }
            List<String> all = evidence.sets();
            if (pick.isPresent() && all.stream().allMatch(s -> complete(results, evidence, to, s))) {
                fullBest = Optional.of(best(evidence, to, all));
                regret = OptionalDouble.of(mean(evidence, to, fullBest.get()) - mean(evidence, to, pick.get()));
            }
        }
        return Optional.of(new PromotionOutcome(
                promotion, decision, notPromoted, run, grid, grid - saved, pick, fullBest, regret));
    }

    /** Share of the full grid's compute that the promotion did not spend. */
    public double savedShare() {
        return gridCompute == 0 ? 0 : 1 - promotedCompute / gridCompute;
    }

    private static boolean complete(StudyResults results, Evidence evidence, String fidelity, String set) {
        return evidence.cell(fidelity, set).size() == results.spec().seeds().size();
    }

    /** The set with the highest mean on {@code fidelity} (the first listed on a tie), as a proxy's pick is chosen. */
    private static String best(Evidence evidence, String fidelity, List<String> sets) {
        java.util.Map<String, Double> means = new java.util.LinkedHashMap<>();
        sets.forEach(set -> means.put(set, mean(evidence, fidelity, set)));
        return Agreement.best(means, sets);
    }

    private static double mean(Evidence evidence, String fidelity, String set) {
        return evidence.cell(fidelity, set).stream()
                .mapToDouble(Evidence.Observation::top1)
                .average()
                .orElseThrow();
    }
}
