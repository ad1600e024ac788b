package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.technique.FlipTestTimeAugmentation;
import dev.cnnlab.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json and checkpoint rows through {@link RunRecords}: today's format, and format 1. */
class ResultJsonTest {

    private static final String OLD_ROW = "{\"epoch\": 3, \"lr\": 0.01, \"trainLoss\": 3.1, \"trainTop1\": 20.0,"
            + " \"testLoss\": 3.3, \"testTop1\": 21.5, \"testTop5\": 48.0, \"seconds\": 12.0,"
            + " \"trainImagesPerSecond\": 900.0, \"testTop1Ema\": 22.25, \"testTop1FlipTta\": 23.5}";

    /** A format-1 config: before families, widths and precisions existed. */
    private static final String OLD_CONFIG = "{\"depth\": 11, \"techniques\": [], \"epochs\": 3, \"lr\": 0.1,"
            + " \"lrMilestones\": [2], \"lrGamma\": 0.1, \"batchSize\": 64, \"weightDecay\": 1.0E-4,"
            + " \"momentum\": 0.9, \"seed\": 0, \"trainLimit\": 0, \"testLimit\": 0, \"threads\": 1}";

    @TempDir
    Path dir;

    @Test
    void resultsOfFormatOneLoadWithTheirMetricsAndConfigUpgraded() throws Exception {
        String old = "{\"model\": \"ResNet-11\", \"testAccuracy\": 21.5, \"testTop5\": 48.0, \"testLoss\": 3.3,"
                + " \"bestTestAccuracy\": 21.5, \"params\": 100, \"flopsPerImage\": 1000, \"epochs\": 3,"
                + " \"wallSeconds\": 36.0, \"trainImagesPerSecond\": 900.0, \"config\": " + OLD_CONFIG + ","
                + " \"history\": [" + OLD_ROW + "], \"testAccuracyEma\": 22.25, \"testAccuracyFlipTta\": null,"
                + " \"provenance\": {\"trainMd5\": \"a\", \"testMd5\": \"b\", \"dataSource\": \"/d\","
                + " \"gitCommit\": \"c0ffee\", \"javaVersion\": \"17\", \"djlVersion\": \"0.25.0\","
                + " \"engine\": \"PyTorch 2.0.1\", \"device\": \"cpu()\", \"os\": \"Linux\", \"cpu\": \"EPYC\","
                + " \"cores\": 2, \"threads\": 2, \"host\": \"h\", \"startedAt\": \"2026-01-01T00:00:00Z\"}}";
        RunResult result = RunRecords.readResult(write("result.json", old));
        assertThat(result.metric(WeightAverage.METRIC)).isEqualTo(22.25);
        assertThat(result.metric(FlipTestTimeAugmentation.METRIC)).isNull();
        EpochStats row = result.history().get(0);
        assertThat(row.testTop1()).isEqualTo(21.5);
        assertThat(List.copyOf(row.metrics().keySet()))
                .containsExactly(WeightAverage.METRIC, FlipTestTimeAugmentation.METRIC);
        assertThat(row.csvRow()).endsWith(",22.250,23.500");
        assertThat(result.config().family()).isEqualTo("bottleneck");
        assertThat(result.config().widen()).isEqualTo(1);
        assertThat(result.config().precision()).isEqualTo("fp32");
        assertThat(result.config().validate().modelSpec().displayName()).isEqualTo("ResNet-11");
        assertThat(result.provenance())
                .isEqualTo(new Provenance(
                        new Provenance.Data("a", "b", "/d"),
                        new Provenance.Software("c0ffee", "17", "0.25.0", "PyTorch 2.0.1"),
                        new Provenance.Hardware("cpu()", "Linux", "EPYC", 2, 2, "h"),
                        new Provenance.Times("2026-01-01T00:00:00Z", null)));
    }

    @Test
    void checkpointStatesOfFormatOneLoad() throws Exception {
        String old = "{\"config\": " + OLD_CONFIG + ", \"completedEpochs\": 1, \"history\": [" + OLD_ROW + "],"
                + " \"trainSeconds\": 12.0, \"partial\": null}";
        TrainState state = RunRecords.readState(write("state.json", old));
        assertThat(state.startedAt()).isNull();
        assertThat(state.config().widen()).isEqualTo(1);
        assertThat(state.history().get(0).metric(FlipTestTimeAugmentation.METRIC))
                .isEqualTo(23.5);
    }

    @Test
    void todaysResultsRoundTripAndSayTheirFormat() throws Exception {
        EpochStats row = new EpochStats(
                1, 0.1, 4.0, 2.0, 4.1, 2.5, 9.0, 10.0, 100.0, Map.of(FlipTestTimeAugmentation.METRIC, 3.0));
        RunResult result = new RunResult(
                "ResNet-11",
                2.5,
                9.0,
                4.1,
                2.5,
                100,
                1000,
                1,
                10.0,
                100.0,
                TrainConfig.reference(11, List.of(), 1),
                null,
                List.of(row),
                row.metrics());
        Path file = dir.resolve("result.json");
        RunRecords.write(file, result);
        assertThat(Json.MAPPER.readTree(file.toFile()).get("format").asInt()).isEqualTo(RunRecords.FORMAT);
        RunResult read = RunRecords.readResult(file);
        assertThat(read).isEqualTo(result);
        assertThat(read.metric(FlipTestTimeAugmentation.METRIC)).isEqualTo(3.0);
        assertThat(read.metric(WeightAverage.METRIC)).isNull();
        assertThat(EpochStats.csvHeader(List.copyOf(row.metrics().keySet())))
                .isEqualTo(EpochStats.CSV_HEADER + ",test_top1_flip_tta");
    }

    @Test
    void aFormatFromANewerVersionIsRefusedInOneLine() throws Exception {
        Path file = write("result.json", "{\"format\": 99, \"model\": \"ResNet-11\"}");
        assertThatThrownBy(() -> RunRecords.readResult(file))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("format 99")
                .hasMessageContaining("newer cnnlab");
    }

    private Path write(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }
}
