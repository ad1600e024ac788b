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
                .hasMessage(
                        missingColumn
                                + " line 1: the header lacks the column 'top1' (columns: fidelity,set,seed,top1[,cost][,axis,size])");
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

    /**
     * A CSV with axis and size columns: three proxies and the target along depth, 2 seeds, where set
     * a gains exactly +1.00 at every depth (its seeds sit ±0.1 around the baseline's ±0.1) and set b
     * gains 0.5 × ln(depth / 8). Constant and line both leave a out with zero error, and the tie goes
     * to the simpler M0: +1.00 at the target; b's points lie on a line in ln(depth), so M1 wins and
     * predicts 0.5 × ln(64 / 8) = +1.04 (cost is the table's size here: depth).
     */
    @Test
    void aSizeSeriesIsExtrapolatedToTheTargetAndBacktested(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("depths.csv");
        StringBuilder text = new StringBuilder("fidelity,set,seed,top1,axis,size\n");
        int[] depths = {8, 16, 32, 64};
        for (int depth : depths) {
            double base = 60 + 2 * Math.log(depth);
            for (int seed = 0; seed < 2; seed++) {
                double shift = seed == 0 ? -0.1 : 0.1;
                double noise = seed == 0 ? -0.05 : 0.05;
                text.append(String.format(
                        java.util.Locale.ROOT,
                        "d%d,baseline,%d,%.6f,depth,%d%nd%d,a,%d,%.6f,depth,%d%nd%d,b,%d,%.6f,depth,%d%n",
                        depth,
                        seed,
                        base + shift,
                        depth,
                        depth,
                        seed,
                        base + 1 + shift,
                        depth,
                        depth,
                        seed,
                        base + 0.5 * Math.log(depth / 8.0) + shift + noise,
                        depth));
            }
        }
        Files.writeString(csv, text);
        ReportFiles files = StudyReport.writeTable(csv, dir.resolve("out"));
        String md = Files.readString(files.markdown());
        assertThat(md)
                .contains("## Prediction: gains at the target from cheaper fidelities")
                .contains("### Along depth");
        assertThat(md).containsPattern("\\| a \\| M0 points \\| \\+1\\.00 \\\\\\[");
        assertThat(md).containsPattern("\\| b \\| M1 points \\| \\+1\\.04 \\\\\\[");
        assertThat(md).contains("the target is 0.5× the observed span beyond the largest proxy");
        assertThat(md).contains("Backtest along depth: 2 of 2 measured target gains lie inside");
        AnalysisSchema.assertValid(files.analysis());
        assertThat(out(files)).contains("\"axis\": \"depth\"");
    }

    private static String out(ReportFiles files) throws IOException {
        return Files.readString(files.analysis());
    }

    @Test
    void bothShippedSizeSeriesGetAPredictionSection(@TempDir Path dir) throws IOException {
        for (String name : java.util.List.of("openmixup-c100-r18-epochs", "autoaugment-shakeshake26-width")) {
            ReportFiles files =
                    StudyReport.writeTable(Path.of("studies/published/" + name + ".yaml"), dir.resolve(name));
            String md = Files.readString(files.markdown());
            assertThat(md).as(name).contains("## Prediction: gains at the target from cheaper fidelities");
            assertThat(md).as(name).containsPattern("Backtest along (epochs|width): \\d+ of \\d+ measured");
            AnalysisSchema.assertValid(files.analysis());
            assertThat(dir.resolve(name).resolve("report-files"))
                    .isDirectoryContaining(p -> p.getFileName().toString().startsWith("prediction-"));
        }
    }

    @Test
    void badPlacementsAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path unknown = dir.resolve("f.yaml");
        Files.writeString(
                unknown,
                "fidelities:\n  - {name: y, axis: depth, size: 8}\nresults:\n  - {fidelity: x, set: b, top1: 40}\n");
        assertThatThrownBy(() -> StudyReport.writeTable(unknown, dir))
                .hasMessage(
                        unknown + " fidelities entry 1: 'y' is not a fidelity of the results [x]: name one of them");
        Path axis = dir.resolve("g.yaml");
        Files.writeString(
                axis,
                "fidelities:\n  - {name: x, axis: size, size: 8}\nresults:\n  - {fidelity: x, set: b, top1: 40}\n");
        assertThatThrownBy(() -> StudyReport.writeTable(axis, dir))
                .hasMessage(axis + " fidelities entry 1: axis 'size' is not one of depth, width, resolution, data,"
                        + " epochs: give the one field in which it differs");
        Path size = dir.resolve("h.yaml");
        Files.writeString(
                size,
                "fidelities:\n  - {name: x, axis: depth, size: -3}\nresults:\n  - {fidelity: x, set: b, top1: 40}\n");
        assertThatThrownBy(() -> StudyReport.writeTable(size, dir))
                .hasMessageStartingWith(size + " fidelities entry 1: size must be a positive number");
        Path mixed = dir.resolve("i.csv");
        Files.writeString(mixed, "fidelity,set,top1,axis,size\nx,b,40,depth,8\nx,c,41,depth,9\n");
        assertThatThrownBy(() -> StudyReport.writeTable(mixed, dir))
                .hasMessage(mixed + " line 3: fidelity 'x' was placed at depth 8.0 on an earlier row: give every row"
                        + " of a fidelity the same axis and size");
    }

    /**
     * The OpenMixup table has 13 sets at every epoch budget: the transfer model fits from each
     * proxy, is validated leaving one technique out, and answers --predict; an unknown proxy is
     * a one-line error.
     */
    @Test
    void theTransferModelAnswersARequestedPrediction(@TempDir Path dir) throws IOException {
        Path table = Path.of("studies/published/openmixup-c100-r18-epochs.yaml");
        ReportFiles files = StudyReport.writeTable(
                table,
                dir.resolve("out"),
                java.util.List.of(
                        dev.cnnlab.report.analysis.TransferRequest.parse("newmix=+1.5±0.4", "ResNet-18 400ep")));
        String md = Files.readString(files.markdown());
        assertThat(md).contains("### Transfer across techniques");
        assertThat(md).contains("Transfer model ResNet-18 400ep → ResNet-18 1200ep: slope");
        assertThat(md).contains("Leave-one-technique-out validation of ResNet-18 1200ep on ResNet-18 400ep");
        assertThat(md)
                .containsPattern(
                        "Predicted for newmix at \\+1\\.50 ± 0\\.4 on ResNet-18 400ep: proxy gain"
                                + " \\+1\\.50 ± 0\\.40 → predicted target gain [+-]\\d\\.\\d\\d; 90% interval for the true target gain");
        AnalysisSchema.assertValid(files.analysis());
        assertThat(Files.readString(files.analysis())).contains("\"set\": \"newmix\"");
        assertThatThrownBy(() -> StudyReport.writeTable(
                        table,
                        dir.resolve("bad"),
                        java.util.List.of(dev.cnnlab.report.analysis.TransferRequest.parse("x=1", "ResNet-18 9ep"))))
                .isInstanceOf(CnnlabException.class)
                .hasMessage("--predict: 'ResNet-18 9ep' is not a proxy with gains in this study: use one of ResNet-18"
                        + " 200ep, ResNet-18 400ep, ResNet-18 800ep");
    }
}
