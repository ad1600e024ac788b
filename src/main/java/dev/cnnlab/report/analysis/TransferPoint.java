package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One technique set measured at both a proxy and the target: the input of the transfer model
 * ({@link TransferModel}). Gains are in points over the baseline at each fidelity.
 *
 * @param set the technique set's name
 * @param techniques the techniques it combines ({@code {se, mixup}} for "se+mixup"), which
 *     leave-one-technique-out validation drops together
 * @param proxyGain its gain at the proxy, x
 * @param proxySe that gain's standard error, s_x (the proxy's seed noise)
 * @param proxyDf degrees of freedom of s_x (infinite: an assumed noise level)
 * @param proxySeeds seeds behind the proxy gain (sizes the seeds a refusal asks for)
 * @param targetGain its gain at the target, y
 * @param targetSe that gain's standard error, s_y
 * @param targetDf degrees of freedom of s_y
 */
public record TransferPoint(
        String set,
        Set<String> techniques,
        double proxyGain,
        double proxySe,
        double proxyDf,
        int proxySeeds,
        double targetGain,
        double targetSe,
        double targetDf) {

    /** Copies the techniques, sorted, so the record stays immutable and renders the same on every run. */
    public TransferPoint {
        techniques = Collections.unmodifiableSortedSet(new TreeSet<>(techniques));
    }

    /**
     * A point from its numbers, for tests and callers without {@link GainEstimate}s.
     *
     * @param set the set's name; its techniques are {@link #techniquesOf its parts}
     */
    public static TransferPoint of(String set, double proxyGain, double proxySe, double targetGain, double targetSe) {
        return new TransferPoint(
                set,
                techniquesOf(set),
                proxyGain,
                proxySe,
                Double.POSITIVE_INFINITY,
                1,
                targetGain,
                targetSe,
                Double.POSITIVE_INFINITY);
    }

    /**
     * The sets measured at both {@code proxy} and {@code target}, from every fidelity's gains
     * ({@link StudyAnalysis#gains}), in the order of the proxy's gains.
     *
     * @param techniquesOfSet each set's techniques; a set missing from it is split on '+'
     */
    public static List<TransferPoint> between(
            List<GainEstimate> gains, String proxy, String target, Map<String, Set<String>> techniquesOfSet) {
        return pair(
                gains.stream().filter(g -> g.fidelity().equals(proxy)).toList(),
                gains.stream().filter(g -> g.fidelity().equals(target)).toList(),
                techniquesOfSet);
    }

    /**
     * The sets measured at both fidelities, in the proxy list's order.
     *
     * @param proxy the proxy fidelity's gains (one fidelity)
     * @param target the target fidelity's gains
     * @param techniquesOfSet each set's techniques; a set missing from it is split on '+' ({@link
     *     #techniquesOf})
     */
    public static List<TransferPoint> pair(
            List<GainEstimate> proxy, List<GainEstimate> target, Map<String, Set<String>> techniquesOfSet) {
        Map<String, GainEstimate> targetBySet = new LinkedHashMap<>();
        target.forEach(g -> targetBySet.put(g.set(), g));
        List<TransferPoint> points = new ArrayList<>();
        for (GainEstimate x : proxy) {
            GainEstimate y = targetBySet.get(x.set());
            if (y == null || x.gain().value().isEmpty() || y.gain().value().isEmpty()) {
                continue;
            }
            points.add(new TransferPoint(
                    x.set(),
                    techniquesOfSet.getOrDefault(x.set(), techniquesOf(x.set())),
                    x.gain().value().getAsDouble(),
                    x.standardError(),
                    x.df(),
                    x.n(),
                    y.gain().value().getAsDouble(),
                    y.standardError(),
                    y.df()));
        }
        return List.copyOf(points);
    }

    /**
     * The fallback composition of a set from its name: its '+'-separated parts, trimmed
     * ("se+mixup" → {se, mixup}; "cutout" → {cutout}).
     */
    public static Set<String> techniquesOf(String setName) {
        Set<String> parts = new TreeSet<>();
        Arrays.stream(setName.split("\\+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(parts::add);
        return Collections.unmodifiableSortedSet(new TreeSet<>(parts));
    }
}
