package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.CifarData;
import dev.cnnlab.train.EngineSetup;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.TrainListener;
import dev.cnnlab.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every catalogue technique inside a tiny real training run: it trains, and its metrics appear. */
class TechniquesInTrainingTest {

    private static CifarData data;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realData();
    }

    static List<String> techniques() {
        return TechniqueCatalog.entries().stream().map(TechniqueCatalog.Entry::name).toList();
    }

    @ParameterizedTest
    @MethodSource("techniques")
    void trainsATinyRealRun(String name, @TempDir Path dir) {
        // a short warm-up so the schedule techniques fit a 2-epoch run
        Map<String, Double> options = switch (name) {
            case CosineSchedule.NAME -> Map.of("warmup", 0.5);
            case LrWarmup.NAME -> Map.of("epochs", 0.5);
            default -> Map.of();
        };
        TrainConfig config = new TrainConfig(11, List.of(new TechniqueSpec(name, options)), 2, 0.05, List.of(), 0.1, 64,
                1e-4, 0.9, 3, 512, 256, EngineSetup.defaultThreads());
        RunResult result = new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false);
        assertThat(result.history()).hasSize(2);
        assertThat(result.history().get(1).trainLoss()).isFinite().isLessThan(4.7);
        assertThat(result.testAccuracy()).isBetween(0.0, 100.0);
        assertThat(result.testAccuracyEma() != null).isEqualTo(name.equals(WeightAveraging.NAME));
        assertThat(result.testAccuracyFlipTta() != null).isEqualTo(name.equals(FlipTestTimeAugmentation.NAME));
        assertThat(result.params()).isGreaterThan(0);
    }
}
