package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the fixture study (10 finished runs, 1 running, 1 not started) and checks both reports. */
class StudyReportTest {

    @TempDir
    static Path dir;

    private static ReportFiles files;
    private static String md;
    private static String html;

    @BeforeAll
    static void render() throws IOException {
        StudyFixture.writeMain(dir);
        files = StudyReport.write(dir);
        md = Files.readString(files.markdown());
        html = Files.readString(files.html());
        if (System.getenv("CNNLAB_PRINT_REPORT") != null) {
            System.out.println(md);
            System.out.println(files.terminalSummary());
        }
    }

    @Test
    void writesBothFilesAndTheChartFiles() {
        assertThat(files.markdown()).isEqualTo(dir.resolve("report.md")).isRegularFile();
        assertThat(files.html()).isEqualTo(dir.resolve("report.html")).isRegularFile();
        for (String chart : new String[] {"accuracy-ResNet-11", "accuracy-ResNet-29", "gains", "gain-scatter"}) {
            assertThat(dir.resolve("report-files").resolve(chart + ".png")).isNotEmptyFile();
            assertThat(dir.resolve("report-files").resolve(chart + ".svg")).isNotEmptyFile();
            assertThat(md).contains("](report-files/" + chart + ".png)").contains("(report-files/" + chart + ".svg)");
        }
        assertThat(dir.resolve("report.md.tmp")).doesNotExist();
    }

    @Test
    void headerStatesProtocolSeedsAndProgress() {
        assertThat(md).startsWith("# Study report: tiny-vs-big\n")
                .contains("Does a technique's gain on ResNet-11 predict its gain on ResNet-29?")
                .contains("Protocol: 10 epochs, SGD with learning rate 0.1 × 0.1 at epochs 5, 8, batch 128, "
                        + "weight decay 0.0001, momentum 0.9, float32")
                .contains("Data: the first 5,000 training, the first 1,000 test images of CIFAR-100")
                .contains("Seeds: 0")
                .contains("Runs finished: 10 of 12 (1 running, 1 not started)")
                .contains("Generated: 2025-11-28 20:15 UTC");
    }

    @Test
    void accuracyTableHasNumbersGainsReferencesAndMissingMarkers() {
        assertThat(md).contains("| technique set | techniques | ResNet-11 top-1 | ResNet-11 gain | ResNet-11 published "
                + "| ResNet-29 top-1 | ResNet-29 gain | ResNet-29 published |");
        assertThat(md).contains("| **baseline (baseline)** | none | 60.00 | baseline | 62.00 | 70.00 | baseline | 71.00 |");
        assertThat(md).contains("| se | se | 61.00 | +1.00 | 63.00 (+1.00) | 71.20 | +1.20 | 72.50 (+1.50) |");
        assertThat(md).contains("| se-r8 | se(reduction=8) | 61.50 | +1.50 | — | 70.90 | +0.90 | — |");
        assertThat(md).contains("| mixup | mixup | 59.50 | -0.50 | 61.00 (-1.00) | 71.00 | +1.00 | 72.00 (+1.00) |");
        assertThat(md).contains("| mixup-a0.2 | mixup(alpha=0.2) | not started | — | — | 70.40 | +0.40 | — |");
        assertThat(md).contains("| se+mixup | se + mixup(alpha=1) | 60.80 | +0.80 | — | running (epoch 3/10) | — | — |");
        // nothing missing is ever shown as a zero accuracy
        assertThat(md).doesNotContain("| 0.00 |");
    }

    @Test
    void proxySectionHasPairsCorrelationAndCaveats() {
        assertThat(md).contains("Small model: ResNet-11 (170.0 k parameters); large model: ResNet-29 (530.0 k parameters). "
                + "Picked by parameter count.");
        assertThat(md).contains("| technique set | gain on ResNet-11 (small) | gain on ResNet-29 (large) |");
        assertThat(md).contains("| se-r8 | +1.50 | +0.90 |");
        assertThat(md).contains("| mixup-a0.2 | — | +0.40 |");
        // points (1.0, 1.2), (1.5, 0.9), (-0.5, 1.0); checked against scipy.stats
        assertThat(md).contains("Pearson r = -0.052, Spearman ρ = -0.500, Kendall τ-b = -0.333 (n = 3)");
        assertThat(md).contains("2 sets lack a gain on one of the two models and are left out");
        assertThat(md).contains("Anecdotal: with n < 5 points the value is very uncertain and no significance can be claimed.");
        assertThat(md).contains("One seed per cell").contains("±0.5 points");
        assertThat(md).doesNotContain("NaN");
    }

    @Test
    void rankingAndKeepDrop() {
        assertThat(md).contains("On ResNet-11: se-r8 > se > baseline > mixup. On ResNet-29: se > mixup > se-r8 > baseline.");
        assertThat(md).contains("The ranking is not preserved: 3 pairs swap");
        assertThat(md).contains("se-r8 leads mixup by 2.00 on ResNet-11, but mixup leads by 0.10 on ResNet-29 (within noise on ResNet-29)");
        assertThat(md).contains("se-r8 leads se by 0.50 on ResNet-11, but se leads by 0.30 on ResNet-29 (both margins within noise)");
        assertThat(md).contains("| se | keep (+1.00) | keep (+1.20) | yes |");
        assertThat(md).contains("| mixup | drop (-0.50, within noise) | keep (+1.00) | no (within noise) |");
        assertThat(md).contains("| mixup-a0.2 | — | keep (+0.40, within noise) | — |");
        assertThat(md).contains("The small model's call matches the large model's for 2 of 3 technique sets (1 of them within noise).");
    }

    @Test
    void publishedNumbersAreAnalysedToo() {
        assertThat(md).contains("| se | +1.00 | +1.50 | +1.00 | +1.20 |");
        assertThat(md).contains("| mixup | -1.00 | +1.00 | -0.50 | +1.00 |");
        assertThat(md).contains("Published small-model gain against published large-model gain: correlation undefined with n = 2");
        assertThat(md).contains("matches the large model's for 1 of 2 technique sets");
    }

    @Test
    void costAndProvenance() {
        assertThat(md).contains("| ResNet-11 | 170.0 k | 0.032 | 5 | 12.0 min | 8300 | cpu() |");
        assertThat(md).contains("| ResNet-29 | 530.0 k | 0.086 | 5 | 30.0 min | 2800 | cpu() |");
        assertThat(md).contains("One ResNet-29 run takes 2.5× the wall time of one ResNet-11 run: "
                + "one large-model experiment buys about 3 small-model experiments.");
        assertThat(md).contains("Forward FLOPs per image: ResNet-29 needs 2.7× those of ResNet-11.");
        assertThat(md).contains("| ResNet-11_se_s0 | ResNet-11 | se | 0 | finished | 61.00 | 10 | 12.0 min | "
                + "9a1575e0123456789abcdef0123456789abcdef0 | 6172c775… (official) | 4499cfba… (official) | PyTorch 2.7.1 | cpu() | "
                + "AMD EPYC 7B13 | 2 | runner-1 | 2025-11-28T19:00:00Z |");
        assertThat(md).contains("| ResNet-29_se+mixup_s0 | ResNet-29 | se + mixup(alpha=1) | 0 | running (epoch 3/10) | — | 3/10 |");
        assertThat(md).contains("| ResNet-11_mixup-a0.2_s0 | ResNet-11 | mixup(alpha=0.2) | 0 | not started | — |");
        assertThat(md).contains("00000000… (NOT official)").contains("Warning: 1 finished run was trained or tested on data");
        assertThat(md).contains("<details><summary>ResNet-11_baseline_s0 (finished)</summary>").contains("\"weightDecay\": 1.0E-4");
    }

    @Test
    void htmlIsSelfContainedWithTablesAndCharts() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).contains("<table id=\"accuracy\"", "<table id=\"proxy\"", "<table id=\"keep-drop\"",
                "<table id=\"reference\"", "<table id=\"cost\"", "<table id=\"provenance\"");
        assertThat(count(html, "<figure class=\"chart\"")).isEqualTo(4);
        assertThat(count(html, "<img src=\"data:image/png;base64,")).isEqualTo(4);
        assertThat(html).contains("<tr class=\"highlight\"><td>baseline (baseline)</td>");
        assertThat(html).contains("<td>running (epoch 3/10)</td>").contains("<td>not started</td>");
        assertThat(html).contains("Pearson r = -0.052, Spearman ρ = -0.500, Kendall τ-b = -0.333 (n = 3)");
        // nothing to fetch: no scripts, no external URLs
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("src=\"report-files");
        // the accuracy table has one body row per technique set
        Matcher table = Pattern.compile("<table id=\"accuracy\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
        assertThat(table.find()).isTrue();
        assertThat(count(table.group(1), "<tr")).isEqualTo(6);
    }

    @Test
    void terminalSummaryIsPlainAscii() {
        String summary = files.terminalSummary();
        assertThat(summary).startsWith("Study tiny-vs-big: 10 of 12 runs finished\n");
        assertThat(summary).contains("baseline (baseline)").contains("61.50 (+1.50)").contains("running (epoch 3/10)")
                .contains("not started")
                .contains("Gain on ResNet-11 vs gain on ResNet-29: Pearson r = -0.052, Spearman rho = -0.500, "
                        + "Kendall tau-b = -0.333 (n = 3) - anecdotal, n < 5");
        assertThat(summary.chars().allMatch(c -> c < 128)).as("ASCII only: %s", summary).isTrue();
    }

    @Test
    void missingStudyIsAOneLineUserError(@TempDir Path empty) {
        assertThatThrownBy(() -> StudyReport.write(empty))
                .isInstanceOf(CnnlabException.class)
                .hasMessage("no study in " + empty + " (study.json missing): run `./cnnlab study SPEC --out " + empty + "` first");
    }

    @Test
    void damagedRunIsReportedNotFatal(@TempDir Path other) throws IOException {
        StudyFixture.writeMain(other);
        Files.writeString(other.resolve("runs/ResNet-11_se_s0/result.json"), "{ not json");

        ReportFiles written = StudyReport.write(other);

        String text = Files.readString(written.markdown());
        assertThat(text).contains("Runs finished: 9 of 12 (1 running, 1 not started, 1 unreadable)");
        assertThat(text).contains("| se | se | unreadable | — |");
    }

    @Test
    void seedsGiveMeanStdAndMeasuredNoise(@TempDir Path seeds) throws IOException {
        StudyFixture.writeSeeds(seeds);

        String text = Files.readString(StudyReport.write(seeds).markdown());

        assertThat(text).contains("| **baseline (baseline)** | none | 60.00 ± 0.30 (n=3) | baseline | 70.00 ± 0.30 (n=3) | baseline |");
        assertThat(text).contains("| se | se | 61.00 ± 0.30 (n=3) | +1.00 | 71.00 ± 0.30 (n=3) | +1.00 |");
        // s = 0.30, SE = 0.30 * sqrt(2/3) = 0.24, threshold 0.49
        assertThat(text).contains("Measured noise: the pooled seed-to-seed standard deviation is 0.30 points (over 4 cells")
                .contains("gains within ±0.49 points");
        assertThat(text).contains("correlation undefined with n = 1");
        assertThat(text).contains("The spec gives no published numbers");
    }

    @Test
    void withThreeModelsSmallAndLargeComeFromParameterCountsAndEveryModelHasGains(@TempDir Path three) throws IOException {
        StudyFixture.writeThreeModels(three);

        String text = Files.readString(StudyReport.write(three).markdown());

        assertThat(text).contains("Small model: ResNet-11 (170.0 k parameters); large model: ResNet-29 (530.0 k parameters). "
                + "Picked by parameter count.");
        assertThat(text).contains("| technique set | gain on ResNet-20 | gain on ResNet-11 (small) | gain on ResNet-29 (large) |");
        assertThat(text).contains("| se | +0.70 | +0.40 | +1.10 |");
        assertThat(text).contains("| se | keep (+0.40, within noise) | keep (+1.10) | yes |");
        assertThat(text).contains("One ResNet-29 run takes 2.5× the wall time of one ResNet-11 run");
        assertThat(three.resolve("report-files/accuracy-ResNet-20.png")).isNotEmptyFile();
    }

    @Test
    void studyWithNothingFinishedStillRenders(@TempDir Path fresh) throws IOException {
        dev.cnnlab.util.Json.writeAtomically(fresh.resolve("study.json"), StudyFixture.mainSpec());

        ReportFiles written = StudyReport.write(fresh);

        String text = Files.readString(written.markdown());
        assertThat(text).contains("Runs finished: 0 of 12 (12 not started)");
        assertThat(text).contains("No accuracy curves for ResNet-11 yet").contains("No gain chart yet").contains("No scatter yet");
        assertThat(text).contains("Picked by listed order");
        assertThat(Files.readString(written.html())).doesNotContain("<figure");
        assertThat(fresh.resolve("report-files")).isEmptyDirectory();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
