package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.data.CifarData;
import dev.cnnlab.technique.TechniqueSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training on CIFAR-100 subsets: learning, records, checkpoints and exact resumption. */
class TrainerTest {

    private static CifarData data;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realData();
    }

    private static TrainConfig tiny(int epochs, int trainLimit, int testLimit, List<TechniqueSpec> techniques) {
        return new TrainConfig(11, techniques, epochs, 0.05, List.of(), 0.1, 64, 1e-4, 0.9, 42,
                trainLimit, testLimit, EngineSetup.defaultThreads());
    }

    @Test
    void aDivergingRunStopsWithAOneLineErrorInsteadOfReportingNaNAccuracy(@TempDir Path dir) {
        TrainConfig absurd = new TrainConfig(11, List.of(), 1, 1e6, List.of(), 0.1, 64, 1e-4, 0.9, 42, 1280, 128,
                EngineSetup.defaultThreads());
        assertThatThrownBy(() -> new Trainer(absurd, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("training diverged")
                .hasMessageContaining("lower the learning rate");
        assertThat(dir.resolve(RunFiles.RESULT)).doesNotExist();
    }

    @Test
    void bf16MixedPrecisionTrainingLearnsToo(@TempDir Path dir) {
        TrainConfig bf16 = new TrainConfig(11, List.of(), 3, 0.05, List.of(), 0.1, 64, 1e-4, 0.9, 42, 5000, 1000,
                EngineSetup.defaultThreads(), "bottleneck", 1, "bf16");
        RunResult result = new Trainer(bf16, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false);

        // the same bar as the float32 run above: chance is 1%, and 4% on 1000 images is > 9 sigma
        assertThat(result.testAccuracy()).isGreaterThan(4.0);
        assertThat(result.history().get(2).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.config().precision()).isEqualTo("bf16");
    }

    @Test
    void shortRealTrainingBeatsChanceByAWideMarginAndWritesACompleteRecord(@TempDir Path dir) throws Exception {
        RunResult result = new Trainer(tiny(3, 5000, 1000, List.of()), data, new RunFiles(dir), TrainListener.SILENT, 2)
                .run(false);

        // chance is 1% top-1 and 5% top-5 on 100 classes; 1000 test images make 4% a > 9 sigma margin
        assertThat(result.testAccuracy()).isGreaterThan(4.0);
        assertThat(result.testTop5()).isGreaterThan(15.0);
        assertThat(result.history()).hasSize(3);
        assertThat(result.history().get(2).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(result.params()).isEqualTo(149_876);
        assertThat(result.trainImagesPerSecond()).isPositive();
        assertThat(result.provenance().trainMd5()).isEqualTo("6172c7755cfe09b2fe270c85cebc1b15");
        // the libtorch the build bundles (pom.xml's libtorch.version), not whatever DJL might find
        assertThat(result.provenance().engine()).startsWith("PyTorch " + System.getProperty("cnnlab.libtorchVersion", ""));

        List<String> csv = Files.readAllLines(dir.resolve(RunFiles.EPOCHS));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo(EpochStats.CSV_HEADER);
        assertThat(csv.get(3)).startsWith("3,");
        RunResult reread = new RunFiles(dir).result().orElseThrow();
        assertThat(reread.testAccuracy()).isEqualTo(result.testAccuracy());
        assertThat(reread.config()).isEqualTo(result.config());
        assertThat(dir.resolve("checkpoint/model.params")).isRegularFile();
        assertThat(dir.resolve("checkpoint/optimizer.bin")).isRegularFile();
        assertThat(dir.resolve(RunFiles.CONFIG)).isRegularFile();
    }

    @Test
    void aRunKilledMidEpochAndResumedEndsExactlyLikeAnUninterruptedOne(@TempDir Path dir) {
        TrainConfig config = tiny(2, 1024, 256, List.of(TechniqueSpec.of("mixup", "alpha", 1.0)));
        RunResult straight = new Trainer(config, data, new RunFiles(dir.resolve("straight")), TrainListener.SILENT, 2)
                .run(false);

        RunFiles interrupted = new RunFiles(dir.resolve("interrupted"));
        TrainListener crashInEpoch2 = new TrainListener() {
            int epoch;

            @Override
            public void epochStarted(int e, int epochs, double lr, int batches) {
                epoch = e;
            }

            @Override
            public void batchDone(int batch, int batches, double loss, double rate) {
                if (epoch == 2 && batch == 5) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        // a checkpoint after every batch: the kill in batch 5 finds batches 1-4 of epoch 2 saved
        assertThatThrownBy(() -> new Trainer(config, data, interrupted, crashInEpoch2, 2, 1e-9).run(false))
                .hasMessage("simulated kill");
        assertThat(interrupted.checkpoint().peek().orElseThrow().completedEpochs()).isEqualTo(1);
        assertThat(interrupted.checkpoint().peek().orElseThrow().partial().batches()).isEqualTo(4);
        assertThat(interrupted.result()).isEmpty();

        assertThatThrownBy(() -> new Trainer(config, data, interrupted, TrainListener.SILENT, 2).run(false))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("--resume");

        RunResult resumed = new Trainer(config, data, interrupted, TrainListener.SILENT, 1, 0).run(true);
        assertThat(resumed.testAccuracy()).isEqualTo(straight.testAccuracy());
        assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
        for (int i = 0; i < 2; i++) {
            assertThat(resumed.history().get(i).trainLoss()).isEqualTo(straight.history().get(i).trainLoss());
            assertThat(resumed.history().get(i).trainTop1()).isEqualTo(straight.history().get(i).trainTop1());
            assertThat(resumed.history().get(i).testLoss()).isEqualTo(straight.history().get(i).testLoss());
        }
    }

    @Test
    void aFinishedRunIsNotTrainedAgainAndAnotherConfigIsRefused(@TempDir Path dir) throws Exception {
        TrainConfig config = tiny(1, 256, 128, List.of());
        RunResult first = new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false);
        long written = Files.getLastModifiedTime(dir.resolve(RunFiles.RESULT)).toMillis();

        RunResult again = new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 2).run(true);
        assertThat(again.testAccuracy()).isEqualTo(first.testAccuracy());
        assertThat(Files.getLastModifiedTime(dir.resolve(RunFiles.RESULT)).toMillis()).isEqualTo(written);

        TrainConfig other = tiny(2, 256, 128, List.of());
        assertThatThrownBy(() -> new Trainer(other, data, new RunFiles(dir), TrainListener.SILENT, 2).run(true))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("different config");
    }
}
