package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.report.AnalysisSchema;
import dev.cnnlab.report.ReportFiles;
import dev.cnnlab.report.StudyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny real study along one axis: basic-block ResNet-8, -14 and -20 (the target), 3 epochs on
 * 1,000 images of CIFAR-100's 20 superclasses, a baseline and two sets, two seeds (about 2 minutes
 * on 2 cores). The report extrapolates each set's gain from the two shallower depths to ResNet-20
 * and backtests it against the measured gain; with 2 sets the transfer model refuses.
 */
class PredictionStudyTest {

    private static final String SPEC = """
            name: depths
            data: {labels: coarse}
            models:
              - {name: ResNet-8, depth: 8, family: basic}
              - {name: ResNet-14, depth: 14, family: basic}
              - {name: ResNet-20, depth: 20, family: basic}
            target: ResNet-20
            techniques: {baseline: {}, se: {se: {}}, mixup: {mixup: {alpha: 1.0}}}
            seeds: [0, 1]
            protocol: {epochs: 3, lr: 0.1, batchSize: 64, trainLimit: 1000, testLimit: 500}
            """;

    @Test
    void aStudyWithThreeDepthsPredictsTheTargetsGainsAndBacktestsThem(@TempDir Path tmp) throws Exception {
        Fixtures.engine();
        Dataset data = Fixtures.realData().dataset("coarse");
        StudySpec spec = StudySpecReader.parse(SPEC, "depths.yaml");
        StudyDirectory dir = new StudyDirectory(tmp.resolve("study")).open(spec);
        new StudyRunner(spec, dir, data)
                .threads(2)
                .listener(RecordingListener.recording())
                .poll(Duration.ofMillis(100))
                .run(spec.cells());
        // real learning: every target run is well above chance (5% on 20 superclasses)
        spec.cells().stream()
                .filter(c -> c.fidelity().name().equals("ResNet-20"))
                .forEach(c ->
                        assertThat(dir.accuracy(c).getAsDouble()).as(c.id()).isGreaterThan(10.0));

        ReportFiles files = StudyReport.write(tmp.resolve("study"));
        String md = Files.readString(files.markdown());
        assertThat(md)
                .contains("## Prediction: gains at the target from cheaper fidelities")
                .contains("### Along depth")
                .contains("Fidelities that differ from the target ResNet-20 in depth alone, cheapest first: ResNet-8"
                        + " (8), ResNet-14 (14), ResNet-20 (20).");
        // two proxies check only the constant form by leave-one-out; the target was run, so both are backtested
        assertThat(md).containsPattern("\\| se \\| M0 (points|relative) \\| [+-]\\d+\\.\\d\\d \\\\\\[");
        assertThat(md).containsPattern("\\| mixup \\| M0 (points|relative) \\| [+-]\\d+\\.\\d\\d \\\\\\[");
        assertThat(md).containsPattern("Backtest along depth: \\d of 2 measured target gains lie inside");
        assertThat(files.markdown().resolveSibling("report-files/prediction-depth.svg"))
                .isNotEmptyFile();
        // two sets are far from the 8 the transfer model across techniques needs
        assertThat(md)
                .contains("From ResNet-8: no transfer model: the transfer model needs 8 technique sets measured at"
                        + " both ResNet-8 and ResNet-20; this study has 2: run 6 more.");
        AnalysisSchema.assertValid(files.analysis());
    }
}
