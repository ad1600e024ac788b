package dev.cnnlab.report.analysis;

import dev.cnnlab.report.analysis.Agreement.Statistic;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * How faithful one proxy is to the target: every {@link Statistic} of the two fidelities' gains
 * with its interval, exact permutation p-values for the rank correlations, and the target's view
 * of the proxy's pick.
 *
 * <p>A learning-curve proxy of the target's own fidelity reads the same runs as the target.
 * Comparing a run with itself makes any noise look like agreement (with every true gain 0, 4
 * sets and 2 seeds, τ = 1 in about three studies of four), so such a proxy is judged on disjoint
 * seeds: its epoch-k gains from one half of the seeds, the target's final gains from the other,
 * every statistic averaged over the splits. With one seed no split exists: the row is then marked
 * {@link Comparison#SAME_RUNS} (optimistic) and never counts as faithful.
 *
 * @param proxy the proxy
 * @param comparison how the proxy's runs relate to the target's
 * @param splits seed splits averaged over (1 unless split)
 * @param sets the candidate sets compared (baseline excluded), in set order
 * @param proxySeeds seeds behind each proxy gain (per split: the proxy's half)
 * @param targetSeeds seeds behind each target gain (per split: the target's half)
 * @param statistics each statistic's estimate; REGRET's interval and mean come from the target's
 *     draws against the proxy's observed pick (its mean is the expected regret)
 * @param kendallTest the permutation test of Kendall τ-b (NaN p when τ is undefined)
 * @param spearmanTest the permutation test of Spearman ρ
 * @param kendallHolm Kendall's p-value after Holm's correction over the report's proxies (NaN untested)
 * @param proxyPick the set the proxy picks (highest gain, baseline included), when any set compares
 * @param targetBest the target's best of the same sets
 * @param pickIsTargetBest the probability that the target's best set is the proxy's pick
 * @param kendallDraws τ in each draw (NaN where undefined), aligned with the other proxies' draws
 * @param problem why nothing can be compared, or null
 */
public record Faithfulness(
        Proxy proxy,
        Comparison comparison,
        int splits,
        List<String> sets,
        int proxySeeds,
        int targetSeeds,
        Map<Statistic, Estimate> statistics,
        PermutationTest.Result kendallTest,
        PermutationTest.Result spearmanTest,
        double kendallHolm,
        String proxyPick,
        String targetBest,
        double pickIsTargetBest,
        double[] kendallDraws,
        String problem) {

    /** How a proxy's runs relate to the target's. */
    public enum Comparison {
        /** Different runs (another fidelity): compared on all seeds. */
        SEPARATE_RUNS,
        /** The target's own runs, compared on disjoint halves of the seeds. */
        SPLIT_SEEDS,
        /** The target's own runs and a single seed: compared with themselves, optimistic. */
        SAME_RUNS
    }

    /** The level a proxy must reach, after Holm's correction, to be called faithful. */
    public static final double ALPHA = 0.05;
    /** Most seed splits averaged over (all of them for up to 7 seeds). */
    public static final int MAX_SPLITS = 20;

    /** The estimate of one statistic. */
    public Estimate get(Statistic statistic) {
        return statistics.get(statistic);
    }

    /** Whether the row can be judged at all. */
    public boolean comparable() {
        return problem == null;
    }

    /**
     * Whether the proxy is shown faithful: judged on runs other than the target's own, τ's
     * interval above 0 and τ significant at 5% after Holm.
     */
    public boolean faithful() {
        return comparable()
                && comparison != Comparison.SAME_RUNS
                && get(Statistic.KENDALL).lowAbove(0)
                && kendallHolm < ALPHA;
    }

    /** A copy with Kendall's Holm-adjusted p-value. */
    Faithfulness withHolm(double adjusted) {
        return new Faithfulness(
                proxy,
                comparison,
                splits,
                sets,
                proxySeeds,
                targetSeeds,
                statistics,
                kendallTest,
                spearmanTest,
                adjusted,
                proxyPick,
                targetBest,
                pickIsTargetBest,
                kendallDraws,
                problem);
    }

    /** The faithfulness of every proxy of the evidence (before Holm's correction). */
    static List<Faithfulness> all(GainModel model) {
        List<Faithfulness> all = new ArrayList<>();
        for (Proxy proxy : Proxy.of(model.evidence())) {
            all.add(of(proxy, model));
        }
        return List.copyOf(all);
    }

    /** One seed split: the proxy reads {@code proxy}'s seeds, the target {@code target}'s (empty: all). */
    record Split(Set<Long> proxy, Set<Long> target) {}

    static Faithfulness of(Proxy proxy, GainModel model) {
        Evidence evidence = model.evidence();
        String target = evidence.target();
        boolean ownRuns = proxy.learningCurve() && proxy.fidelity().equals(target);
        TreeSet<Long> seeds = new TreeSet<>();
        evidence.cell(target, evidence.baseline()).forEach(o -> seeds.add(o.seed()));
        List<Split> splits = ownRuns && seeds.size() >= 2 ? splits(seeds) : List.of(new Split(Set.of(), Set.of()));
        Comparison comparison =
                !ownRuns ? Comparison.SEPARATE_RUNS : seeds.size() >= 2 ? Comparison.SPLIT_SEEDS : Comparison.SAME_RUNS;
        List<GainView> proxyViews = new ArrayList<>();
        List<GainView> targetViews = new ArrayList<>();
        for (Split split : splits) {
            Optional<GainView> p = model.view(proxy.fidelity(), proxy.epoch(), split.proxy());
            Optional<GainView> t = model.view(target, 0, split.target());
            if (p.isEmpty() || t.isEmpty()) {
                return undefined(
                        proxy,
                        comparison,
                        splits.size(),
                        "no " + evidence.baseline() + " run on both the proxy and the target yet");
            }
            proxyViews.add(p.get());
            targetViews.add(t.get());
        }
        LinkedHashSet<String> common = new LinkedHashSet<>(evidence.candidates());
        for (int s = 0; s < splits.size(); s++) {
            common.retainAll(proxyViews.get(s).gains().keySet());
            common.retainAll(targetViews.get(s).gains().keySet());
        }
        List<String> sets = List.copyOf(common);
        if (sets.isEmpty()) {
            return undefined(
                    proxy,
                    comparison,
                    splits.size(),
                    "no set besides " + evidence.baseline() + " has runs on both the proxy and the target yet");
        }
        List<double[][]> observed = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            observed.add(new double[][] {gains(proxyViews.get(s), sets), gains(targetViews.get(s), sets)});
        }
        Map<Statistic, Estimate> statistics = new EnumMap<>(Statistic.class);
        int resamples = model.resamples();
        String correlationProblem = Agreement.correlationProblem(observed.get(0)[0], observed.get(0)[1]);
        Statistic[] all = Statistic.values();
        double[] value = new double[all.length];
        for (double[][] pair : observed) {
            for (Statistic statistic : all) {
                value[statistic.ordinal()] += statistic(statistic, pair[0], pair[0], pair[1]) / observed.size();
            }
        }
        // each draw builds the two gain vectors once; every statistic reads them
        double[][] drawn = new double[all.length][resamples];
        double pickIsBest = 0;
        for (int b = 0; b < resamples; b++) {
            int s = b % splits.size();
            double[] x = draw(model, proxyViews.get(s), sets, b);
            double[] y = draw(model, targetViews.get(s), sets, b);
            for (Statistic statistic : all) {
                drawn[statistic.ordinal()][b] = statistic(statistic, x, observed.get(s)[0], y);
            }
            if (Agreement.pick(y) == Agreement.pick(observed.get(s)[0])) {
                pickIsBest++;
            }
        }
        for (Statistic statistic : all) {
            String reason = statistic.correlation() ? "undefined: " + correlationProblem : "undefined";
            statistics.put(
                    statistic,
                    Estimate.of(value[statistic.ordinal()], reason, drawn[statistic.ordinal()], statistic.discrete));
        }
        double[] kendallDraws = drawn[Statistic.KENDALL.ordinal()];
        // the pick and the target's best as a user sees them: on all of each side's seeds
        GainView allProxy =
                model.view(proxy.fidelity(), proxy.epoch(), Set.of()).orElse(proxyViews.get(0));
        GainView allTarget = model.view(target, 0, Set.of()).orElse(targetViews.get(0));
        String baseline = evidence.baseline();
        return new Faithfulness(
                proxy,
                comparison,
                splits.size(),
                sets,
                proxyViews.get(0).gains().get(sets.get(0)).n(),
                targetViews.get(0).gains().get(sets.get(0)).n(),
                Collections.unmodifiableMap(statistics),
                PermutationTest.of(observed, Agreement::kendall),
                PermutationTest.of(observed, Agreement::spearman),
                Double.NaN,
                Agreement.name(Agreement.pick(gains(allProxy, sets)), sets, baseline),
                Agreement.name(Agreement.pick(gains(allTarget, sets)), sets, baseline),
                pickIsBest / resamples,
                kendallDraws,
                null);
    }

    /**
     * The splits of {@code seeds} into a proxy half and a target half: every subset of ⌊n/2⌋
     * seeds (and of ⌈n/2⌉ for odd n) for the proxy, the rest for the target; at most
     * {@link #MAX_SPLITS}, drawn from a fixed seed when there are more.
     */
    static List<Split> splits(TreeSet<Long> seeds) {
        List<Long> list = List.copyOf(seeds);
        int n = list.size();
        List<Split> all = new ArrayList<>();
        Set<Integer> sizes = new TreeSet<>(List.of(n / 2, n - n / 2));
        for (int size : sizes) {
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                Set<Long> proxy = new TreeSet<>();
                Set<Long> target = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    ((mask >> i & 1) == 1 ? proxy : target).add(list.get(i));
                }
                all.add(new Split(proxy, target));
            }
        }
        if (all.size() <= MAX_SPLITS) {
            return all;
        }
        List<Split> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new java.util.Random(new SplittableRandom(GainModel.RNG_SEED).nextLong()));
        return List.copyOf(shuffled.subList(0, MAX_SPLITS));
    }

    /**
     * One statistic of proxy gains {@code x} against target gains {@code y}. Regret is the
     * target's loss for the pick of the proxy's observed gains {@code observedX}: the proxy's
     * pick is fixed, the target's uncertainty about it is what the draws measure.
     */
    private static double statistic(Statistic statistic, double[] x, double[] observedX, double[] y) {
        return statistic == Statistic.REGRET ? Agreement.regret(y, Agreement.pick(observedX)) : statistic.of(x, y);
    }

    private static double[] gains(GainView view, List<String> sets) {
        return sets.stream().mapToDouble(s -> view.gains().get(s).mean()).toArray();
    }

    private static double[] draw(GainModel model, GainView view, List<String> sets, int b) {
        Map<String, double[]> draws = model.draws(view);
        return sets.stream().mapToDouble(s -> draws.get(s)[b]).toArray();
    }

    private static Faithfulness undefined(Proxy proxy, Comparison comparison, int splits, String problem) {
        Map<Statistic, Estimate> statistics = new EnumMap<>(Statistic.class);
        for (Statistic s : Statistic.values()) {
            statistics.put(s, Estimate.undefined(problem));
        }
        PermutationTest.Result none = new PermutationTest.Result(Double.NaN, true, 0, Double.NaN);
        return new Faithfulness(
                proxy,
                comparison,
                splits,
                List.of(),
                0,
                0,
                Collections.unmodifiableMap(statistics),
                none,
                none,
                Double.NaN,
                null,
                null,
                Double.NaN,
                new double[0],
                problem);
    }
}
