package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.torch.HostReads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training step reads one scalar from the device (its loss); every other total stays on the
 * device until the epoch's row. On a GPU each read is a synchronisation, so this is what lets the
 * host queue work ahead of the device.
 */
class HostReadsTest {

    private static Dataset data;

    @BeforeAll
    static void load() {
        Fixtures.engine();
        data = Fixtures.realDataset();
    }

    @Test
    void aTrainingStepReadsOneScalarAndAnEpochAFewTotals(@TempDir Path dir) {
        long twoBatches = readsOfOneEpoch(dir.resolve("two"), 128); // 2 batches of 64
        long sixBatches = readsOfOneEpoch(dir.resolve("six"), 384); // 6 batches of 64
        assertThat((sixBatches - twoBatches) / 4.0)
                .as("host reads per training step")
                .isEqualTo(1.0);
        // per epoch: the train top-1, then the test loss, top-1 and top-5
        assertThat(twoBatches - 2).as("host reads per epoch outside the steps").isEqualTo(4);
    }

    /** Every read of device data in the step's packages goes through {@link HostReads}, so the count above sees it. */
    @Test
    void noOtherCodeOnTheTrainingPathReadsArraysToTheHost() throws IOException {
        Pattern read = Pattern.compile("\\.(toFloatArray|toDoubleArray|toLongArray|toIntArray|toBooleanArray"
                + "|toUint8Array|toByteBuffer|getFloat|getDouble|getLong|getInt|getByte|getBoolean|toDebugString)\\("
                + "|\\.toArray\\(\\)");
        Path main = Path.of("src/main/java/dev/cnnlab");
        for (String pkg : List.of("train", "technique", "model", "torch")) {
            try (Stream<Path> files = Files.list(main.resolve(pkg))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (file.getFileName().toString().equals("HostReads.java")) {
                        continue;
                    }
                    List<String> offending = Files.readAllLines(file).stream()
                            .filter(line ->
                                    !line.trim().startsWith("*") && !line.trim().startsWith("//"))
                            .filter(line -> read.matcher(line).find())
                            .toList();
                    assertThat(offending).as(file.toString()).isEmpty();
                }
            }
        }
    }

    private static long readsOfOneEpoch(Path dir, int trainLimit) {
        TrainConfig config = TrainConfig.builder()
                .depth(11)
                .techniques(List.of())
                .epochs(1)
                .lr(0.05)
                .lrMilestones(List.of())
                .batchSize(64)
                .seed(3)
                .trainLimit(trainLimit)
                .testLimit(128)
                .threads(EngineSetup.defaultThreads())
                .build();
        long before = HostReads.count();
        new Trainer(config, data, new RunFiles(dir), TrainListener.SILENT, 1, 0).run(false);
        return HostReads.count() - before;
    }
}
