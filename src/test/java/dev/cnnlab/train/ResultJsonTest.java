package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.technique.FlipTestTimeAugmentation;
import dev.cnnlab.util.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** result.json and checkpoint rows: today's generic metrics, and files written before them. */
class ResultJsonTest {

    private static final String OLD_ROW = "{\"epoch\": 3, \"lr\": 0.01, \"trainLoss\": 3.1, \"trainTop1\": 20.0,"
            + " \"testLoss\": 3.3, \"testTop1\": 21.5, \"testTop5\": 48.0, \"seconds\": 12.0,"
            + " \"trainImagesPerSecond\": 900.0, \"testTop1Ema\": 22.25, \"testTop1FlipTta\": 23.5}";

    @Test
    void rowsWrittenBeforeMetricsWereGenericStillLoad() throws Exception {
        EpochStats row = Json.MAPPER.readValue(OLD_ROW, EpochStats.class);
        assertThat(row.testTop1()).isEqualTo(21.5);
        assertThat(row.testTop1Ema()).isEqualTo(22.25);
        assertThat(row.testTop1FlipTta()).isEqualTo(23.5);
        assertThat(List.copyOf(row.metrics().keySet()))
                .containsExactly(WeightAverage.METRIC, FlipTestTimeAugmentation.METRIC);
        assertThat(row.csvRow()).endsWith(",22.250,23.500");
    }

    @Test
    void resultsWrittenBeforeMetricsWereGenericStillLoad() throws Exception {
        String old = "{\"model\": \"ResNet-11\", \"testAccuracy\": 21.5, \"testTop5\": 48.0, \"testLoss\": 3.3,"
                + " \"bestTestAccuracy\": 21.5, \"params\": 100, \"flopsPerImage\": 1000, \"epochs\": 3,"
                + " \"wallSeconds\": 36.0, \"trainImagesPerSecond\": 900.0, \"history\": [" + OLD_ROW + "],"
                + " \"testAccuracyEma\": 22.25, \"testAccuracyFlipTta\": null}";
        RunResult result = Json.MAPPER.readValue(old, RunResult.class);
        assertThat(result.testAccuracyEma()).isEqualTo(22.25);
        assertThat(result.testAccuracyFlipTta()).isNull();
        assertThat(result.history().get(0).testTop1FlipTta()).isEqualTo(23.5);
    }

    @Test
    void todaysResultsRoundTrip() throws Exception {
        EpochStats row = new EpochStats(
                1, 0.1, 4.0, 2.0, 4.1, 2.5, 9.0, 10.0, 100.0, Map.of(FlipTestTimeAugmentation.METRIC, 3.0));
        RunResult result = new RunResult(
                "ResNet-11", 2.5, 9.0, 4.1, 2.5, 100, 1000, 1, 10.0, 100.0, null, null, List.of(row), row.metrics());
        RunResult read = Json.MAPPER.readValue(Json.write(result), RunResult.class);
        assertThat(read).isEqualTo(result);
        assertThat(read.testAccuracyFlipTta()).isEqualTo(3.0);
        assertThat(read.testAccuracyEma()).isNull();
        assertThat(EpochStats.csvHeader(List.copyOf(row.metrics().keySet())))
                .isEqualTo(EpochStats.CSV_HEADER + ",test_top1_flip_tta");
    }
}
