package dev.cnnlab.report;

import dev.cnnlab.study.StudySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every number the report states: accuracies and gains, the small/large pick, the noise level,
 * the proxy analysis on the measured and on the published numbers, and the cost.
 *
 * @param table measured accuracies and gains
 * @param small the small model (fewest parameters; first listed when sizes are unknown)
 * @param large the large model (most parameters; last listed when sizes are unknown)
 * @param sizesFromParams whether small and large were picked by measured parameter counts
 * @param noise the noise level gains are judged against
 * @param proxy the proxy analysis of the measured gains, absent with a single model
 * @param referenceTable the spec's published numbers, when it has any
 * @param reference the proxy analysis of the published numbers, when they cover both models
 * @param cost cost per model
 */
public record StudyAnalysis(
        AccuracyTable table,
        String small,
        String large,
        boolean sizesFromParams,
        NoiseLevel noise,
        Optional<ProxyAnalysis> proxy,
        Optional<AccuracyTable> referenceTable,
        Optional<ProxyAnalysis> reference,
        CostSummary cost) {

    /** Analyses a study's results. */
    public static StudyAnalysis of(StudyResults results) {
        StudySpec spec = results.spec();
        AccuracyTable table = AccuracyTable.of(results);
        CostSummary cost = CostSummary.of(results);
        List<String> models = results.models();
        boolean byParams = models.stream().allMatch(m -> cost.row(m).params().isPresent());
        String small = models.get(0);
        String large = models.get(models.size() - 1);
        if (byParams && models.size() > 1) {
            // strict comparisons keep the listed order on ties
            for (String model : models) {
                if (params(cost, model) < params(cost, small)) {
                    small = model;
                }
                if (params(cost, model) > params(cost, large)) {
                    large = model;
                }
            }
        }
        NoiseLevel noise = NoiseLevel.of(table.allStats(), spec.seeds().size());
        boolean twoModels = models.size() >= 2 && !small.equals(large);
        Optional<ProxyAnalysis> proxy = twoModels ? Optional.of(ProxyAnalysis.of(table, small, large)) : Optional.empty();
        Optional<AccuracyTable> referenceTable = spec.reference().isEmpty() ? Optional.empty()
                : Optional.of(AccuracyTable.ofReference(results.sets(), models, spec.baseline(), spec.reference()));
        Optional<ProxyAnalysis> reference = Optional.empty();
        if (twoModels && referenceTable.isPresent() && covers(spec.reference(), spec.baseline(), small, large)) {
            reference = Optional.of(ProxyAnalysis.of(referenceTable.get(), small, large));
        }
        return new StudyAnalysis(table, small, large, byParams, noise, proxy, referenceTable, reference, cost);
    }

    private static long params(CostSummary cost, String model) {
        OptionalLong p = cost.row(model).params();
        return p.orElseThrow();
    }

    /** Whether published numbers give the baseline and some other set on both models. */
    private static boolean covers(Map<String, Map<String, Double>> reference, String baseline, String small, String large) {
        Map<String, Double> base = reference.getOrDefault(baseline, Map.of());
        if (base.get(small) == null || base.get(large) == null) {
            return false;
        }
        return reference.entrySet().stream().anyMatch(e -> !e.getKey().equals(baseline)
                && e.getValue().get(small) != null && e.getValue().get(large) != null);
    }
}
