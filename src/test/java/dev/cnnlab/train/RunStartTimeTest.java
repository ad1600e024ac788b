package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.torch.EngineSetup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance.startedAt is when a run first started, also after a resume, which resumedAt records. */
class RunStartTimeTest {

    @Test
    void aResumedRunKeepsItsFirstStartAndRecordsTheResume(@TempDir Path dir) {
        Fixtures.engine();
        Dataset data = Fixtures.realDataset();
        TrainConfig config = TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(2)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(1)
                .trainLimit(256)
                .testLimit(64)
                .threads(EngineSetup.defaultThreads())
                .build();
        Instant beforeFirst = Instant.now();
        RunFiles files = new RunFiles(dir.resolve("run"));
        TrainListener killAfterEpoch1 = new TrainListener() {
            @Override
            public void epochDone(EpochStats stats, int epochs) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThatThrownBy(() -> new Trainer(config, data, files, killAfterEpoch1, 1).run(false))
                .hasMessage("simulated kill");
        String firstStart = files.checkpoint().peek().orElseThrow().startedAt();
        Instant beforeResume = Instant.now();

        RunResult resumed = new Trainer(config, data, files, TrainListener.SILENT, 1).run(true);
        assertThat(resumed.provenance().times().startedAt()).isEqualTo(firstStart);
        assertThat(Instant.parse(firstStart)).isBetween(beforeFirst, beforeResume);
        assertThat(Instant.parse(resumed.provenance().times().resumedAt())).isAfterOrEqualTo(beforeResume);

        RunResult straight =
                new Trainer(config, data, new RunFiles(dir.resolve("straight")), TrainListener.SILENT, 1).run(false);
        assertThat(straight.provenance().times().resumedAt()).isNull();
        assertThat(Instant.parse(straight.provenance().times().startedAt())).isAfterOrEqualTo(beforeResume);
    }
}
