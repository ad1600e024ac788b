package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.technique.FlipTestTimeAugmentation;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training on CIFAR-100 subsets: learning, records, checkpoints and exact resumption. */
class TrainerTest {

    private static Dataset data;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realDataset();
    }

    private static TrainConfig tiny(int epochs, int trainLimit, int testLimit, List<TechniqueSpec> techniques) {
        return TrainConfig.builder()
                .depth(11)
                .techniques(techniques)
                .epochs(epochs)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(42)
                .trainLimit(trainLimit)
                .testLimit(testLimit)
                .threads(EngineSetup.defaultThreads())
                .build();
    }

    @Test
    void aDivergingRunStopsWithAOneLineErrorInsteadOfReportingNaNAccuracy(@TempDir Path dir) {
        TrainConfig absurd = TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(1)
                .lr(1e6)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(42)
                .trainLimit(1280)
                .testLimit(128)
                .threads(EngineSetup.defaultThreads())
                .build();
        assertThatThrownBy(() -> new Trainer(absurd, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("training diverged")
                .hasMessageContaining("lower the learning rate");
        assertThat(dir.resolve(RunFiles.RESULT)).doesNotExist();
    }

    @Test
    void bf16MixedPrecisionTrainingLearnsToo(@TempDir Path dir) {
        TrainConfig bf16 = TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(3)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(42)
                .trainLimit(5000)
                .testLimit(1000)
                .threads(EngineSetup.defaultThreads())
                .family("bottleneck")
                .widen(1)
                .precision("bf16")
                .build();
        RunResult result = new Trainer(bf16, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false);

        // the same bar as the float32 run above: chance is 1%, and 4% on 1000 images is > 9 sigma
        assertThat(result.testAccuracy()).isGreaterThan(4.0);
        assertThat(result.history().get(2).trainLoss())
                .isLessThan(result.history().get(0).trainLoss());
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
        assertThat(result.history().get(2).trainLoss())
                .isLessThan(result.history().get(0).trainLoss());
        // the PyTorch peer's count for depth 11: `/usr/bin/python3 bench/param_counts.py`, "peer bottleneck depth 11"
        assertThat(result.params()).isEqualTo(149_876);
        assertThat(result.trainImagesPerSecond()).isPositive();
        assertThat(result.provenance().data().trainMd5()).isEqualTo("6172c7755cfe09b2fe270c85cebc1b15");
        // the libtorch the build bundles (pom.xml's libtorch.version), not whatever DJL might find
        assertThat(result.provenance().software().engine())
                .startsWith("PyTorch " + System.getProperty("cnnlab.libtorchVersion", ""));

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
    void aRunKilledMidEpochAndResumedEndsExactlyLikeAnUninterruptedOne(@TempDir Path dir) throws Exception {
        TrainConfig config = tiny(2, 1024, 256, List.of(TechniqueSpec.of("mixup", "alpha", 1.0)));
        RunFiles straight = new RunFiles(dir.resolve("straight"));
        RunResult uninterrupted = new Trainer(config, data, straight, TrainListener.SILENT, 2).run(false);

        RunFiles interrupted = new RunFiles(dir.resolve("interrupted"));
        killDuring(config, interrupted, 2, 5);
        // a checkpoint after every batch: the kill in batch 5 finds batches 1-4 of epoch 2 saved
        assertThat(interrupted.checkpoint().peek().orElseThrow().completedEpochs())
                .isEqualTo(1);
        assertThat(interrupted.checkpoint().peek().orElseThrow().partial().batches())
                .isEqualTo(4);
        assertThat(interrupted.result()).isEmpty();

        assertThatThrownBy(() -> new Trainer(config, data, interrupted, TrainListener.SILENT, 2).run(false))
                .isInstanceOfSatisfying(
                        RunDirectoryConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(RunDirectoryConflict.Kind.UNFINISHED))
                .hasMessageContaining("unfinished run (1/2 epochs)")
                .hasMessageNotContaining("--");

        RunResult resumed = new Trainer(config, data, interrupted, TrainListener.SILENT, 1, 0).run(true);
        assertSameRun(resumed, uninterrupted, interrupted, straight);
    }

    /** The weight average lives outside the network: a kill must not lose it (it is in the checkpoint). */
    @Test
    void aResumedRunKeepsItsWeightAverage(@TempDir Path dir) throws Exception {
        TrainConfig config = tiny(2, 512, 128, List.of(TechniqueSpec.of("ema", "decay", 0.9)));
        RunFiles straight = new RunFiles(dir.resolve("straight"));
        RunResult uninterrupted = new Trainer(config, data, straight, TrainListener.SILENT, 2).run(false);

        RunFiles interrupted = new RunFiles(dir.resolve("interrupted"));
        killDuring(config, interrupted, 2, 4);
        RunResult resumed = new Trainer(config, data, interrupted, TrainListener.SILENT, 2, 0).run(true);

        assertSameRun(resumed, uninterrupted, interrupted, straight);
        assertThat(resumed.metric(WeightAverage.METRIC)).isNotNull();
        assertThat(file(interrupted, "ema.bin")).isEqualTo(file(straight, "ema.bin"));
    }

    /**
     * A step schedule across a kill: killed in epoch 2, after the first milestone, resumed through
     * the second. The rates are 0.05 x 0.1 per milestone passed (milestones 1 and 2).
     */
    @Test
    void aRunKilledBetweenMilestonesResumesOnTheSameStepSchedule(@TempDir Path dir) throws Exception {
        TrainConfig config = TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(3)
                .lr(0.05)
                .lrMilestones(List.of(1, 2))
                .batchSize(64)
                .seed(42)
                .trainLimit(512)
                .testLimit(128)
                .threads(EngineSetup.defaultThreads())
                .build();
        RunFiles straight = new RunFiles(dir.resolve("straight"));
        RunResult uninterrupted = new Trainer(config, data, straight, TrainListener.SILENT, 2).run(false);

        RunFiles interrupted = new RunFiles(dir.resolve("interrupted"));
        killDuring(config, interrupted, 2, 4);
        RunResult resumed = new Trainer(config, data, interrupted, TrainListener.SILENT, 2, 0).run(true);

        assertSameRun(resumed, uninterrupted, interrupted, straight);
        Fixtures.assertLrColumn(resumed.history(), 0.05, 0.005, 0.0005);
    }

    /** Runs {@code config} with a checkpoint after every batch and kills it in batch {@code batch} of {@code epoch}. */
    private static void killDuring(TrainConfig config, RunFiles files, int epoch, int batch) {
        TrainListener crash = new TrainListener() {
            int current;

            @Override
            public void epochStarted(int e, int epochs, double lr, int batches) {
                current = e;
            }

            @Override
            public void batchDone(int b, int batches, double loss, double rate) {
                if (current == epoch && b == batch) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        assertThatThrownBy(() -> new Trainer(config, data, files, crash, 2, 1e-9).run(false))
                .hasMessage("simulated kill");
        assertThat(files.checkpoint().peek().orElseThrow().completedEpochs()).isEqualTo(epoch - 1);
    }

    /**
     * Every field of every history row and of the result equal, and the final weights and momentum
     * bit for bit. Not compared: wall-clock measurements (a row's seconds and images/s, the result's
     * wall seconds and mean images/s, and the provenance's times), which legitimately differ.
     */
    private static void assertSameRun(
            RunResult resumed, RunResult straight, RunFiles resumedFiles, RunFiles straightFiles) throws Exception {
        assertThat(resumed.history()).hasSize(straight.config().epochs());
        assertThat(resumed.history().stream().map(TrainerTest::withoutClock).toList())
                .isEqualTo(straight.history().stream()
                        .map(TrainerTest::withoutClock)
                        .toList());
        assertThat(resumed.testAccuracy()).isEqualTo(straight.testAccuracy());
        assertThat(resumed.testTop5()).isEqualTo(straight.testTop5());
        assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
        assertThat(resumed.bestTestAccuracy()).isEqualTo(straight.bestTestAccuracy());
        assertThat(resumed.metric(WeightAverage.METRIC)).isEqualTo(straight.metric(WeightAverage.METRIC));
        assertThat(resumed.metric(FlipTestTimeAugmentation.METRIC))
                .isEqualTo(straight.metric(FlipTestTimeAugmentation.METRIC));
        assertThat(resumed.params()).isEqualTo(straight.params());
        assertThat(resumed.flopsPerImage()).isEqualTo(straight.flopsPerImage());
        assertThat(resumed.epochs()).isEqualTo(straight.epochs());
        assertThat(resumed.config()).isEqualTo(straight.config());
        assertThat(file(resumedFiles, "model.params")).isEqualTo(file(straightFiles, "model.params"));
        assertThat(file(resumedFiles, "optimizer.bin")).isEqualTo(file(straightFiles, "optimizer.bin"));
    }

    /** A row with its two wall-clock fields (epoch seconds, training images/s) zeroed. */
    private static EpochStats withoutClock(EpochStats r) {
        return new EpochStats(
                r.epoch(),
                r.lr(),
                r.trainLoss(),
                r.trainTop1(),
                r.testLoss(),
                r.testTop1(),
                r.testTop5(),
                0,
                0,
                r.metrics());
    }

    /** SHA-256 of a checkpoint file: equal digests, equal bytes (and a readable failure). */
    private static String file(RunFiles files, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(files.dir().resolve("checkpoint").resolve(name));
        return "checkpoint/" + name + " sha256 "
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(bytes));
    }

    @Test
    void aFinishedRunIsNotTrainedAgainAndAnotherConfigIsRefused(@TempDir Path dir) throws Exception {
        TrainConfig config = tiny(1, 256, 128, List.of());
        RunResult first = new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 2).run(false);
        long written = Files.getLastModifiedTime(dir.resolve(RunFiles.RESULT)).toMillis();

        RunResult again = new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 2).run(true);
        assertThat(again.testAccuracy()).isEqualTo(first.testAccuracy());
        assertThat(Files.getLastModifiedTime(dir.resolve(RunFiles.RESULT)).toMillis())
                .isEqualTo(written);

        TrainConfig other = tiny(2, 256, 128, List.of());
        assertThatThrownBy(() -> new Trainer(other, data, new RunFiles(dir), TrainListener.SILENT, 2).run(true))
                .isInstanceOfSatisfying(
                        RunDirectoryConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(RunDirectoryConflict.Kind.OTHER_CONFIG))
                .hasMessageContaining("different config: epochs 1 here, 2 asked")
                .hasMessageNotContaining("TrainConfig[")
                .hasMessageNotContaining("--");
    }
}
