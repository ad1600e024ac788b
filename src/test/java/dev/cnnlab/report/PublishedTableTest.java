package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --table}: the shipped published reference table and hand-made CSV tables. */
class PublishedTableTest {

    @Test
    void thePublishedReferenceTableGivesTheHandComputedFaithfulness(@TempDir Path out) throws IOException {
        ReportFiles files = StudyReport.writeTable(Path.of("studies/published/reference.yaml"), out);
        String md = Files.readString(files.markdown());
        // published gains, ResNet-29: se +0.43, mixup +1.15, se+mixup +3.53; ResNet-164: +1.61, +3.38, +4.31
        assertThat(md).contains("| se | +0.43 \\[").contains("| mixup | +1.15 \\[");
        // Pearson by hand: dx = -1.2733, -0.5533, +1.8267; dy = -1.49, +0.28, +1.21;
        // sxy = 3.9526, sxx = 5.2644, syy = 3.7626 -> r = 3.9526 / sqrt(5.2644 * 3.7626) = 0.888
        // the orders agree (se < mixup < se+mixup on both): Kendall = Spearman = 1; every gain positive on both.
        // With 3 sets a perfect ranking has permutation p = 1/6 (one relabelling of 6); one proxy, so Holm = 1/6.
        // ResNet-29 picks se+mixup, the target's best: regret 0
        assertThat(md)
                .containsPattern("\\| ResNet-29 \\| — \\| 0\\.20× \\| 3 sets, 1 seed each \\| 1\\.00 \\\\\\[.*"
                        + "\\| 0\\.167 \\| 0\\.167 \\| 1\\.00 \\\\\\[.*\\| 0\\.167 \\| 0\\.89 \\\\\\[.*\\| 100% \\\\\\[.*"
                        + "\\| se\\+mixup \\(P = .*\\) \\| 0\\.00 ");
        // and says that this cannot be told from chance, and stars nothing
        assertThat(md)
                .contains("With 3 technique sets besides the baseline no proxy can be shown faithful: τ = 1 happens by"
                        + " chance 1 time in 6 (the smallest p-value 3 sets allow). At least 4 sets are needed, with a"
                        + " perfect ranking.")
                .doesNotContain("★ |")
                .doesNotContain("shown faithful: Kendall");
        AnalysisSchema.assertValid(files.analysis());
        assertThat(md).contains("Target: ResNet-164 (named by the table)");
        assertThat(md).contains("ASSUMED (no cell has two seeds");
        assertThat(out.resolve("report-files/proxy-pareto.png")).isNotEmptyFile();
        // a table knows seconds, not FLOPs: the compute column says why it is empty, the fidelities their seconds
        assertThat(md)
                .contains("Cost (compute) is empty: the results give no FLOPs, images or epochs")
                .contains("Fidelities: ResNet-29 (40.0 min per run), ResNet-164 (3.33 h per run)")
                .contains("| **baseline** | 71.19 | 75.09 |")
                .contains("The proxy has a Kendall τ interval above 0")
                .doesNotContain("near chance");
    }

    @Test
    void aTableNearChanceIsWarnedWhenItNamesItsClasses(@TempDir Path dir) throws IOException {
        // 4 classes: chance 25%, near chance below 75%; the small fidelity's mean is 60.5%, the big one's 80.5%
        String rows = """
                results:
                  - {fidelity: small, set: baseline, top1: 60, cost: 10}
                  - {fidelity: small, set: a, top1: 61, cost: 10}
                  - {fidelity: big, set: baseline, top1: 80, cost: 50}
                  - {fidelity: big, set: a, top1: 81, cost: 50}
                """;
        Path named = Files.writeString(dir.resolve("named.yaml"), "classes: 4\n" + rows);
        Path unnamed = Files.writeString(dir.resolve("unnamed.yaml"), rows);
        Path wrong = Files.writeString(dir.resolve("wrong.yaml"), "classes: 1\n" + rows);

        String warned =
                Files.readString(StudyReport.writeTable(named, dir.resolve("a")).markdown());
        String silent = Files.readString(
                StudyReport.writeTable(unnamed, dir.resolve("b")).markdown());

        assertThat(warned)
                .contains("> Warning: near chance. Mean top-1 of small 60.5% is below 3× chance (25% with 4 classes),"
                        + " so the gains of that fidelity are mostly noise");
        assertThat(silent).doesNotContain("near chance");
        assertThatThrownBy(() -> StudyReport.writeTable(wrong, dir.resolve("c")))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("classes must be 2 or more");
    }

    @Test
    void aCsvTableWithSeedsMeasuresTheNoiseAndPicksTheCostliestFidelityAsTarget(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("runs.csv");
        StringBuilder text = new StringBuilder("fidelity,set,seed,top1,cost\n");
        String[] sets = {"baseline", "a", "b", "c"};
        double[] small = {60, 61, 62, 59};
        double[] big = {70, 71.5, 72, 69};
        for (int seed = 0; seed < 2; seed++) {
            for (int i = 0; i < sets.length; i++) {
                double shift = seed == 0 ? -0.2 : 0.2;
                text.append("small,")
                        .append(sets[i])
                        .append(',')
                        .append(seed)
                        .append(',')
                        .append(small[i] + shift)
                        .append(",10\n");
                text.append("big,")
                        .append(sets[i])
                        .append(',')
                        .append(seed)
                        .append(',')
                        .append(big[i] + shift)
                        .append(",100\n");
            }
        }
        Files.writeString(csv, text);
        String md =
                Files.readString(StudyReport.writeTable(csv, dir.resolve("out")).markdown());
        assertThat(md).contains("Target: big (the fidelity with the highest cost per run)");
        // residuals +-0.2 with n = 2: scaled by sqrt(2) -> s = 0.283 over 8 cells, 8 degrees of freedom
        assertThat(md).contains("seed-to-seed standard deviation 0.28 points, measured (pooled over 8 cells");
        // the same order on both (c < baseline < a < b): Kendall 1 (p = 1/6), all keep/drop calls agree, picks b
        assertThat(md)
                .containsPattern(
                        "\\| small \\| — \\| 0\\.10× \\| 3 sets, 2 seeds each \\| 1\\.00 .*\\| 0\\.167 .*\\| 100% .*\\| b \\(P = ");
    }

    @Test
    void badTablesAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path missingColumn = dir.resolve("a.csv");
        Files.writeString(missingColumn, "fidelity,set,seed\nx,baseline,0\n");
        assertThatThrownBy(() -> StudyReport.writeTable(missingColumn, dir))
                .isInstanceOf(CnnlabException.class)
                .hasMessage(missingColumn
                        + " line 1: the header lacks the column 'top1' (columns: fidelity,set,seed,top1[,cost])");
        Path badNumber = dir.resolve("b.csv");
        Files.writeString(badNumber, "fidelity,set,top1\nx,baseline,high\n");
        assertThatThrownBy(() -> StudyReport.writeTable(badNumber, dir))
                .hasMessageStartingWith(badNumber + " line 2: not a number");
        Path absurd = dir.resolve("c.yaml");
        Files.writeString(absurd, "results:\n  - {fidelity: x, set: baseline, top1: 140}\n");
        assertThatThrownBy(() -> StudyReport.writeTable(absurd, dir))
                .hasMessage(absurd + " row 1: top1 must be a percentage in [0, 100], got 140.0");
        Path twice = dir.resolve("d.yaml");
        Files.writeString(
                twice,
                "results:\n  - {fidelity: x, set: s, seed: 1, top1: 40}\n  - {fidelity: x, set: s, seed: 1, top1: 41}\n");
        assertThatThrownBy(() -> StudyReport.writeTable(twice, dir))
                .hasMessage(twice + " row 2: a second row for x / s seed 1");
        Path unknownKey = dir.resolve("e.yaml");
        Files.writeString(unknownKey, "name: t\nrows: []\n");
        assertThatThrownBy(() -> StudyReport.writeTable(unknownKey, dir))
                .hasMessageContaining("line 2: unknown key 'rows'");
        assertThatThrownBy(() -> StudyReport.writeTable(dir.resolve("none.csv"), dir))
                .hasMessageStartingWith("no results table at ");
        assertThatThrownBy(() -> StudyReport.writeTable(dir.resolve("t.txt"), dir))
                .isInstanceOf(CnnlabException.class);
    }
}
