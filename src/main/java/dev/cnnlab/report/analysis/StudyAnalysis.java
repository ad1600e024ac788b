package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import dev.cnnlab.report.load.StudyResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every number the report states about the proxy question: accuracies, gains with intervals,
 * the faithfulness of every proxy to the target with p-values, the front of proxies worth
 * choosing, where learning curves settle, and the promotion's outcome. {@code report.md},
 * {@code report.html} and {@code analysis.json} are all rendered from this one object.
 *
 * @param evidence what was analysed
 * @param table mean ± std per cell
 * @param noise the per-run seed noise pooled over cells (descriptive; used by unpaired gains)
 * @param variance the partially pooled noise of paired gains
 * @param gains every final-epoch gain with its interval
 * @param faithfulness every proxy against the target, Holm-corrected
 * @param front the faithful proxies worth choosing between
 * @param significance what the number of sets allows a permutation test to show
 * @param curves where each fidelity's learning curves settle on the target's ranking
 * @param promotion the promotion's outcome, for a study that has one
 * @param prediction gains extrapolated to the target along axes of fidelities
 */
public record StudyAnalysis(
        Evidence evidence,
        AccuracyTable table,
        NoiseModel noise,
        VarianceModel variance,
        List<GainEstimate> gains,
        List<Faithfulness> faithfulness,
        ProxyFront front,
        Significance significance,
        List<CurveVisibility> curves,
        Optional<PromotionOutcome> promotion,
        Prediction prediction) {

    /**
     * What a permutation test can show with this study's sets and proxies.
     *
     * @param sets technique sets besides the baseline
     * @param tests proxies tested (Holm's family)
     * @param smallestP the smallest one-sided p-value a proxy can get (1 / sets!)
     * @param smallestHolm the smallest Holm-adjusted p-value (tests / sets!)
     * @param setsNeededAlone sets needed for a perfect ranking to reach 5% in a single test
     * @param setsNeededHolm sets needed for it to reach 5% after Holm over this many proxies
     */
    public record Significance(
            int sets, int tests, double smallestP, double smallestHolm, int setsNeededAlone, int setsNeededHolm) {

        /** Whether any proxy could be shown faithful at 5% after Holm with these sets. */
        public boolean reachable() {
            return sets >= Agreement.MIN_POINTS && smallestHolm <= Faithfulness.ALPHA;
        }
    }

    /** Analyses evidence (no promotion). */
    public static StudyAnalysis of(Evidence evidence) {
        return of(evidence, List.of());
    }

    /**
     * Analyses evidence (no promotion), answering the transfer model's requests.
     *
     * @throws IllegalArgumentException when a request names no proxy of the evidence
     */
    public static StudyAnalysis of(Evidence evidence, List<TransferRequest> requests) {
        return of(new GainModel(evidence), Optional.empty(), requests);
    }

    /** Analyses a cnnlab study, its promotion included. */
    public static StudyAnalysis of(StudyResults results) {
        return of(results, List.of());
    }

    /**
     * Analyses a cnnlab study, its promotion included, answering the transfer model's requests.
     *
     * @throws IllegalArgumentException when a request names no proxy of the study
     */
    public static StudyAnalysis of(StudyResults results, List<TransferRequest> requests) {
        Evidence evidence = Evidence.of(results);
        return of(new GainModel(evidence), PromotionOutcome.of(results, evidence), requests);
    }

    static StudyAnalysis of(GainModel model, Optional<PromotionOutcome> promotion) {
        return of(model, promotion, List.of());
    }

    static StudyAnalysis of(GainModel model, Optional<PromotionOutcome> promotion, List<TransferRequest> requests) {
        Evidence evidence = model.evidence();
        List<Faithfulness> raw = Faithfulness.all(model);
        double[] p = raw.stream()
                .mapToDouble(f -> f.comparable() && f.comparison() != Faithfulness.Comparison.SAME_RUNS
                        ? f.kendallTest().p()
                        : Double.NaN)
                .toArray();
        double[] adjusted = Stats.holm(p);
        List<Faithfulness> faithfulness = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            faithfulness.add(raw.get(i).withHolm(adjusted[i]));
        }
        int tests =
                (int) java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
        // the sets behind the tested proxies (a same-runs row may compare more, but is not tested)
        int sets = faithfulness.stream()
                .filter(f -> f.comparable() && f.comparison() != Faithfulness.Comparison.SAME_RUNS)
                .mapToInt(f -> f.sets().size())
                .max()
                .orElse(faithfulness.stream()
                        .mapToInt(f -> f.sets().size())
                        .max()
                        .orElse(0));
        double smallest = PermutationTest.smallest(sets);
        Significance significance = new Significance(
                sets,
                tests,
                smallest,
                Math.min(1, Math.max(1, tests) * smallest),
                PermutationTest.setsNeeded(Faithfulness.ALPHA, 1),
                PermutationTest.setsNeeded(Faithfulness.ALPHA, tests));
        List<GainEstimate> gains = GainEstimate.all(model);
        return new StudyAnalysis(
                evidence,
                AccuracyTable.of(evidence),
                model.cellNoise(),
                model.variance(),
                gains,
                List.copyOf(faithfulness),
                ProxyFront.of(faithfulness),
                significance,
                CurveVisibility.all(model),
                promotion,
                Prediction.of(evidence, gains, requests));
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

    /**
     * The within-seed correlation of two sets' runs at one fidelity, estimated from the pooled
     * variances: a paired difference has variance 2σ²(1 - ρ), a run σ², so ρ = 1 - v_d / (2 s²).
     * Empty when either variance is unmeasured.
     */
    public java.util.OptionalDouble withinSeedCorrelation() {
        if (!variance.measured() || !noise.measured() || noise.std() == 0) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(1 - variance.pooledVariance() / (2 * noise.std() * noise.std()));
    }

    /** Whether every final-epoch gain is paired by seed. */
    public boolean allPaired() {
        return gains.stream().allMatch(GainEstimate::paired);
    }
}
