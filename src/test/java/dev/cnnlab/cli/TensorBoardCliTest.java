package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TensorBoard event files are on by default; {@code --no-tensorboard} turns them off in train and study. */
class TensorBoardCliTest {

    private static final String DATA = Fixtures.dataDir().toString();

    private static final List<String> TINY =
            List.of("--depth", "11", "--epochs", "1", "--train-limit", "128", "--test-limit", "64", "--threads", "1");

    private static String[] train(Path out, String... more) {
        Stream<String> args = Stream.of(
                        Stream.of("train", "--data", DATA, "--out", out.toString(), "--quiet"),
                        TINY.stream(),
                        Stream.of(more))
                .flatMap(s -> s);
        return args.toArray(String[]::new);
    }

    @Test
    void trainWritesEventFilesUnlessToldNot(@TempDir Path tmp) throws Exception {
        Path on = tmp.resolve("on");
        CliProcess.Outcome logged = CliProcess.run(train(on));
        assertThat(logged.exitCode()).as(logged.stderr()).isZero();
        assertThat(eventFiles(on)).hasSize(1);

        Path off = tmp.resolve("off");
        CliProcess.Outcome quiet = CliProcess.run(train(off, "--no-tensorboard"));
        assertThat(quiet.exitCode()).as(quiet.stderr()).isZero();
        assertThat(off.resolve("epochs.csv")).isRegularFile();
        assertThat(off.resolve("tb")).doesNotExist();
    }

    /** Two worker processes: the switch must reach the command lines the study starts its workers with. */
    @Test
    void studyWorkersWriteNoEventFilesWithNoTensorBoard(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: tiny
                models: [{depth: 11}]
                techniques: {baseline: {}}
                seeds: [0, 1]
                protocol: {epochs: 1, lr: 0.05, batchSize: 64, trainLimit: 128, testLimit: 64}
                """);
        Path out = tmp.resolve("study");
        CliProcess.Outcome outcome = CliProcess.run(
                "study",
                spec.toString(),
                "--data",
                DATA,
                "--out",
                out.toString(),
                "--workers",
                "2",
                "--threads",
                "1",
                "--no-report",
                "--quiet",
                "--no-tensorboard");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        List<Path> runs;
        try (Stream<Path> list = Files.list(out.resolve("runs"))) {
            runs = list.toList();
        }
        assertThat(runs).hasSize(2);
        for (Path run : runs) {
            assertThat(run.resolve("result.json")).isRegularFile();
            assertThat(run.resolve("tb")).doesNotExist();
        }
    }

    private static List<Path> eventFiles(Path run) throws Exception {
        try (Stream<Path> list = Files.list(run.resolve("tb"))) {
            return list.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
                    .toList();
        }
    }
}
