package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress lines of a run show its ETA during the first epoch, from its first few batches. */
class ConsoleProgressTest {

    @Test
    void theRunEtaAppearsAfterTheFirstFewBatchesOfTheFirstEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        ConsoleProgress progress =
                new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, false, () -> now[0]);
        progress.epochStarted(1, 4, 0.1, 16);
        for (int batch = 1; batch <= 12; batch++) {
            now[0] += 1_000_000_000L; // 1 s per batch
            progress.batchDone(batch, 16, 4.6, 128);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // plain lines at a quarter, half and three quarters of the epoch
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("4/16 batches").contains("ETA 0:12 (run 1:00)");
        // 1 s/batch: 8 batches left in epoch 1, then 3 epochs of 16
        assertThat(lines.get(1)).contains("8/16 batches").contains("ETA 0:08 (run 0:56)");
    }
}
