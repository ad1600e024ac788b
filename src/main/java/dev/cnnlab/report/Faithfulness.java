package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How faithful one proxy is to the target: every {@link Agreement.Statistic} with its bootstrap
 * interval, over the sets that have runs on both.
 *
 * @param proxy the proxy
 * @param sets the sets compared (baseline included)
 * @param statistics each statistic's estimate
 * @param proxyPick the set the proxy would pick (highest mean), when any set compares
 * @param targetBest the target's best set among the same sets
 * @param problem why nothing can be compared (no baseline on one side, ...), or null
 */
public record Faithfulness(
        Proxy proxy,
        List<String> sets,
        Map<Agreement.Statistic, Estimate> statistics,
        String proxyPick,
        String targetBest,
        String problem) {

    /** The estimate of one statistic. */
    public Estimate get(Agreement.Statistic statistic) {
        return statistics.get(statistic);
    }

    /** Computes the faithfulness of {@code proxy} to the evidence's target. */
    static Faithfulness of(Proxy proxy, Evidence evidence, SeedBootstrap bootstrap) {
        String target = evidence.target();
        String baseline = evidence.baseline();
        List<String> sets = evidence.sets().stream()
                .filter(s -> bootstrap.has(proxy.fidelity(), s, proxy.epoch()) && bootstrap.has(target, s, 0))
                .toList();
        Map<Agreement.Statistic, Estimate> statistics = new EnumMap<>(Agreement.Statistic.class);
        if (!sets.contains(baseline) || sets.size() < 2) {
            String problem = !sets.contains(baseline)
                    ? "no " + baseline + " run on both the proxy and the target yet"
                    : "no set besides " + baseline + " has runs on both the proxy and the target yet";
            for (Agreement.Statistic s : Agreement.Statistic.values()) {
                statistics.put(s, Estimate.undefined(problem));
            }
            return new Faithfulness(proxy, sets, statistics, null, null, problem);
        }
        Map<String, Double> proxyMeans = means(sets, s -> bootstrap.observedMean(proxy.fidelity(), s, proxy.epoch()));
        Map<String, Double> targetMeans = means(sets, s -> bootstrap.observedMean(target, s, 0));
        double[] observed = Agreement.of(proxyMeans, targetMeans, sets, baseline);
        String correlationProblem = Agreement.correlationProblem(proxyMeans, targetMeans, sets, baseline);
        int statisticsCount = Agreement.Statistic.values().length;
        double[][] resampled = new double[statisticsCount][bootstrap.resamples()];
        for (int b = 0; b < bootstrap.resamples(); b++) {
            int resample = b;
            double[] values = Agreement.of(
                    means(sets, s -> bootstrap.resampledMean(resample, proxy.fidelity(), s, proxy.epoch())),
                    means(sets, s -> bootstrap.resampledMean(resample, target, s, 0)),
                    sets,
                    baseline);
            for (int i = 0; i < statisticsCount; i++) {
                resampled[i][b] = values[i];
            }
        }
        for (Agreement.Statistic s : Agreement.Statistic.values()) {
            String reason = s.correlation() ? "undefined: " + correlationProblem : "undefined";
            statistics.put(s, Estimate.of(observed[s.ordinal()], reason, resampled[s.ordinal()]));
        }
        return new Faithfulness(
                proxy, sets, statistics, Agreement.best(proxyMeans, sets), Agreement.best(targetMeans, sets), null);
    }

    /** The faithfulness of every proxy of the evidence. */
    static List<Faithfulness> all(Evidence evidence, SeedBootstrap bootstrap) {
        List<Faithfulness> all = new ArrayList<>();
        for (Proxy proxy : Proxy.of(evidence)) {
            all.add(of(proxy, evidence, bootstrap));
        }
        return List.copyOf(all);
    }

    /**
     * The proxies no other beats on both cost and Kendall τ (cheaper or as cheap with a higher
     * τ, or as faithful and cheaper): the ones worth choosing between.
     */
    static List<Faithfulness> paretoFront(List<Faithfulness> all) {
        List<Faithfulness> front = new ArrayList<>();
        for (Faithfulness p : all) {
            if (p.proxy().cost().isEmpty()
                    || !p.get(Agreement.Statistic.KENDALL).defined()) {
                continue;
            }
            double cost = p.proxy().cost().getAsDouble();
            double tau = p.get(Agreement.Statistic.KENDALL).value().getAsDouble();
            boolean dominated = all.stream()
                    .filter(q -> q != p
                            && q.proxy().cost().isPresent()
                            && q.get(Agreement.Statistic.KENDALL).defined())
                    .anyMatch(q -> {
                        double c = q.proxy().cost().getAsDouble();
                        double t = q.get(Agreement.Statistic.KENDALL).value().getAsDouble();
                        return c <= cost && t >= tau && (c < cost || t > tau);
                    });
            if (!dominated) {
                front.add(p);
            }
        }
        return List.copyOf(front);
    }

    private static Map<String, Double> means(List<String> sets, java.util.function.ToDoubleFunction<String> mean) {
        Map<String, Double> means = new LinkedHashMap<>();
        sets.forEach(s -> means.put(s, mean.applyAsDouble(s)));
        return means;
    }
}
