package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies worth choosing between, with their uncertainty: among the proxies shown faithful
 * ({@link Faithfulness#faithful()}), one is on the front only if it is significantly more
 * faithful than every cheaper faithful proxy (the 95% interval of the difference of their τ,
 * over the same draws, lies above 0). A proxy that costs more than a front member and cannot be
 * told apart from it is listed as tied with it, not starred: paying more buys nothing that the
 * data can show.
 *
 * @param members the front, cheapest first
 * @param tiedWith for faithful proxies off the front: the cheaper front member they are tied with
 */
public record ProxyFront(List<Faithfulness> members, Map<String, String> tiedWith) {

    public ProxyFront {
        members = List.copyOf(members);
        tiedWith = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tiedWith));
    }

    /** Whether the proxy of that name is on the front. */
    public boolean contains(String proxy) {
        return members.stream().anyMatch(f -> f.proxy().name().equals(proxy));
    }

    /** The cheaper front member the proxy is tied with, if any. */
    public Optional<String> tie(String proxy) {
        return Optional.ofNullable(tiedWith.get(proxy));
    }

    static ProxyFront of(List<Faithfulness> all) {
        List<Faithfulness> eligible = all.stream()
                .filter(f -> f.faithful() && f.proxy().cost().isPresent())
                .sorted(Comparator.comparingDouble(f -> f.proxy().cost().getAsDouble()))
                .toList();
        List<Faithfulness> members = new ArrayList<>();
        Map<String, String> tied = new LinkedHashMap<>();
        for (Faithfulness p : eligible) {
            double cost = p.proxy().cost().getAsDouble();
            List<Faithfulness> cheaper = eligible.stream()
                    .filter(q -> q.proxy().cost().getAsDouble() < cost)
                    .toList();
            Optional<Faithfulness> notBeaten = cheaper.stream()
                    .filter(q -> !significantlyMoreFaithful(p, q))
                    .findFirst();
            if (notBeaten.isEmpty()) {
                members.add(p);
            } else {
                // tied with the cheapest front member it cannot be told from (or the first cheaper one)
                Faithfulness with = members.stream()
                        .filter(q -> !significantlyMoreFaithful(p, q))
                        .findFirst()
                        .orElse(notBeaten.get());
                tied.put(p.proxy().name(), with.proxy().name());
            }
        }
        return new ProxyFront(members, tied);
    }

    /** Whether p's τ exceeds q's in at least 97.5% of the shared draws (a one-sided 2.5% test of the difference). */
    static boolean significantlyMoreFaithful(Faithfulness p, Faithfulness q) {
        double[] a = p.kendallDraws();
        double[] b = q.kendallDraws();
        int n = Math.min(a.length, b.length);
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                differences.add(a[i] - b[i]);
            }
        }
        if (differences.isEmpty()) {
            return false;
        }
        double[] sorted =
                differences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Stats.discreteQuantile(sorted, 0.025) > 0;
    }
}
