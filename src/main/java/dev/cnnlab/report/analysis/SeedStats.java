package dev.cnnlab.report.analysis;

import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Final-epoch top-1 of one (model, technique set) pair over its finished seeds.
 *
 * @param values one accuracy (percent) per finished seed
 */
public record SeedStats(List<Double> values) {

    public SeedStats {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("SeedStats needs at least one value");
        }
    }

    /** Number of finished seeds. */
    public int n() {
        return values.size();
    }

    public double mean() {
        return stats().getMean();
    }

    /** Sample standard deviation (n - 1 denominator); empty with a single seed, where it is undefined. */
    public OptionalDouble std() {
        return n() < 2 ? OptionalDouble.empty() : OptionalDouble.of(stats().getStandardDeviation());
    }

    /** Sample variance; empty with a single seed. */
    public OptionalDouble variance() {
        return n() < 2 ? OptionalDouble.empty() : OptionalDouble.of(stats().getVariance());
    }

    private DescriptiveStatistics stats() {
        return new DescriptiveStatistics(
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
