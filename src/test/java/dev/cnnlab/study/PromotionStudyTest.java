package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cnnlab.Fixtures;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.report.AnalysisSchema;
import dev.cnnlab.report.ReportFiles;
import dev.cnnlab.report.StudyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny real fidelity study with promotion: a 1-epoch proxy on 256 images, a 3-epoch target on
 * 3,000, three technique sets; the baseline and the best set on the proxy are promoted.
 */
class PromotionStudyTest {

    private static final String SPEC = """
            name: promo
            models:
              - {name: target, depth: 11}
              - {name: proxy, depth: 11, epochs: 1, trainLimit: 256}
            techniques: {baseline: {}, se: {se: {}}, mixup: {mixup: {alpha: 1.0}}}
            promote: {from: proxy, to: target, keep: 1}
            protocol: {epochs: 3, lr: 0.05, batchSize: 64, trainLimit: 3000, testLimit: 500}
            """;

    private static Dataset data;
    private static StudySpec spec;

    @BeforeAll
    static void setUp() {
        Fixtures.engine();
        data = Fixtures.realDataset();
        spec = StudySpecReader.parse(SPEC, "promo.yaml");
    }

    /** The set the proxy's results promote besides the baseline (computed here, not by the plan). */
    private static String bestOnProxy(StudyDirectory dir) {
        List<Cell> proxy = spec.cells().subList(0, 3);
        double se = dir.accuracy(proxy.get(1)).getAsDouble();
        double mixup = dir.accuracy(proxy.get(2)).getAsDouble();
        return mixup > se ? "mixup" : "se";
    }

    private static StudyRunner runner(StudyDirectory dir, StudyListener listener) {
        return new StudyRunner(spec, dir, data).threads(2).listener(listener).poll(Duration.ofMillis(100));
    }

    @Test
    void onlyTheBaselineAndTheBestProxySetTrainOnTheTargetAndAKillInThePromotedStageLosesNothing(@TempDir Path tmp)
            throws Exception {
        assertThat(spec.cells())
                .extracting(Cell::id)
                .containsExactly(
                        "proxy_baseline_s0",
                        "proxy_se_s0",
                        "proxy_mixup_s0",
                        "target_baseline_s0",
                        "target_se_s0",
                        "target_mixup_s0");
        StudyDirectory straight = new StudyDirectory(tmp.resolve("straight")).open(spec);
        RecordingListener all = RecordingListener.recording();
        runner(straight, all).run(spec.cells());
        String best = bestOnProxy(straight);
        String other = best.equals("se") ? "mixup" : "se";
        int bestCell = spec.cells().stream()
                .filter(c -> c.id().equals("target_" + best + "_s0"))
                .findFirst()
                .orElseThrow()
                .index();
        int otherCell = 9 - bestCell;
        assertThat(all.events)
                .contains("done 3", "done " + bestCell, "skip " + otherCell + " not promoted")
                .doesNotContain("start " + otherCell);
        for (Cell cell : spec.cells()) {
            assertThat(straight.finished(cell)).as(cell.id()).isEqualTo(cell.index() != otherCell);
        }
        // the promoted target cells learned: chance is 1%, and 3% on 500 test images is > 4 sigma above it
        assertThat(straight.accuracy(spec.cells().get(3)).getAsDouble()).isGreaterThan(3.0);

        // the same study killed in its promoted stage, then started again
        StudyDirectory killed = new StudyDirectory(tmp.resolve("killed")).open(spec);
        RecordingListener first = new RecordingListener(bestCell, 2);
        assertThatThrownBy(() -> runner(killed, first).run(spec.cells())).hasMessage("killed");
        assertThat(first.events).contains("done 0", "done 1", "done 2", "done 3", "start " + bestCell);
        RecordingListener second = RecordingListener.recording();
        runner(killed, second).run(spec.cells());
        List<String> resumed = List.of("start " + bestCell, "from-epoch " + bestCell + " 2", "done " + bestCell);
        List<String> expected =
                new ArrayList<>(List.of("skip 0 finished", "skip 1 finished", "skip 2 finished", "skip 3 finished"));
        if (bestCell < otherCell) {
            expected.addAll(resumed);
            expected.add("skip " + otherCell + " not promoted");
        } else {
            expected.add("skip " + otherCell + " not promoted");
            expected.addAll(resumed);
        }
        assertThat(second.events).containsExactlyElementsOf(expected);
        for (Cell cell : spec.cells()) {
            assertThat(killed.accuracy(cell)).as(cell.id()).isEqualTo(straight.accuracy(cell));
        }

        // the report has every section and counts the promotion's saving
        ReportFiles report = StudyReport.write(killed.dir());
        String md = Files.readString(report.markdown());
        assertThat(md)
                .contains(
                        "## In brief",
                        "## Accuracy",
                        "## Gains with uncertainty",
                        "## Faithfulness of every proxy",
                        "## Learning curves",
                        "## Promotion: pick on proxy, confirm on target",
                        "## Cost",
                        "## Charts",
                        "## Provenance");
        assertThat(md)
                .containsPattern("\\| " + other + " \\| [^\\n]*\\| not promoted \\|")
                .contains("Promoted to target: baseline, " + best);
        assertThat(md).contains("Confirmed on target: ");
        assertThat(md).contains("The regret of the promotion needs the full grid on target");

        // --no-promote completes the grid; the report then measures the promotion's regret
        RecordingListener grid = RecordingListener.recording();
        runner(killed, grid).promote(false).run(spec.cells());
        assertThat(grid.events).contains("start " + otherCell, "done " + otherCell);
        ReportFiles fullReport = StudyReport.write(killed.dir());
        String full = Files.readString(fullReport.markdown());
        assertThat(full)
                .contains("The full grid on target was also run (--no-promote)")
                .contains("promotion's regret is")
                .contains("## Methods");

        // analysis.json of a real study follows its documented schema and carries the report's numbers
        JsonNode analysis = AnalysisSchema.assertValid(fullReport.analysis());
        assertThat(analysis.get("promotion").get("fullGridBest").asText()).isIn("baseline", "se", "mixup");
        assertThat(analysis.get("gains")).hasSize(4);
        // results.csv fed back through `report --table` gives the same gains
        ReportFiles again = StudyReport.writeTable(fullReport.results(), tmp.resolve("from-csv"));
        JsonNode fromCsv = AnalysisSchema.assertValid(again.analysis());
        assertThat(gains(fromCsv)).isEqualTo(gains(analysis)).hasSize(4);
    }

    /** Each gain's fidelity, set and value (rounded to 1e-9: the CSV carries the doubles exactly). */
    private static java.util.Map<String, Long> gains(JsonNode analysis) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        analysis.get("gains")
                .forEach(g -> out.put(
                        g.get("fidelity").asText() + "/" + g.get("set").asText(),
                        Math.round(g.get("value").asDouble() * 1e9)));
        return out;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aPromotedCellAskedForFirstTrainsTheFreeProxyCellsWaitsForTheHeldOneThenRuns(@TempDir Path tmp)
            throws Exception {
        StudyDirectory dir = new StudyDirectory(tmp).open(spec);
        Cell held = spec.cells().get(1);
        Cell targetBaseline = spec.cells().get(3);
        Optional<CellLock> lock = CellLock.tryAcquire(dir.run(held).dir());
        assertThat(lock).isPresent();
        RecordingListener recorder = RecordingListener.recording();
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(() -> runner(dir, recorder).run(List.of(targetBaseline)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!recorder.events.contains("wait [1]") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(recorder.events)
                .containsExactly(
                        "start 0",
                        "from-epoch 0 1",
                        "done 0",
                        "skip 1 being trained by another process",
                        "start 2",
                        "from-epoch 2 1",
                        "done 2",
                        "wait [1]");
        assertThat(dir.finished(targetBaseline)).as("never before the decision").isFalse();
        lock.get().close();
        assertThat(run.get(120, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(recorder.events.subList(8, recorder.events.size()))
                .containsExactly("start 1", "from-epoch 1 1", "done 1", "start 3", "from-epoch 3 1", "done 3");
    }
}
