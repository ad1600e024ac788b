package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny real study: 2 sizes x 2 sets, 2 epochs on a few hundred images. */
class StudyRunnerTest {

    private static final String SPEC = """
            name: tiny
            models: [{depth: 11}, {depth: 20}]
            techniques: {baseline: {}, mixup: {mixup: {alpha: 1.0}}}
            protocol: {epochs: 2, lr: 0.05, batchSize: 64, trainLimit: 256, testLimit: 128}
            """;

    private static Dataset data;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realDataset();
    }

    private static List<Double> accuracies(StudyDirectory dir, StudySpec spec) {
        return spec.cells().stream()
                .map(c -> dir.run(c).result().orElseThrow().testAccuracy())
                .toList();
    }

    @Test
    void killedStudiesResumeWithoutRetrainingAndEndWithTheSameResults(@TempDir Path tmp) {
        StudySpec spec = StudySpecReader.parse(SPEC, "tiny.yaml");
        StudyDirectory straight = new StudyDirectory(tmp.resolve("straight")).open(spec);
        new StudyRunner(spec, straight, data).threads(2).run(spec.cells());

        StudyDirectory killed = new StudyDirectory(tmp.resolve("killed")).open(spec);
        RecordingListener first = new RecordingListener(1, 2);
        assertThatThrownBy(() -> new StudyRunner(spec, killed, data)
                        .threads(2)
                        .listener(first)
                        .run(spec.cells()))
                .hasMessage("killed");
        assertThat(first.events).containsExactly("start 0", "from-epoch 0 1", "done 0", "start 1", "from-epoch 1 1");

        RecordingListener second = new RecordingListener(3, 1);
        assertThatThrownBy(() -> new StudyRunner(spec, killed, data)
                        .threads(2)
                        .listener(second)
                        .run(spec.cells()))
                .hasMessage("killed");
        assertThat(second.events)
                .containsExactly(
                        "skip 0 finished",
                        "start 1",
                        "from-epoch 1 2",
                        "done 1",
                        "start 2",
                        "from-epoch 2 1",
                        "done 2",
                        "start 3",
                        "from-epoch 3 1");

        RecordingListener third = RecordingListener.recording();
        int trained =
                new StudyRunner(spec, killed, data).threads(2).listener(third).run(spec.cells());
        assertThat(trained).isEqualTo(1);
        assertThat(third.events)
                .containsExactly(
                        "skip 0 finished", "skip 1 finished", "skip 2 finished", "start 3", "from-epoch 3 1", "done 3");

        assertThat(accuracies(killed, spec)).isEqualTo(accuracies(straight, spec));
    }

    @Test
    void aCellLockedByAnotherProcessIsSkippedAndADifferentStudyInTheSameDirIsRefused(@TempDir Path tmp) {
        StudySpec spec = StudySpecReader.parse(SPEC, "tiny.yaml").withEpochs(1).withTrainLimit(64);
        StudyDirectory dir = new StudyDirectory(tmp).open(spec);
        Cell cell = spec.cells().get(0);
        Optional<CellLock> held = CellLock.tryAcquire(dir.run(cell).dir());
        assertThat(held).isPresent();
        try (CellLock lock = held.get()) {
            assertThat(CellLock.tryAcquire(dir.run(cell).dir())).isEmpty();
            RecordingListener recorder = RecordingListener.recording();
            new StudyRunner(spec, dir, data).threads(2).listener(recorder).run(List.of(cell));
            assertThat(recorder.events).containsExactly("skip 0 being trained by another process");
        }
        assertThat(CellLock.tryAcquire(dir.run(cell).dir())).isPresent().get().satisfies(CellLock::close);

        StudySpec other = spec.withEpochs(2);
        assertThatThrownBy(() -> new StudyDirectory(tmp).open(other))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("other settings");
    }
}
