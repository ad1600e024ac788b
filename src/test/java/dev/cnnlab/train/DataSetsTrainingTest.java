package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.torch.EngineSetup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs on other data than CIFAR-100's fine labels at 32 px: they learn, and record what they trained on. */
class DataSetsTrainingTest {

    @BeforeAll
    static void engine() {
        Fixtures.engine();
    }

    private static TrainConfig tiny(int resolution, int epochs, int trainLimit, int testLimit) {
        return TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(epochs)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(42)
                .trainLimit(trainLimit)
                .testLimit(testLimit)
                .threads(EngineSetup.defaultThreads())
                .resolution(resolution)
                .build();
    }

    @Test
    void theTwentySuperclassesLearnWellAboveChanceWithATwentyWayHead(@TempDir Path dir) {
        Dataset coarse = Fixtures.realData().dataset("coarse");
        RunResult result =
                new Trainer(tiny(0, 2, 2500, 500), coarse, new RunFiles(dir), TrainListener.SILENT, 2).run(false);
        // chance is 5% on 20 classes; on 500 test images its sd is 1 point, so 9% is 4 sigma above
        assertThat(result.testAccuracy()).isGreaterThan(9.0);
        assertThat(result.config().data().labels()).isEqualTo("coarse");
        assertThat(result.config().data().classes()).isEqualTo(20);
        assertThat(result.config().modelSpec().numClasses()).isEqualTo(20);
        // the stratified subset holds every superclass in proportion: 250 and 50 images each
        assertThat(coarse.train().limit(5000, 20).perClass(20)).containsOnly(250);
        assertThat(coarse.test().limit(1000, 20).perClass(20)).containsOnly(50);
    }

    @Test
    void halfTheResolutionCostsAQuarterAndStillLearns(@TempDir Path dir) {
        Dataset data = Fixtures.realDataset();
        RunResult half = new Trainer(
                        tiny(16, 3, 5000, 1000), data, new RunFiles(dir.resolve("16")), TrainListener.SILENT, 2)
                .run(false);
        // chance is 1% on 100 classes; 1000 test images make 3% a 6 sigma margin
        assertThat(half.testAccuracy()).isGreaterThan(3.0);
        assertThat(half.config().imageSide()).isEqualTo(16);
        long full = dev.cnnlab.model.ModelCost.summary(half.config().modelSpec(), 32)
                .flopsPerImage();
        assertThat((double) half.flopsPerImage() / full).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(half.params())
                .isEqualTo(dev.cnnlab.model.ModelCost.summary(half.config().modelSpec(), 32)
                        .params());
    }

    @Test
    void aRunResumesOnlyOnTheSameData(@TempDir Path dir) {
        TrainConfig config = tiny(0, 1, 256, 128);
        new Trainer(config, Fixtures.realDataset(), new RunFiles(dir), TrainListener.SILENT, 2).run(false);
        Dataset coarse = Fixtures.realData().dataset("coarse");
        assertThatThrownBy(() -> new Trainer(config, coarse, new RunFiles(dir), TrainListener.SILENT, 2).run(true))
                .isInstanceOf(RunDirectoryConflict.class)
                .hasMessageContaining(
                        "different config: data.labels fine here, coarse asked; data.classes 100 here," + " 20 asked");
    }
}
