package dev.cnnlab.report;

import dev.cnnlab.data.Checksums;
import dev.cnnlab.study.Cell;
import dev.cnnlab.study.Fidelity;
import dev.cnnlab.study.Protocol;
import dev.cnnlab.study.StudySpec;
import dev.cnnlab.train.ConfigOverrides;
import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.Provenance;
import dev.cnnlab.train.RunRecords;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.TrainState;
import dev.cnnlab.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds study directories the way {@code ./cnnlab study} leaves them: {@code study.json},
 * {@code runs/<id>/result.json} for finished cells and {@code runs/<id>/checkpoint/state.json}
 * for running ones, all written with the project's JSON mapper.
 */
final class StudyFixture {

    static final String SMALL = "ResNet-11";
    static final String LARGE = "ResNet-29";
    static final int EPOCHS = 10;

    /** Final test top-1 of the main fixture's finished cells, by set then model. */
    static final Map<String, Map<String, Double>> ACCURACY = new LinkedHashMap<>();

    static {
        ACCURACY.put("baseline", Map.of(SMALL, 60.00, LARGE, 70.00));
        ACCURACY.put("se", Map.of(SMALL, 61.00, LARGE, 71.20));
        ACCURACY.put("se-r8", Map.of(SMALL, 61.50, LARGE, 70.90));
        ACCURACY.put("mixup", Map.of(SMALL, 59.50, LARGE, 71.00));
        ACCURACY.put("mixup-a0.2", Map.of(LARGE, 70.40)); // ResNet-11 mixup-a0.2: not started
        ACCURACY.put("se+mixup", Map.of(SMALL, 60.80)); // ResNet-29 se+mixup: running, epoch 3/10
    }

    /** Published top-1 for some sets (enough for two reference points). */
    static final Map<String, Map<String, Double>> REFERENCE = Map.of(
            "baseline", Map.of(SMALL, 62.0, LARGE, 71.0),
            "se", Map.of(SMALL, 63.0, LARGE, 72.5),
            "mixup", Map.of(SMALL, 61.0, LARGE, 72.0));

    private StudyFixture() {}

    /** The main fixture: 2 models x 6 sets x 1 seed; 10 finished, 1 running, 1 not started. */
    static StudySpec mainSpec() {
        Map<String, Map<String, Map<String, Double>>> sets = new LinkedHashMap<>();
        sets.put("baseline", Map.of());
        sets.put("se", Map.of("se", Map.of()));
        sets.put("se-r8", Map.of("se", Map.of("reduction", 8.0)));
        sets.put("mixup", Map.of("mixup", Map.of()));
        sets.put("mixup-a0.2", Map.of("mixup", Map.of("alpha", 0.2)));
        Map<String, Map<String, Double>> both = new LinkedHashMap<>();
        both.put("se", Map.of());
        both.put("mixup", Map.of("alpha", 1.0));
        sets.put("se+mixup", both);
        return new StudySpec(
                "tiny-vs-big",
                "Does a technique's gain on ResNet-11 predict its gain on ResNet-29?",
                List.of(
                        Fidelity.of(SMALL, ConfigOverrides.builder().depth(11).build()),
                        Fidelity.of(LARGE, ConfigOverrides.builder().depth(29).build())),
                sets,
                "baseline",
                List.of(0L),
                protocol(),
                REFERENCE,
                null,
                null,
                null);
    }

    static Protocol protocol() {
        return Protocol.of(ConfigOverrides.builder()
                .epochs(EPOCHS)
                .lr(0.1)
                .lrMilestones(List.of(5, 8))
                .lrGamma(0.1)
                .batchSize(128)
                .weightDecay(1e-4)
                .momentum(0.9)
                .trainLimit(5000)
                .testLimit(1000)
                .build());
    }

    /** Writes the main fixture into {@code dir}. */
    static Path writeMain(Path dir) {
        StudySpec spec = mainSpec();
        write(dir.resolve("study.json"), spec);
        for (Cell cell : spec.cells()) {
            Double accuracy =
                    ACCURACY.get(cell.techniqueSet()).get(cell.fidelity().name());
            Path run = dir.resolve("runs").resolve(cell.id());
            if (accuracy != null) {
                String testMd5 = cell.techniqueSet().equals("mixup-a0.2")
                        ? "00000000000000000000000000000000"
                        : Checksums.TEST_MD5;
                write(run.resolve("result.json"), result(spec, cell, accuracy, testMd5));
            } else if (cell.fidelity().name().equals(LARGE)) {
                TrainConfig config = cell.config(spec.protocol(), 2);
                List<EpochStats> history = history(cell, 40.0, EPOCHS).subList(0, 3);
                write(
                        run.resolve("checkpoint").resolve("state.json"),
                        new TrainState(
                                config,
                                3,
                                history,
                                history.stream()
                                        .mapToDouble(EpochStats::seconds)
                                        .sum(),
                                null,
                                null));
            }
        }
        return dir;
    }

    /** A multi-seed fixture: 2 models x 2 sets x 3 seeds, all finished. */
    static Path writeSeeds(Path dir) {
        Map<String, Map<String, Map<String, Double>>> sets = new LinkedHashMap<>();
        sets.put("baseline", Map.of());
        sets.put("se", Map.of("se", Map.of()));
        StudySpec spec = new StudySpec(
                "seeds",
                "three seeds per cell",
                List.of(
                        Fidelity.of(SMALL, ConfigOverrides.builder().depth(11).build()),
                        Fidelity.of(LARGE, ConfigOverrides.builder().depth(29).build())),
                sets,
                "baseline",
                List.of(0L, 1L, 2L),
                protocol(),
                null,
                null,
                null,
                null);
        write(dir.resolve("study.json"), spec);
        for (Cell cell : spec.cells()) {
            double base = cell.fidelity().name().equals(SMALL) ? 60 : 70;
            double gain = cell.techniqueSet().equals("se") ? 1.0 : 0.0;
            // baseline seeds 0, 1, 2 at -0.3, 0, +0.3, se's at 0, -0.3, +0.3: every cell's sample std is 0.3, and
            // the paired differences se - baseline are 1.3, 0.7, 1.0 (mean 1.0, sd 0.3)
            double[] residual =
                    cell.techniqueSet().equals("se") ? new double[] {0, -0.3, 0.3} : new double[] {-0.3, 0, 0.3};
            double accuracy = base + gain + residual[(int) cell.seed()];
            write(
                    dir.resolve("runs").resolve(cell.id()).resolve("result.json"),
                    result(spec, cell, accuracy, Checksums.TEST_MD5));
        }
        return dir;
    }

    /** Writes JSON like the study runner does, creating the run directory first. */
    static void write(Path file, Object value) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (value instanceof RunResult || value instanceof TrainState) {
            RunRecords.write(file, value); // as a run writes them, in the current format
        } else {
            Json.writeAtomically(file, value);
        }
    }

    /** Three models listed out of size order (ResNet-20, ResNet-11, ResNet-29), 2 sets, 1 seed, all finished. */
    static Path writeThreeModels(Path dir) {
        return writeThreeModels(dir, Map.of("ResNet-20", 66.0, SMALL, 60.0, LARGE, 70.0));
    }

    /** As {@link #writeThreeModels(Path)}, with each model's baseline top-1 given (se adds 0.7, 0.4, 1.1). */
    static Path writeThreeModels(Path dir, Map<String, Double> base) {
        Map<String, Map<String, Map<String, Double>>> sets = new LinkedHashMap<>();
        sets.put("baseline", Map.of());
        sets.put("se", Map.of("se", Map.of()));
        StudySpec spec = new StudySpec(
                "three",
                "",
                List.of(
                        Fidelity.of(
                                "ResNet-20", ConfigOverrides.builder().depth(20).build()),
                        Fidelity.of(SMALL, ConfigOverrides.builder().depth(11).build()),
                        Fidelity.of(LARGE, ConfigOverrides.builder().depth(29).build())),
                sets,
                "baseline",
                List.of(0L),
                protocol(),
                null,
                null,
                null,
                null);
        write(dir.resolve("study.json"), spec);
        Map<String, Double> gain = Map.of("ResNet-20", 0.7, SMALL, 0.4, LARGE, 1.1);
        for (Cell cell : spec.cells()) {
            String model = cell.fidelity().name();
            double accuracy = base.get(model) + (cell.techniqueSet().equals("se") ? gain.get(model) : 0);
            write(
                    dir.resolve("runs").resolve(cell.id()).resolve("result.json"),
                    result(spec, cell, accuracy, Checksums.TEST_MD5));
        }
        return dir;
    }

    static RunResult result(StudySpec spec, Cell cell, double accuracy, String testMd5) {
        boolean large = cell.fidelity().depth() > 11;
        boolean se = cell.techniques().stream().anyMatch(t -> t.name().equals("se"));
        int depth = cell.fidelity().depth();
        // roughly linear in depth, as for these bottleneck networks
        long params = depth * 20_000L - 50_000L + (se ? depth * 1_200L : 0);
        long flops = depth * 3_000_000L - 1_000_000L;
        double wall = depth * 60.0 + 60;
        TrainConfig config = cell.config(spec.protocol(), 2);
        List<EpochStats> history = history(cell, accuracy, EPOCHS);
        Provenance provenance = new Provenance(
                new Provenance.Data(Checksums.TRAIN_MD5, testMd5, "/data/cifar-100-binary"),
                new Provenance.Software(
                        "9a1575e0123456789abcdef0123456789abcdef0", "17.0.15", "0.36.0", "PyTorch 2.7.1"),
                new Provenance.Hardware("cpu()", "Linux 6.1 amd64", "AMD EPYC 7B13", 2, 2, "runner-1"),
                new Provenance.Times("2025-11-28T19:00:00Z", null));
        return new RunResult(
                cell.fidelity().name(),
                accuracy,
                accuracy + 25,
                1.6,
                accuracy + 0.3,
                params,
                flops,
                EPOCHS,
                wall,
                large ? 2800 : 8300,
                config,
                provenance,
                history,
                Map.of());
    }

    /** A plausible rising curve that ends at {@code finalAccuracy}. */
    static List<EpochStats> history(Cell cell, double finalAccuracy, int epochs) {
        List<EpochStats> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double top1 = finalAccuracy - (finalAccuracy - 5) * Math.exp(-0.45 * (e - 1)) * (e == epochs ? 0 : 1);
            double lr = e <= 5 ? 0.1 : e <= 8 ? 0.01 : 0.001;
            rows.add(new EpochStats(
                    e,
                    lr,
                    4.2 - 0.25 * e,
                    top1 + 3,
                    4.0 - 0.2 * e,
                    top1,
                    Math.min(99, top1 + 25),
                    cell.fidelity().depth() > 11 ? 180 : 60,
                    cell.fidelity().depth() > 11 ? 2800 : 8300,
                    Map.of()));
        }
        return rows;
    }
}
