package dev.cnnlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The study's question for one (small, large) model pair: do the technique sets' gains on the
 * small model predict their gains on the large one?
 *
 * @param small the small model's name
 * @param large the large model's name
 * @param points sets with a gain on both models (the correlation's points)
 * @param correlation correlation of small-model gains (x) with large-model gains (y)
 * @param ranking whether the sets' accuracy ranking is preserved (baseline included)
 * @param verdicts keep/drop on each model, for every non-baseline set
 */
public record ProxyAnalysis(
        String small,
        String large,
        List<Point> points,
        Correlation correlation,
        Ranking ranking,
        List<Verdict> verdicts) {

    /**
     * One technique set's gains on the two models.
     *
     * @param set the technique set
     * @param smallGain gain on the small model, points
     * @param largeGain gain on the large model, points
     */
    public record Point(String set, double smallGain, double largeGain) {}

    public ProxyAnalysis {
        points = List.copyOf(points);
        verdicts = List.copyOf(verdicts);
    }

    /** Analyses a table for the given small and large model. */
    public static ProxyAnalysis of(AccuracyTable table, String small, String large) {
        List<Point> points = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (String set : table.candidates()) {
            OptionalDouble s = table.gain(set, small);
            OptionalDouble l = table.gain(set, large);
            verdicts.add(new Verdict(set, s, l));
            if (s.isPresent() && l.isPresent()) {
                points.add(new Point(set, s.getAsDouble(), l.getAsDouble()));
            }
        }
        Correlation correlation = Correlation.of(
                points.stream().mapToDouble(Point::smallGain).toArray(),
                points.stream().mapToDouble(Point::largeGain).toArray());
        Ranking ranking = Ranking.compare(table.means(small), table.means(large));
        return new ProxyAnalysis(small, large, points, correlation, ranking, verdicts);
    }

    /** Verdicts known on both models. */
    public List<Verdict> decided() {
        return verdicts.stream().filter(v -> v.agree().isPresent()).toList();
    }

    /** How many decided verdicts agree. */
    public long agreements() {
        return decided().stream().filter(v -> v.agree().orElse(false)).count();
    }
}
