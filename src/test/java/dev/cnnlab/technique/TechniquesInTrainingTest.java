package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.RunFiles;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.TrainListener;
import dev.cnnlab.train.Trainer;
import dev.cnnlab.train.WeightAverage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalogue technique inside a short real training run (depth 11, 1,024 CIFAR-100 training
 * images, 3 epochs, 1,000 test images): the run learns, and the technique acts where it says it
 * does. "Acts" is read against a plain run with the same seed, which starts from the same weights
 * and sees the same batches: a technique that changes the batch, its targets or the training
 * forward changes the very first batch's loss; one that changes only the update leaves the first
 * loss bit-identical and changes the second; one that only adds an evaluation leaves training
 * bit-identical and adds its metric.
 *
 * <p>The learning-rate column is checked against values computed by hand from the schedules'
 * formulas (base rate b, E epochs, warm-up w, the row's rate is the one at the epoch's start p):
 * step {@code b * gamma^(milestones <= p)}; cosine {@code b/2 (1 + cos(pi p / E))}; during the
 * warm-up {@code p / w} times the schedule's rate at {@code w}.
 */
class TechniquesInTrainingTest {

    /** The loss of a uniform guess over 100 classes, where every run starts. */
    private static final double LN_100 = Math.log(100);

    private static Dataset data;

    @TempDir
    static Path plainDir;

    private static Run plain;

    /**
     * A finished run and the running mean training loss after each batch of epoch 1 (as the
     * listener gets it): equal sequences mean equal batch losses.
     */
    record Run(RunResult result, List<Double> epoch1Losses) {
        /** The loss of batch 1. */
        double firstLoss() {
            return epoch1Losses.get(0);
        }

        /** The mean loss of batches 1 and 2 (so with batch 1 equal, a difference is batch 2's). */
        double secondLoss() {
            return epoch1Losses.get(1);
        }
    }

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realDataset();
        plain = train(
                TrainConfig.builder()
                        .depth(11)
                        .techniques(List.of())
                        .epochs(3)
                        .lr(0.1)
                        .lrMilestones(List.of())
                        .batchSize(64)
                        .seed(7)
                        .trainLimit(1024)
                        .testLimit(1000)
                        .threads(EngineSetup.defaultThreads())
                        .build(),
                plainDir);
    }

    static List<String> techniques() {
        return TechniqueCatalog.entries().stream()
                .map(TechniqueCatalog.Entry::name)
                .toList();
    }

    @ParameterizedTest
    @MethodSource("techniques")
    void learnsAndTheTechniqueActs(String name, @TempDir Path dir) {
        Map<String, Double> options = switch (name) {
            case CosineSchedule.NAME -> Map.of("warmup", 0.5); // short warm-ups for a 3-epoch run
            case LrWarmup.NAME -> Map.of("epochs", 0.5);
            case WeightAveraging.NAME -> Map.of("decay", 0.9); // an average of the last ~10 of 48 steps
            case WarmRestarts.NAME -> Map.of("t0", 1.0, "tmult", 2.0); // cycles [0, 1) and [1, 3)
            default -> Map.of();
        };
        Run run = train(
                TrainConfig.builder()
                        .depth(11)
                        .techniques(List.of(new TechniqueSpec(name, options)))
                        .epochs(3)
                        .lr(0.1)
                        .lrMilestones(List.of())
                        .batchSize(64)
                        .seed(7)
                        .trainLimit(1024)
                        .testLimit(1000)
                        .threads(EngineSetup.defaultThreads())
                        .build(),
                dir);
        RunResult result = run.result();

        // it learned: top-1 / top-5 well above the 1% / 5% of chance (2.5% of 1,000 test images is 4.8
        // standard deviations of a guess above it; 3.3-6.0% and 14.5-19.4% measured), and the training
        // loss fell from ln 100 = 4.61 at the start: clearly for most, less for the two strong policies,
        // whose training images are the hardest (4.12-4.44 measured for all before subsets were
        // stratified; on the stratified 1,024 images AutoAugment ends at 4.55 and RandAugment at 4.53)
        assertThat(result.history()).hasSize(3);
        boolean strongPolicy = name.equals(AutoAugment.NAME) || name.equals(RandAugment.NAME);
        assertThat(result.history().get(2).trainLoss()).isLessThan(LN_100 - (strongPolicy ? 0.03 : 0.1));
        assertThat(result.testAccuracy()).isGreaterThan(2.5);
        assertThat(result.testTop5()).isGreaterThan(10.0);

        // and the technique acted
        switch (name) {
            case SqueezeExcitation.NAME -> {
                // the PyTorch peer's depth-11 network with SE gates (bench/param_counts.py), not the plain 149,876
                assertThat(result.params()).isEqualTo(161_104);
                assertThat(run.firstLoss()).isNotEqualTo(plain.firstLoss());
            }
            // image and normalised-image transforms, mixing, and drop paths in the forward change batch 1
            case Mixup.NAME,
                    Cutout.NAME,
                    RandomErasing.NAME,
                    AutoAugment.NAME,
                    RandAugment.NAME,
                    StochasticDepth.NAME -> assertThat(run.firstLoss()).isNotEqualTo(plain.firstLoss());
            // CutMix mixes half of the batches (prob 0.5): some batch of epoch 1 differs
            case CutMix.NAME -> assertThat(run.epoch1Losses()).isNotEqualTo(plain.epoch1Losses());
            case LabelSmoothing.NAME -> {
                // same logits as the plain run on batch 1, targets (1 - e) one-hot + e / 100: the loss is
                // (1 - e) * plain + e * mean(-log p) over all classes, and mean(-log p) >= ln 100 (Jensen)
                assertThat(run.firstLoss())
                        .isNotEqualTo(plain.firstLoss())
                        .isGreaterThanOrEqualTo(0.9 * plain.firstLoss() + 0.1 * LN_100 - 1e-5);
            }
            case NesterovMomentum.NAME -> {
                // the same first forward; the first update already differs
                assertThat(run.firstLoss()).isEqualTo(plain.firstLoss());
                assertThat(run.secondLoss()).isNotEqualTo(plain.secondLoss());
            }
            case CosineSchedule.NAME -> {
                // warm-up 0.5: 0 at p = 0; then 0.1/2 (1 + cos(pi/3)) and 0.1/2 (1 + cos(2 pi/3))
                assertLrColumn(result, 0.0, 0.075, 0.025);
                assertThat(run.firstLoss()).isEqualTo(plain.firstLoss());
                assertThat(run.secondLoss()).isNotEqualTo(plain.secondLoss());
            }
            case WarmRestarts.NAME -> {
                // epoch starts p = 0, 1, 2: cycle starts (0.1), a restart (0.1), half-way through the 2-epoch
                // second cycle: 0.1/2 (1 + cos(pi/2)) = 0.05
                assertLrColumn(result, 0.1, 0.1, 0.05);
                // batch 0 runs at the base rate as the plain run does, so batches 1 and 2 see the same weights;
                // batch 1's rate is already annealed (0.099), so batch 3 sees other weights
                assertThat(run.secondLoss()).isEqualTo(plain.secondLoss());
                assertThat(run.epoch1Losses().get(2))
                        .isNotEqualTo(plain.epoch1Losses().get(2));
            }
            case LrWarmup.NAME -> {
                assertLrColumn(result, 0.0, 0.1, 0.1);
                assertThat(run.firstLoss()).isEqualTo(plain.firstLoss());
                assertThat(run.secondLoss()).isNotEqualTo(plain.secondLoss());
            }
            case WeightAveraging.NAME -> {
                // training and the raw weights' evaluation untouched; every epoch also evaluates the average
                assertThat(run.epoch1Losses()).isEqualTo(plain.epoch1Losses());
                assertThat(withoutExtras(result.history()))
                        .isEqualTo(withoutExtras(plain.result().history()));
                assertThat(result.history())
                        .allSatisfy(r -> assertThat(r.metric(WeightAverage.METRIC))
                                .isNotNull()
                                .isBetween(0.0, 100.0));
                assertThat(result.history())
                        .anySatisfy(
                                r -> assertThat(r.metric(WeightAverage.METRIC)).isNotEqualTo(r.testTop1()));
                assertThat(result.metric(WeightAverage.METRIC))
                        .isEqualTo(result.history().get(2).metric(WeightAverage.METRIC));
                assertThat(result.metric(FlipTestTimeAugmentation.METRIC)).isNull();
            }
            case FlipTestTimeAugmentation.NAME -> {
                assertThat(run.epoch1Losses()).isEqualTo(plain.epoch1Losses());
                assertThat(withoutExtras(result.history()))
                        .isEqualTo(withoutExtras(plain.result().history()));
                assertThat(result.history())
                        .allSatisfy(r -> assertThat(r.metric(FlipTestTimeAugmentation.METRIC))
                                .isNotNull()
                                .isBetween(0.0, 100.0));
                assertThat(result.history())
                        .anySatisfy(r -> assertThat(r.metric(FlipTestTimeAugmentation.METRIC))
                                .isNotEqualTo(r.testTop1()));
                assertThat(result.metric(FlipTestTimeAugmentation.METRIC))
                        .isEqualTo(result.history().get(2).metric(FlipTestTimeAugmentation.METRIC));
                assertThat(result.metric(WeightAverage.METRIC)).isNull();
            }
            default -> fail("no check that technique '%s' acts: add one here", name);
        }
        if (!name.equals(WeightAveraging.NAME)) {
            assertThat(result.metric(WeightAverage.METRIC)).isNull();
        }
        if (!name.equals(FlipTestTimeAugmentation.NAME)) {
            assertThat(result.metric(FlipTestTimeAugmentation.METRIC)).isNull();
        }
    }

    /** Cosine replaces the step schedule, so milestones do not apply; its own warm-up comes first. */
    @Test
    void cosineWithWarmupIgnoresMilestones(@TempDir Path dir) {
        RunResult result =
                tinyScheduleRun(List.of(TechniqueSpec.of(CosineSchedule.NAME, "warmup", 1.0)), List.of(2), dir);
        // p = 0 in the warm-up: 0; then 0.05/2 (1 + cos(pi p / 4)) for p = 1, 2, 3
        assertLrColumn(result, 0.0, 0.042677669529663688, 0.025, 0.0073223304703363119);
    }

    /** A warm-up climbs to the rate the schedule has when it ends, here after the first milestone. */
    @Test
    void warmupClimbsToTheStepScheduleRateAtItsEnd(@TempDir Path dir) {
        RunResult result = tinyScheduleRun(List.of(TechniqueSpec.of(LrWarmup.NAME, "epochs", 1.5)), List.of(1, 3), dir);
        // at p = 1 (< 1.5): 1 / 1.5 of 0.05 * 0.1 (milestone 1 passed at 1.5); then 0.05 * 0.1, 0.05 * 0.01
        assertLrColumn(result, 0.0, 0.0033333333333333335, 0.005, 0.0005);
    }

    /** With both, the longer warm-up wins, then cosine. */
    @Test
    void warmupTechniqueAndCosineCombine(@TempDir Path dir) {
        RunResult result = tinyScheduleRun(
                List.of(
                        TechniqueSpec.of(CosineSchedule.NAME, "warmup", 0.0),
                        TechniqueSpec.of(LrWarmup.NAME, "epochs", 2.0)),
                List.of(1),
                dir);
        // p = 1 (< 2): half of cosine's 0.05/2 (1 + cos(pi/2)) = 0.025; then cosine at p = 2, 3
        assertLrColumn(result, 0.0, 0.0125, 0.025, 0.0073223304703363119);
    }

    /** 4 epochs of 2 batches at base rate 0.05, gamma 0.1: only the schedule matters here. */
    private static RunResult tinyScheduleRun(List<TechniqueSpec> techniques, List<Integer> milestones, Path dir) {
        return train(
                        TrainConfig.builder()
                                .depth(11)
                                .techniques(techniques)
                                .epochs(4)
                                .lr(0.05)
                                .lrMilestones(milestones)
                                .batchSize(64)
                                .seed(7)
                                .trainLimit(128)
                                .testLimit(64)
                                .threads(EngineSetup.defaultThreads())
                                .build(),
                        dir)
                .result();
    }

    private static void assertLrColumn(RunResult result, double... expected) {
        Fixtures.assertLrColumn(result.history(), expected);
    }

    private static Run train(TrainConfig config, Path dir) {
        List<Double> losses = new ArrayList<>();
        TrainListener recorder = new TrainListener() {
            int epoch;

            @Override
            public void epochStarted(int e, int epochs, double lr, int batches) {
                epoch = e;
            }

            @Override
            public void batchDone(int batch, int batches, double meanLoss, double imagesPerSecond) {
                if (epoch == 1) {
                    losses.add(meanLoss);
                }
            }
        };
        RunResult result = new Trainer(config, data, new RunFiles(dir), recorder, 2).run(false);
        return new Run(result, List.copyOf(losses));
    }

    /** Rows without wall-clock fields and without the optional metrics. */
    private static List<EpochStats> withoutExtras(List<EpochStats> rows) {
        return rows.stream()
                .map(r -> new EpochStats(
                        r.epoch(),
                        r.lr(),
                        r.trainLoss(),
                        r.trainTop1(),
                        r.testLoss(),
                        r.testTop1(),
                        r.testTop5(),
                        0,
                        0,
                        Map.of()))
                .toList();
    }
}
