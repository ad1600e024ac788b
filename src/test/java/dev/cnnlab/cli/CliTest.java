package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in child JVMs: the outputs people read and the errors they get. */
class CliTest {

    private static final String DATA = Fixtures.dataDir().toString();

    /** A user error: exit 2, exactly one line on stderr that says what and how, no stack trace. */
    private static void assertOneLineError(CliProcess.Outcome outcome, String... fragments) {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
        List<String> lines = outcome.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(outcome.stderr()).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("cnnlab: error: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        for (String fragment : fragments) {
            assertThat(lines.get(0)).contains(fragment);
        }
    }

    @Test
    void dataVerifyOnTheRealDataPrintsCountsChecksumsAndChannelStats() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("data", "verify", "--data", DATA);
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout())
                .contains("50000")
                .contains("10000")
                .contains("OK")
                .doesNotContain("MISMATCH")
                .contains("0.5071")
                .contains("0.4865")
                .contains("0.4409");
    }

    @Test
    void modelPrintsTheExactParameterCounts() throws Exception {
        CliProcess.Outcome big = CliProcess.run("model", "--depth", "164", "--json");
        assertThat(big.exitCode()).as(big.stderr()).isZero();
        assertThat(big.stdout()).contains("\"params\": 1726388");
        CliProcess.Outcome small = CliProcess.run("model", "--depth", "29", "--se");
        assertThat(small.stdout()).contains("params: 369032").contains("stage3");
    }

    @Test
    void studyListShowsTheEightReferenceCells() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("study", "studies/reference.yaml", "--list");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("8 cells").contains("ResNet-164_se+mixup_s0");
        assertThat(outcome.stdout().lines().filter(l -> l.matches("\\s+\\d+\\s+ResNet.*")))
                .hasSize(8);
    }

    @Test
    void missingDataDirectory(@TempDir Path tmp) throws Exception {
        assertOneLineError(
                CliProcess.run(
                        "data", "verify", "--data", tmp.resolve("nothing").toString()),
                "no CIFAR-100 data",
                "--data");
        assertOneLineError(
                CliProcess.run(
                        "train",
                        "--data",
                        tmp.resolve("nothing").toString(),
                        "--out",
                        tmp.resolve("run").toString()),
                "no CIFAR-100 data");
    }

    @Test
    void truncatedTrainFile(@TempDir Path tmp) throws Exception {
        Path dir = copyOfRealData(tmp);
        try (RandomAccessFile file =
                new RandomAccessFile(dir.resolve("train.bin").toFile(), "rw")) {
            file.setLength(3074L * 1000 + 17);
        }
        assertOneLineError(CliProcess.run("data", "verify", "--data", dir.toString()), "train.bin", "3074");
    }

    @Test
    void labelByteOutOfRange(@TempDir Path tmp) throws Exception {
        Path dir = copyOfRealData(tmp);
        try (RandomAccessFile file =
                new RandomAccessFile(dir.resolve("train.bin").toFile(), "rw")) {
            file.seek(3074L * 7 + 1); // fine label of record 7
            file.write(200);
        }
        assertOneLineError(
                CliProcess.run(
                        "train",
                        "--data",
                        dir.toString(),
                        "--out",
                        tmp.resolve("run").toString()),
                "record 7",
                "200");
    }

    @Test
    void invalidOptions(@TempDir Path tmp) throws Exception {
        assertOneLineError(CliProcess.run("train", "--depth", "30", "--data", DATA), "depth 30", "9n+2");
        assertOneLineError(CliProcess.run("train", "--epochs", "-1", "--data", DATA), "--epochs", "-1");
        assertOneLineError(CliProcess.run("train", "--epochs", "lots"), "--epochs", "lots");
        assertOneLineError(CliProcess.run("model", "--depth", "30"), "depth 30");
        assertOneLineError(CliProcess.run("model", "--depth", "900000011"), "ResNet-900000011", "--depth");
        assertOneLineError(CliProcess.run("train", "--mixup", "-1", "--data", DATA), "alpha");
        assertOneLineError(CliProcess.run("study", tmp.resolve("none.yaml").toString(), "--list"), "no study spec");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run("--version");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        String pomVersion = Files.readString(Path.of("pom.xml"))
                .replaceFirst("(?s).*?<artifactId>cnnlab</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertThat(outcome.stdout()).startsWith("cnnlab " + pomVersion).contains("DJL 0.25.0 on libtorch 2.0.1");
    }

    @Test
    void badStudySpecsAreRefusedAtLoadNamingTheLine(@TempDir Path tmp) throws Exception {
        String spec = "name: t\nmodels:\n  - {name: a, depth: 11}\ntechniques:\n  baseline: {}\n  se: {se: {}}\n";
        Path duplicate = Files.writeString(tmp.resolve("dup.yaml"), spec + "baseline: baseline\nbaseline: se\n");
        assertOneLineError(
                CliProcess.run("study", duplicate.toString(), "--list"), "dup.yaml line 8", "duplicate key 'baseline'");
        Path negative = Files.writeString(tmp.resolve("neg.yaml"), spec + "protocol: {epochs: -3}\n");
        assertOneLineError(
                CliProcess.run("study", negative.toString(), "--list"),
                "neg.yaml line 7",
                "epochs must be >= 1, got -3");
        Path both = Files.writeString(tmp.resolve("both.yaml"), spec + "protocol: {train-limit: 10, trainLimit: 20}\n");
        assertOneLineError(
                CliProcess.run("study", both.toString(), "--list"), "line 7", "'train-limit' and 'trainLimit'");
        // the command line's spelling is a spec's too
        Path kebab = Files.writeString(tmp.resolve("kebab.yaml"), spec + "protocol: {epochs: 3, train-limit: 100}\n");
        CliProcess.Outcome listed = CliProcess.run("study", kebab.toString(), "--list");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).contains("3 epochs", "100 training images");
    }

    @Test
    void aRunDirectoryOfAnotherConfigNamesTheFieldsThatDiffer(@TempDir Path tmp) throws Exception {
        List<String> run = List.of(
                "train",
                "--data",
                DATA,
                "--depth",
                "11",
                "--train-limit",
                "128",
                "--test-limit",
                "128",
                "--out",
                tmp.resolve("run").toString(),
                "--quiet");
        List<String> first = new java.util.ArrayList<>(run);
        first.addAll(List.of("--epochs", "1", "--workers", "1")); // the old name of --loader-threads still works
        CliProcess.Outcome trained = CliProcess.run(first.toArray(String[]::new));
        assertThat(trained.exitCode()).as(trained.stderr()).isZero();
        assertThat(trained.stderr()).contains("--workers is now --loader-threads");
        List<String> second = new java.util.ArrayList<>(run);
        second.addAll(List.of("--epochs", "2", "--resume"));
        assertOneLineError(
                CliProcess.run(second.toArray(String[]::new)),
                "with a different config: epochs 1 here, 2 asked; lrMilestones [] here, [1] asked");
    }

    @Test
    void imageFolderFaultsAreOneLineErrorsAndWriteNothing(@TempDir Path tmp) throws Exception {
        List<Integer> superclasses = List.of(2, 10);
        Path good = dev.cnnlab.FolderFixture.write(tmp.resolve("good"), superclasses, 4, 2);
        String flowers = Fixtures.realData().coarseNames().get(2);
        String scenes = Fixtures.realData().coarseNames().get(10);

        Path corrupt = copy(good, tmp.resolve("corrupt"));
        Path bad = Files.list(corrupt.resolve("train").resolve(flowers))
                .sorted()
                .findFirst()
                .orElseThrow();
        Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertFolderRefused(corrupt, tmp, bad.getFileName().toString());

        Path testOnly = copy(good, tmp.resolve("test-only"));
        dev.cnnlab.FolderFixture.png(
                Fixtures.realData().test().pixels(),
                0,
                testOnly.resolve("test").resolve("ghosts").resolve("0.png"));
        assertFolderRefused(testOnly, tmp, "ghosts");

        Path empty = copy(good, tmp.resolve("empty"));
        Files.createDirectories(empty.resolve("train").resolve("nothing"));
        assertFolderRefused(empty, tmp, "nothing");

        Path one = copy(good, tmp.resolve("one"));
        deleteTree(one.resolve("train").resolve(scenes));
        deleteTree(one.resolve("test").resolve(scenes));
        assertFolderRefused(one, tmp, "1 class folder (flowers)");

        Path none = Files.createDirectories(tmp.resolve("none").resolve("train"));
        assertFolderRefused(none.getParent(), tmp, "train");
    }

    /** {@code train} on the folder fails in one line naming {@code what}; no cache, no run directory. */
    private static void assertFolderRefused(Path root, Path tmp, String what) throws Exception {
        Path out = tmp.resolve("run-" + root.getFileName());
        assertOneLineError(
                CliProcess.run(
                        "train", "--data", root.toString(), "--depth", "11", "--epochs", "1", "--out", out.toString()),
                what);
        assertThat(root.resolve(".cnnlab-cache")).doesNotExist();
        assertThat(out).doesNotExist();
    }

    private static Path copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void unwritableOutput(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        assertOneLineError(
                CliProcess.run(
                        "train",
                        "--data",
                        DATA,
                        "--depth",
                        "11",
                        "--epochs",
                        "1",
                        "--out",
                        file.resolve("run").toString()),
                "cannot use",
                "--out");
    }

    @Test
    void benchMeasuresOnRealDataAndPrintsOneJsonObject() throws Exception {
        CliProcess.Outcome outcome = CliProcess.run(
                "bench",
                "--depth",
                "11",
                "--batch-size",
                "16",
                "--iterations",
                "3",
                "--warmup",
                "1",
                "--no-wait-for-jit",
                "--threads",
                "1",
                "--data",
                DATA,
                "--json");
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(outcome.stdout());
        assertThat(json.get("model").asText()).isEqualTo("ResNet-11");
        assertThat(json.get("synthetic").asBoolean()).isFalse();
        assertThat(json.get("trainImagesPerSecond").asDouble()).isPositive();
        assertThat(json.get("inferImagesPerSecond").asDouble()).isPositive();
        assertThat(json.get("trainWarmupIterations").asInt()).isEqualTo(1);
        assertThat(json.get("inferWarmupIterations").asInt()).isEqualTo(1);
        assertThat(json.get("loaderWaitFraction").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("peakRssMb").asLong()).isPositive();
        // the peak says how it was computed: cores x clock x FLOP per cycle, with the reason
        String explained = json.get("peakExplained").asText();
        java.util.regex.Matcher peak = java.util.regex.Pattern.compile(
                        "1 cores x (\\d+) MHz \\(.+\\) x (\\d+) FP32 FLOP/cycle \\(.+\\) = \\d+ GFLOP/s")
                .matcher(explained);
        assertThat(peak.matches()).as(explained).isTrue();
        // a kernel measured above the theoretical peak would mean the peak is wrong (as a nominal clock made it)
        assertThat(json.get("ceilingGflops").asDouble())
                .isPositive()
                .isLessThanOrEqualTo(1.15 * json.get("peakGflops").asDouble());
        // the fraction from first principles: ResNet-11's forward FLOPs per image from the PyTorch peer
        // (bench/param_counts.py: analytic_flops(1) = 40,781,824), 3x for forward + backward, at the
        // measured median rate; over 1 core x the clock x the FLOP per cycle the explanation names
        // (the clock is printed rounded to 1 MHz, hence the 1e-3 relative tolerance)
        assertThat(json.get("flopsPerImage").asLong()).isEqualTo(40_781_824L);
        assertThat(json.get("params").asLong()).isEqualTo(149_876L);
        double mhz = Double.parseDouble(peak.group(1));
        double flopsPerCycle = Double.parseDouble(peak.group(2));
        double expectedFraction =
                3 * 40_781_824.0 * json.get("trainImagesPerSecond").asDouble() / (1 * mhz * 1e6 * flopsPerCycle);
        assertThat(json.get("peakFraction").asDouble())
                .isPositive()
                .isCloseTo(expectedFraction, org.assertj.core.data.Percentage.withPercentage(0.1));

        assertOneLineError(CliProcess.run("bench", "--synthetic", "--flops-per-cycle", "0"), "--flops-per-cycle");
        assertOneLineError(CliProcess.run("bench", "--synthetic", "--mode", "fast"), "--mode", "fast");
    }

    /** A private copy of the real files, for corrupting. */
    private static Path copyOfRealData(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        try (var files = Files.list(Fixtures.dataDir())) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".bin") || p.toString().endsWith(".txt"))
                    .toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
