package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the fixture study (2 fidelities x 6 sets; 10 finished runs, 1 running, 1 not started) and checks both reports. */
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
        for (String chart :
                new String[] {"proxy-pareto", "gains", "gain-scatter", "accuracy-ResNet-11", "accuracy-ResNet-29"}) {
            assertThat(dir.resolve("report-files").resolve(chart + ".png")).isNotEmptyFile();
            assertThat(dir.resolve("report-files").resolve(chart + ".svg")).isNotEmptyFile();
            assertThat(md).contains("](report-files/" + chart + ".png)").contains("(report-files/" + chart + ".svg)");
        }
        assertThat(dir.resolve("report.md.tmp")).doesNotExist();
    }

    @Test
    void reRenderingGivesTheSameBytes() throws IOException {
        byte[] markdown = Files.readAllBytes(files.markdown());
        byte[] page = Files.readAllBytes(files.html());
        byte[] pareto = Files.readAllBytes(dir.resolve("report-files/proxy-pareto.png"));
        StudyReport.write(dir);
        assertThat(Files.readAllBytes(files.markdown())).isEqualTo(markdown);
        assertThat(Files.readAllBytes(files.html())).isEqualTo(page);
        assertThat(Files.readAllBytes(dir.resolve("report-files/proxy-pareto.png")))
                .isEqualTo(pareto);
    }

    @Test
    void headerStatesFidelitiesTargetSeedsAndProgress() {
        assertThat(md)
                .startsWith("# Study report: tiny-vs-big\n")
                .contains("Does a technique's gain on ResNet-11 predict its gain on ResNet-29?")
                .contains("Protocol: SGD with learning rate 0.1 × 0.1 at each milestone, batch 128, "
                        + "weight decay 0.0001, momentum 0.9, float32; tested on 1,000 test images (the same share of every"
                        + " class) of cifar100 (fine, 100 classes, 32 px)")
                .contains("Fidelity ResNet-11: ResNet-11, 10 epochs, 5,000 images, LR drops after epochs 5, 8")
                .contains("Fidelity ResNet-29 (target): ResNet-29, 10 epochs, 5,000 images")
                .contains(
                        "Target: ResNet-29 (the most expensive fidelity by forward FLOPs × training images × epochs; the spec names none)")
                .contains("Seeds: 0")
                .contains("Runs finished: 10 of 12 (1 running, 1 not started)");
    }

    @Test
    void accuracyTableHasNumbersAndMissingMarkers() {
        assertThat(md).contains("| technique set | techniques | ResNet-11 | ResNet-29 (target) |");
        assertThat(md).contains("| **baseline** | none | 60.00 | 70.00 |");
        assertThat(md).contains("| se-r8 | se(reduction=8) | 61.50 | 70.90 |");
        assertThat(md).contains("| mixup-a0.2 | mixup(alpha=0.2) | not started | 70.40 |");
        assertThat(md).contains("| se+mixup | se + mixup(alpha=1) | 60.80 | running (epoch 3/10) |");
        // nothing missing is ever shown as a zero accuracy
        assertThat(md).doesNotContain("| 0.00 |");
    }

    @Test
    void gainsHaveIntervalsProbabilitiesAndTheAssumedNoiseSaysSo() {
        assertThat(md)
                .contains(
                        "| technique set | ResNet-11 gain [95%] | P(>0) | seeds needed (per cell) | ResNet-29 (target) gain [95%] |"
                                .replace("[", "\\[")
                                .replace("]", "\\]"));
        assertThat(md)
                .containsPattern("\\| se-r8 \\| \\+1\\.50 \\\\\\[\\+0\\.\\d\\d, \\+2\\.\\d\\d\\\\\\] \\| 1\\.00 \\| ");
        assertThat(md).contains("| mixup-a0.2 | — | — | — | +0.40");
        assertThat(md)
                .contains("ASSUMED (no cell has two seeds")
                .contains("Single seed per cell: this study cannot tell");
        assertThat(md).doesNotContain("NaN");
    }

    @Test
    void faithfulnessOfTheDepthProxyMatchesTheHandComputation() {
        // gains ResNet-11: se +1.0, se-r8 +1.5, mixup -0.5; ResNet-29: se +1.2, se-r8 +0.9, mixup +1.0
        // (scipy: Pearson -0.052, Spearman -0.5, Kendall -1/3); keep/drop agrees for 2 of 3; ResNet-11 picks
        // se-r8 (61.5), the target's best of the same sets is se (71.2): regret 71.2 - 70.9 = 0.30.
        // Permutation p of tau = -1/3 over 3 sets: relabellings with tau >= -1/3 are 5 of 6 -> 0.833; Holm over the
        // 4 tested proxies (all 0.833) -> 1.000
        assertThat(md)
                .containsPattern("\\| ResNet-11 \\| 0\\.\\d\\d× \\| 0\\.40× \\| 3 sets, 1 seed each \\| -0\\.33 .*"
                        + "\\| 0\\.833 \\| 1\\.000 \\| -0\\.50 .*\\| 0\\.833 \\| -0\\.05 .*"
                        + "\\| 67% .*\\| se-r8 \\(P = 0\\.\\d\\d\\) \\| 0\\.30 \\(expected ");
        // the target's own early epochs with one seed: compared with their own runs, marked, untested, never starred
        assertThat(md)
                .containsPattern(
                        "\\| ResNet-29 @ epoch 3/10 \\| 0\\.30× \\| 0\\.30× \\| 4 sets, same runs: optimistic \\| 1\\.00 "
                                + "\\\\\\[[-0-9.]+, 1\\.00\\\\\\] \\| — \\| — \\|");
        assertThat(md).doesNotContain("★ |").doesNotContain("★**");
        assertThat(md).contains("| ResNet-29 (target) | 10 | same runs: optimistic | ");
        assertThat(md).contains("| ResNet-11 | 10 | other runs | ");
        assertThat(md).contains("The target's final ranking, best first: se > mixup > se-r8 > baseline.");
        // 3 sets behind the tested proxies: 1/6 at best, 4/6 after Holm; 4 sets (6 after Holm) would be needed
        assertThat(md)
                .contains("With 3 technique sets besides the baseline no proxy can be shown faithful: τ = 1 happens by"
                        + " chance 1 time in 6 (the smallest p-value 3 sets allow), and 4 proxies are tested at once. At"
                        + " least 4 sets are needed, with a perfect ranking, for one proxy, and 5 for 4 proxies after Holm's"
                        + " correction.")
                .contains("3 learning-curve proxies of the target are left out");
    }

    @Test
    void publishedNumbersAreAnalysedToo() {
        assertThat(md).contains("## What the published numbers say");
        assertThat(md)
                .contains("| ResNet-11 | undefined | — | undefined | 50% [50%, 50%] | se (yes) |"
                        .replace("[", "\\[")
                        .replace("]", "\\]"));
    }

    @Test
    void costAndProvenance() {
        assertThat(md).contains("| ResNet-11 | 170.0 k | 0.032 | 0.37× | 5 | 12.0 min | 8300 | cpu() |");
        assertThat(md).contains("| ResNet-29 | 530.0 k | 0.086 | 1.00× | 5 | 30.0 min | 2800 | cpu() |");
        assertThat(md)
                .contains("| ResNet-11_se_s0 | ResNet-11 | se | 0 | finished | 61.00 | 10 | 12.0 min | "
                        + "9a1575e0123456789abcdef0123456789abcdef0 | 6172c775… (official) | 4499cfba… (official) | PyTorch 2.7.1 | cpu() | "
                        + "AMD EPYC 7B13 | 2 | runner-1 | 2025-11-28T19:00:00Z |");
        assertThat(md)
                .contains(
                        "| ResNet-29_se+mixup_s0 | ResNet-29 | se + mixup(alpha=1) | 0 | running (epoch 3/10) | — | 3/10 |");
        assertThat(md).contains("| ResNet-11_mixup-a0.2_s0 | ResNet-11 | mixup(alpha=0.2) | 0 | not started | — |");
        assertThat(md)
                .contains("00000000… (NOT official)")
                .contains("Warning: 1 finished run was trained or tested on data");
        assertThat(md)
                .contains("<details><summary>ResNet-11_baseline_s0 (finished)</summary>")
                .contains("\"weightDecay\": 1.0E-4");
    }

    @Test
    void htmlIsSelfContainedWithTablesAndCharts() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html)
                .contains(
                        "<table id=\"accuracy\"",
                        "<table id=\"gains\"",
                        "<table id=\"faithfulness\"",
                        "<table id=\"curves\"",
                        "<table id=\"reference\"",
                        "<table id=\"cost\"",
                        "<table id=\"provenance\"");
        assertThat(count(html, "<figure class=\"chart\"")).isEqualTo(5);
        assertThat(count(html, "<img src=\"data:image/png;base64,")).isEqualTo(5);
        assertThat(html).contains("<tr class=\"highlight\"><td>baseline</td>");
        assertThat(html).contains("<td>running (epoch 3/10)</td>").contains("<td>not started</td>");
        // nothing to fetch: no scripts, no external URLs
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("src=\"report-files");
        Matcher table = Pattern.compile("<table id=\"accuracy\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(html);
        assertThat(table.find()).isTrue();
        assertThat(count(table.group(1), "<tr")).isEqualTo(6);
    }

    @Test
    void terminalSummaryIsPlainAscii() {
        String summary = files.terminalSummary();
        assertThat(summary).startsWith("Study report: tiny-vs-big\n");
        assertThat(summary)
                .containsPattern("(?m)^baseline +60\\.00 ")
                .doesNotContain("baseline (baseline)")
                .contains("61.50 (+1.50)")
                .containsPattern("ResNet-11 +cost 0\\.\\d\\dx +Kendall tau -0\\.33 \\[");
        assertThat(summary.chars().allMatch(c -> c < 128))
                .as("ASCII only: %s", summary)
                .isTrue();
    }

    @Test
    void missingStudyIsAOneLineUserError(@TempDir Path empty) {
        assertThatThrownBy(() -> StudyReport.write(empty))
                .isInstanceOf(CnnlabException.class)
                .hasMessage("no study in " + empty + " (study.json missing): run `./cnnlab study SPEC --out " + empty
                        + "` first");
    }

    @Test
    void damagedRunIsReportedNotFatal(@TempDir Path other) throws IOException {
        StudyFixture.writeMain(other);
        Files.writeString(other.resolve("runs/ResNet-11_se_s0/result.json"), "{ not json");

        ReportFiles written = StudyReport.write(other);

        String text = Files.readString(written.markdown());
        assertThat(text).contains("Runs finished: 9 of 12 (1 running, 1 not started, 1 unreadable)");
        assertThat(text).contains("| se | se | unreadable | 71.20 |");
    }

    @Test
    void seedsGiveMeanStdAndMeasuredNoise(@TempDir Path seeds) throws IOException {
        StudyFixture.writeSeeds(seeds);

        String text = Files.readString(StudyReport.write(seeds).markdown());

        assertThat(text).contains("| **baseline** | none | 60.00 ± 0.30 (n=3) | 70.00 ± 0.30 (n=3) |");
        assertThat(text).contains("| se | se | 61.00 ± 0.30 (n=3) | 71.00 ± 0.30 (n=3) |");
        // every cell's residuals are -0.3, 0, +0.3: pooled s = 0.30 over 4 cells with 2 df each
        assertThat(text)
                .contains("seed-to-seed standard deviation 0.30 points, measured (pooled over 4 cells with 2 or"
                        + " more seeds, 8 degrees of freedom)");
        // one set besides the baseline: no correlation, said in words
        assertThat(text).contains("undefined: needs at least 3 sets besides the baseline with runs on both, has 1");
        // paired differences 1.3, 0.7, 1.0 at both fidelities: gain 1.00, per-seed sd 0.3, se 0.3/√3 = 0.173;
        // the four variance forms fit alike, so AIC weights favour the fewest parameters (pooled and per-set: e^-1
        // each, the others e^-2): df = 1 / (0.731/4 + 0.269/2) = 3.15, t = 3.10 -> 1.00 ± 0.54
        assertThat(text)
                .containsPattern("\\| se \\| \\+1\\.00 \\\\\\[\\+0\\.4\\d, \\+1\\.5\\d\\\\\\] \\| 1\\.00 \\| 3–6 \\|");
        // runs vary with sd 0.3, their paired differences with sd 0.3: rho = 1 - 0.09 / (2 * 0.09) = 0.5
        assertThat(text).contains("Within-seed correlation of two sets' runs: 0.50");
        assertThat(text).doesNotContain("## What the published numbers say");
    }

    @Test
    void withThreeFidelitiesEveryProxyIsJudgedAgainstTheTarget(@TempDir Path three) throws IOException {
        StudyFixture.writeThreeModels(three);

        String text = Files.readString(StudyReport.write(three).markdown());

        assertThat(text).contains("| technique set | techniques | ResNet-20 | ResNet-11 | ResNet-29 (target) |");
        assertThat(text)
                .containsPattern("\\| ResNet-20 \\| 0\\.\\d\\d× ")
                .containsPattern("\\| ResNet-11 \\| 0\\.\\d\\d× ");
        assertThat(three.resolve("report-files/accuracy-ResNet-20.png")).isNotEmptyFile();
    }

    @Test
    void studyWithNothingFinishedStillRenders(@TempDir Path fresh) throws IOException {
        dev.cnnlab.util.Json.writeAtomically(fresh.resolve("study.json"), StudyFixture.mainSpec());

        ReportFiles written = StudyReport.write(fresh);

        String text = Files.readString(written.markdown());
        assertThat(text).contains("Runs finished: 0 of 12 (12 not started)");
        assertThat(text)
                .contains("No accuracy curves for ResNet-11 yet")
                .contains("No gain chart yet")
                .contains("No scatter yet")
                .contains("No Pareto chart");
        assertThat(text).contains("No proxy can be judged yet");
        assertThat(Files.readString(written.html())).doesNotContain("<figure");
        assertThat(fresh.resolve("report-files")).isEmptyDirectory();
    }

    @Test
    void countsReadInTheRightNumberAndTheBaselineIsNamedOnce() {
        // one seed per cell, one run per fidelity and set: every "1" here must take a singular noun
        assertThat(md)
                .doesNotContainPattern("\\b1 (seeds|sets|runs|proxies|epochs|splits|cells|gains)\\b")
                .doesNotContainPattern("\\b1 of 1 ")
                .doesNotContain("(baseline)")
                .doesNotContain("(baseline: baseline)")
                .contains("Technique sets: baseline, se, se-r8, mixup, mixup-a0.2, se+mixup\n");
        assertThat(files.terminalSummary()).doesNotContain("(baseline)");
    }

    @Test
    void aStudyNearChanceIsWarnedAtTheTopAndANormalOneIsNot(@TempDir Path low) throws IOException {
        // 100 classes (the runs' recorded data): chance is 1%, near chance below 3%; the fixture's means: ResNet-20
        // 2.35%, ResNet-11 2.70%, ResNet-29 (target) 3.55%
        StudyFixture.writeThreeModels(
                low, java.util.Map.of("ResNet-20", 2.0, StudyFixture.SMALL, 2.5, StudyFixture.LARGE, 3.0));

        ReportFiles files = StudyReport.write(low);
        String text = Files.readString(files.markdown());
        AnalysisSchema.assertValid(files.analysis());
        com.fasterxml.jackson.databind.JsonNode near =
                dev.cnnlab.util.Json.MAPPER.readTree(files.analysis().toFile()).get("nearChance");
        assertThat(near.get("classes").asInt()).isEqualTo(100);
        assertThat(near.get("fidelities").findValuesAsText("fidelity")).containsExactly("ResNet-20", "ResNet-11");

        assertThat(text.substring(text.indexOf("## In brief")))
                .startsWith("## In brief\n\n> Warning: near chance. Mean top-1 of ResNet-20 2.4%, ResNet-11 2.7% are"
                        + " below 3× chance (1% with 100 classes), so the gains of those fidelities are mostly noise");
        assertThat(text).doesNotContain("ResNet-29 3.5%").doesNotContain("ResNet-29 3.6%");
        assertThat(md).doesNotContain("near chance");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
