package dev.cnnlab.cli;

import static dev.cnnlab.cli.CliProcess.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cnnlab.Fixtures;
import dev.cnnlab.util.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cnnlab status} follows a real study run by another process, from the study directory
 * alone: a running cell with its epoch, batch, rate, ETA and pid@host, the study's ETA once a cell
 * is done, a killed cell as interrupted, and every cell done after the study is resumed.
 */
class StatusCliTest {

    private static final String DATA = Fixtures.dataDir().toString();

    /**
     * Two ResNet-11 cells of 3 epochs x 32 batches, about 8 s each on an idle 2-core machine: long enough
     * for the status poll (a JVM start per look) to catch the second one running (2 x 16 batches, 3 s
     * a cell, was missed on an idle machine).
     */
    private static final String SPEC = """
            name: tiny
            models: [{name: R11, depth: 11}]
            techniques:
              baseline: {}
              se: {se: {reduction: 4}}
            baseline: baseline
            seeds: [0]
            protocol: {epochs: 3, lr: 0.05, batchSize: 32, trainLimit: 1024, testLimit: 64}
            """;

    @Test
    void followsARunningStudyFromItsDirectory(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), SPEC);
        Path out = tmp.resolve("out");
        String[] study = {
            "study", spec.toString(), "--out", out.toString(), "--data", DATA, "--no-report", "--threads", "1"
        };
        Process running = CliProcess.start(tmp.resolve("study.log").toFile(), study);
        JsonNode seen;
        try {
            // the second cell running with its rate and ETA known: the first is done, so the study ETA is priced
            seen = pollUntil(out, running, tmp.resolve("study.log").toFile(), status -> {
                JsonNode second = status.get("cells").get(1);
                return second.get("state").asText().equals("running")
                        && second.get("etaSeconds").isNumber()
                        && second.get("imagesPerSecond").asDouble() > 0;
            });
            assertThat(seen.get("study").asText()).isEqualTo("tiny");
            assertThat(seen.get("done").asInt()).isEqualTo(1);
            assertThat(seen.get("planned").asInt()).isEqualTo(2);
            assertThat(seen.get("running").asInt()).isEqualTo(1);
            assertThat(seen.get("etaSeconds").asDouble()).isPositive();
            JsonNode first = seen.get("cells").get(0);
            assertThat(first.get("state").asText()).isEqualTo("done");
            assertThat(first.get("testAccuracy").isNumber()).isTrue();
            JsonNode second = seen.get("cells").get(1);
            assertThat(second.get("holder").asText()).startsWith(running.pid() + "@");
            assertThat(second.get("epochs").asInt()).isEqualTo(3);
            assertThat(second.get("batches").asInt()).isEqualTo(32);
            assertThat(second.get("etaSeconds").asDouble()).isPositive().isLessThan(600);

            CliProcess.Outcome human = CliProcess.run("status", out.toString());
            assertThat(human.exitCode()).as(human.stderr()).isZero();
            assertThat(human.stdout())
                    .containsPattern("study tiny: [12] of 2 cells done, [01] running; study ETA (\\d+:\\d\\d|done)")
                    .containsPattern("0  R11_baseline_s0 +done +epoch 3/3 .*\\d+\\.\\d\\d% top-1");
        } finally {
            running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // killed mid-cell (or just after it): the cell is interrupted, not running, unless it finished
        JsonNode killed = status(out);
        String afterKill = killed.get("cells").get(1).get("state").asText();
        assertThat(afterKill).isIn("interrupted", "done");
        assertThat(killed.get("running").asInt()).isZero();
        if (afterKill.equals("interrupted")) {
            assertThat(killed.get("cells").get(1).get("reason").asText()).contains("resumes it");
        }

        CliProcess.Outcome resumed = CliProcess.run(study);
        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        // the study ETA line follows each cell trained; a cell that finished before the kill leaves none to train
        assertThat(resumed.stderr())
                .contains(
                        afterKill.equals("interrupted")
                                ? "study tiny: 2 of 2 cells done, study ETA done"
                                : "study tiny: 2/2 cells finished");
        JsonNode end = status(out);
        assertThat(end.get("done").asInt()).isEqualTo(2);
        assertThat(end.get("cells").findValuesAsText("state")).containsOnly("done");
        assertThat(out.resolve("runs/R11_se_s0/progress.json")).doesNotExist();
        CliProcess.Outcome human = CliProcess.run("status", out.toString());
        assertThat(human.stdout()).contains("study tiny: 2 of 2 cells done, 0 running; study ETA done");
    }

    @Test
    void aDirectoryWithoutAStudyIsAOneLineError(@TempDir Path tmp) throws Exception {
        assertOneLineError(CliProcess.run("status", tmp.toString()), "no study in", "study.json missing");
        assertOneLineError(
                CliProcess.run("status", tmp.toString(), "--watch", "--interval", "0"), "--interval must be > 0");
    }

    private static JsonNode status(Path out) throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("status", out.toString(), "--json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        return Json.MAPPER.readTree(outcome.stdout());
    }

    private static JsonNode pollUntil(Path out, Process study, File log, java.util.function.Predicate<JsonNode> wanted)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out.resolve("study.json"))) {
                JsonNode status = status(out);
                if (wanted.test(status)) {
                    return status;
                }
            }
            if (!study.isAlive()) {
                throw new AssertionError("the study ended before status saw it: " + Files.readString(log.toPath()));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("status never showed the wanted state: " + Files.readString(log.toPath()));
    }
}
