package dev.cnnlab.report;

import java.util.List;
import java.util.Optional;

/**
 * Every number the report states about the proxy question: accuracies, gains with intervals,
 * the faithfulness of every proxy to the target, where learning curves settle, and the
 * promotion's outcome.
 *
 * @param evidence what was analysed
 * @param table mean ± std per cell
 * @param noise the noise model
 * @param pureSeedBootstrap whether every cell has 2+ seeds (no interval rests on the noise model)
 * @param gains every gain with its interval
 * @param faithfulness every proxy against the target
 * @param paretoFront the proxies no other beats on both cost and Kendall τ
 * @param curves where each fidelity's learning curves settle on the target's ranking
 * @param promotion the promotion's outcome, for a study that has one
 */
public record StudyAnalysis(
        Evidence evidence,
        AccuracyTable table,
        NoiseModel noise,
        boolean pureSeedBootstrap,
        List<GainEstimate> gains,
        List<Faithfulness> faithfulness,
        List<Faithfulness> paretoFront,
        List<CurveVisibility> curves,
        Optional<PromotionOutcome> promotion) {

    /** Analyses evidence (no promotion). */
    public static StudyAnalysis of(Evidence evidence) {
        return of(evidence, Optional.empty());
    }

    /** Analyses a cnnlab study, its promotion included. */
    public static StudyAnalysis of(StudyResults results) {
        Evidence evidence = Evidence.of(results);
        return of(evidence, PromotionOutcome.of(results, evidence));
    }

    private static StudyAnalysis of(Evidence evidence, Optional<PromotionOutcome> promotion) {
        NoiseModel noise = NoiseModel.of(evidence);
        SeedBootstrap bootstrap = new SeedBootstrap(evidence, noise);
        List<Faithfulness> faithfulness = Faithfulness.all(evidence, bootstrap);
        return new StudyAnalysis(
                evidence,
                AccuracyTable.of(evidence),
                noise,
                bootstrap.pureSeedBootstrap(),
                GainEstimate.all(evidence, bootstrap),
                faithfulness,
                Faithfulness.paretoFront(faithfulness),
                CurveVisibility.all(evidence, bootstrap),
                promotion);
    }

    /** The gain of one set at one fidelity, when it has runs. */
    public Optional<GainEstimate> gain(String fidelity, String set) {
        return gains.stream()
                .filter(g -> g.fidelity().equals(fidelity) && g.set().equals(set))
                .findFirst();
    }

    /** The faithfulness of the proxy of that name. */
    public Optional<Faithfulness> proxy(String name) {
        return faithfulness.stream().filter(f -> f.proxy().name().equals(name)).findFirst();
    }
}
