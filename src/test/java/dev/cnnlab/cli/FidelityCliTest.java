package dev.cnnlab.cli;

import static dev.cnnlab.cli.CliProcess.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fidelities, milestones and promotion at the command line, and the report of a published table. */
class FidelityCliTest {

    @Test
    void studyListShowsEveryFidelityWithTheMilestonesActuallyUsedAndThePromotion() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("study", "studies/fidelity-quick.yaml", "--list");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout())
                .contains("48 cells (4 models x 6 technique sets x 2 seeds)")
                .contains("data: --data, else $CNNLAB_DATA, else ~/.cnnlab/data/cifar-100-binary (format from its"
                        + " layout, coarse labels)")
                .containsPattern("ResNet-29 +ResNet-29, 32 px, 4 epochs \\(LR drops at 2, 3\\), 4,000 training images"
                        + "  \\(target\\)")
                .containsPattern(
                        "ResNet-29-16px +ResNet-29, 16 px, 4 epochs \\(LR drops at 2, 3\\), 4,000 training images")
                .containsPattern(
                        "ResNet-29-1k +ResNet-29, 32 px, 4 epochs \\(LR drops at 2, 3\\), 1,000 training images")
                .contains("promotion: every set on ResNet-11, then the baseline and the best 1 on ResNet-29");
        // the --epochs override moves the milestones: the quick study's drop at 3 of 4 epochs is gone at 2 epochs
        CliProcess.Outcome shortened = CliProcess.run("study", "studies/quick.yaml", "--list", "--epochs", "2");
        assertThat(shortened.stdout()).containsPattern("ResNet-29 +ResNet-29, 32 px, 2 epochs \\(no LR drop\\)");
    }

    @Test
    void studyListInADirectoryShowsWhatAwaitsPromotion(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        CliProcess.Outcome outcome =
                CliProcess.run("study", "studies/fidelity-quick.yaml", "--list", "--out", dir.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout())
                .containsPattern("36  ResNet-29_baseline_s0 .* awaits promotion")
                .containsPattern("0  ResNet-11_baseline_s0 .* not started")
                .contains("decided when the ResNet-11 cells are finished");
    }

    @Test
    void reportOfThePublishedTable(@TempDir Path out) throws Exception {
        CliProcess.Outcome outcome =
                CliProcess.run("report", "--table", "studies/published/reference.yaml", "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout())
                .contains("ResNet-164 (target)")
                .containsPattern("ResNet-29 +cost 0\\.20x +Kendall tau 1\\.00");
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void badFidelityInputIsAOneLineError(@TempDir Path tmp) throws Exception {
        assertOneLineError(
                CliProcess.run("report", "--table", "studies/published/reference.yaml"), "--table needs --out DIR");
        assertOneLineError(
                CliProcess.run("report", "--table", tmp.resolve("none.csv").toString(), "--out", tmp.toString()),
                "no results table at");
        assertOneLineError(
                CliProcess.run(
                        "train",
                        "--epochs",
                        "2",
                        "--lr-milestones",
                        "80,120",
                        "--out",
                        tmp.resolve("r").toString()),
                "--lr-milestones must lie inside the 2-epoch run");
        assertOneLineError(
                CliProcess.run("study", "studies/fidelity-quick.yaml", "--list", "--epochs", "0"),
                "--epochs must be >= 1");
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(
                spec, Files.readString(Path.of("studies/fidelity-quick.yaml")).replace("keep: 1", "keep: 9"));
        assertOneLineError(CliProcess.run("study", spec.toString(), "--list"), "promote keep 9 is more than the 5");
    }
}
