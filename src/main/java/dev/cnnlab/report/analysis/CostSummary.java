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
                    r.provenance() == null || r.provenance().hardware().device() == null
                            ? "unknown"
                            : r.provenance().hardware().device()));
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

    /** Every device any finished run used. */
    public Set<String> devices() {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(r -> all.addAll(r.devices()));
        return all;
    }
}
