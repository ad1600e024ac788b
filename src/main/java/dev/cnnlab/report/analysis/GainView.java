package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * The observed gains of one view of a study: a fidelity's runs read at one epoch (0 = final),
 * optionally restricted to a subset of seeds (one half of a split, so that a learning curve is
 * never judged against its own runs).
 *
 * <p>Gains are paired by seed: where the set and the baseline have the same seeds, the gain is the
 * mean of the per-seed differences, and its noise is that of a difference (the seed's shared data
 * order and augmentation draws cancel). Where their seeds differ, the gain is the difference of
 * the two means (unpaired), and it says so.
 *
 * @param fidelity the fidelity whose runs are read
 * @param epoch the epoch read (1-based), 0 for the final epoch
 * @param seeds the seeds admitted (empty = all)
 * @param gains each set's gain (the baseline has none), in set order
 */
record GainView(String fidelity, int epoch, Set<Long> seeds, Map<String, Gain> gains) {

    /**
     * One set's observed gain.
     *
     * @param set the technique set
     * @param mean the gain in points
     * @param n seeds behind the gain (paired: common seeds; unpaired: the smaller cell)
     * @param paired whether the seeds match, so the gain is a mean of per-seed differences
     * @param setRuns seeds of the set's cell
     * @param baselineRuns seeds of the baseline's cell
     * @param ownVariance sample variance of the per-seed differences (paired, n ≥ 2), else NaN
     */
    record Gain(String set, double mean, int n, boolean paired, int setRuns, int baselineRuns, double ownVariance) {

        /** Degrees of freedom of {@link #ownVariance}. */
        int ownDf() {
            return paired && n >= 2 ? n - 1 : 0;
        }
    }

    GainView {
        seeds = Set.copyOf(seeds);
        gains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gains));
    }

    /** The row name of this view in the variance model. */
    String row() {
        return epoch == 0 ? fidelity : fidelity + " @ epoch " + epoch;
    }

    /**
     * Reads a view from the evidence; empty when the baseline has no runs there.
     *
     * @param seeds the seeds to admit, or empty for all
     */
    static Optional<GainView> of(Evidence evidence, String fidelity, int epoch, Set<Long> seeds) {
        List<Evidence.Observation> base = runs(evidence, fidelity, evidence.baseline(), epoch, seeds);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Gain> gains = new LinkedHashMap<>();
        for (String set : evidence.candidates()) {
            List<Evidence.Observation> runs = runs(evidence, fidelity, set, epoch, seeds);
            if (!runs.isEmpty()) {
                gains.put(set, gain(set, runs, base, epoch));
            }
        }
        return Optional.of(new GainView(fidelity, epoch, seeds, gains));
    }

    private static Gain gain(String set, List<Evidence.Observation> runs, List<Evidence.Observation> base, int epoch) {
        Map<Long, Double> byBase = new LinkedHashMap<>();
        base.forEach(o -> byBase.put(o.seed(), o.top1At(epoch)));
        TreeSet<Long> setSeeds = new TreeSet<>();
        runs.forEach(o -> setSeeds.add(o.seed()));
        double setMean = mean(runs, epoch);
        boolean paired = setSeeds.equals(new TreeSet<>(byBase.keySet()));
        if (!paired) {
            return new Gain(
                    set,
                    setMean - mean(base, epoch),
                    Math.min(runs.size(), base.size()),
                    false,
                    runs.size(),
                    base.size(),
                    Double.NaN);
        }
        double[] d = runs.stream()
                .mapToDouble(o -> o.top1At(epoch) - Objects.requireNonNull(byBase.get(o.seed())))
                .toArray();
        double mean = java.util.Arrays.stream(d).average().orElseThrow();
        double variance = d.length >= 2 ? new Variance(true).evaluate(d) : Double.NaN;
        return new Gain(set, mean, d.length, true, runs.size(), base.size(), variance);
    }

    private static List<Evidence.Observation> runs(
            Evidence evidence, String fidelity, String set, int epoch, Set<Long> seeds) {
        List<Evidence.Observation> out = new ArrayList<>();
        for (Evidence.Observation o : evidence.cell(fidelity, set)) {
            if ((seeds.isEmpty() || seeds.contains(o.seed()))
                    && (epoch == 0 || o.curve().size() >= epoch)) {
                out.add(o);
            }
        }
        return out;
    }

    private static double mean(List<Evidence.Observation> runs, int epoch) {
        return runs.stream().mapToDouble(o -> o.top1At(epoch)).average().orElseThrow();
    }
}
