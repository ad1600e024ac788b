package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.train.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * What a run costs per model size, from the finished runs.
 *
 * @param rows one row per model, in the spec's order
 */
public record CostSummary(List<Row> rows) {

    /**
     * Cost of one model size.
     *
     * @param model model name
     * @param params parameters of the baseline set's network (else of any finished set)
     * @param flopsPerImage forward FLOPs per image of the same network
     * @param finishedRuns finished runs of this model
     * @param meanWallSeconds mean wall time per finished run
     * @param meanImagesPerSecond mean training throughput over finished runs
     * @param devices the devices the runs were trained on
     */
    public record Row(
            String model,
            OptionalLong params,
            OptionalLong flopsPerImage,
            int finishedRuns,
            OptionalDouble meanWallSeconds,
            OptionalDouble meanImagesPerSecond,
            Set<String> devices) {

        public Row {
            devices = Set.copyOf(devices);
        }
    }

    public CostSummary {
        rows = List.copyOf(rows);
    }

    /** The cost of every model of a study. */
    public static CostSummary of(StudyResults results) {
        List<Row> rows = new ArrayList<>();
        for (String model : results.models()) {
            List<RunResult> runs = results.finished(model);
            Optional<RunResult> representative = results.representative(model);
            Set<String> devices = new LinkedHashSet<>();
            runs.forEach(r -> devices.add(
                    r.provenance() == null || r.provenance().device() == null
                            ? "unknown"
                            : r.provenance().device()));
            rows.add(new Row(
                    model,
                    representative.map(r -> OptionalLong.of(r.params())).orElse(OptionalLong.empty()),
                    representative.map(r -> OptionalLong.of(r.flopsPerImage())).orElse(OptionalLong.empty()),
                    runs.size(),
                    mean(runs.stream().mapToDouble(RunResult::wallSeconds).toArray()),
                    mean(runs.stream()
                            .mapToDouble(RunResult::trainImagesPerSecond)
                            .toArray()),
                    devices));
        }
        return new CostSummary(rows);
    }

    private static OptionalDouble mean(double[] values) {
        return values.length == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(new DescriptiveStatistics(values).getMean());
    }

    /** The row of one model. */
    public Row row(String model) {
        return rows.stream()
                .filter(r -> r.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + model));
    }

    /** Mean wall time of a large run over that of a small run: small runs bought by one large run. */
    public OptionalDouble wallRatio(String small, String large) {
        OptionalDouble s = row(small).meanWallSeconds();
        OptionalDouble l = row(large).meanWallSeconds();
        return s.isPresent() && l.isPresent() && s.getAsDouble() > 0
                ? OptionalDouble.of(l.getAsDouble() / s.getAsDouble())
                : OptionalDouble.empty();
    }

    /** Forward FLOPs per image of the large model over the small one. */
    public OptionalDouble flopRatio(String small, String large) {
        OptionalLong s = row(small).flopsPerImage();
        OptionalLong l = row(large).flopsPerImage();
        return s.isPresent() && l.isPresent() && s.getAsLong() > 0
                ? OptionalDouble.of((double) l.getAsLong() / s.getAsLong())
                : OptionalDouble.empty();
    }

    /** Every device any finished run used. */
    public Set<String> devices() {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(r -> all.addAll(r.devices()));
        return all;
    }
}
