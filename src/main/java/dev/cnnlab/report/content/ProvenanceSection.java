package dev.cnnlab.report.content;

import dev.cnnlab.data.Checksums;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Details;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.study.CellOutcome;
import dev.cnnlab.train.Provenance;
import dev.cnnlab.train.RunResult;
import dev.cnnlab.train.TrainState;
import dev.cnnlab.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where every run's number came from: data checksums, code, software, hardware and full config. */
final class ProvenanceSection {

    private final StudyResults results;

    ProvenanceSection(StudyResults results) {
        this.results = results;
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(2, "Provenance", "provenance-section"));
        blocks.add(Paragraph.of("Every cell of the study. Data checksums are compared with the official CIFAR-100 md5s "
                + "(train " + Checksums.TRAIN_MD5 + ", test " + Checksums.TEST_MD5 + "); software and hardware are as "
                + "recorded by each finished run."));
        List<Row> rows = new ArrayList<>();
        int foreignData = 0;
        for (CellOutcome outcome : results.outcomes()) {
            rows.add(Row.of(row(outcome)));
            Provenance p = outcome.result().map(RunResult::provenance).orElse(null);
            if (p != null
                    && !(Checksums.TRAIN_MD5.equals(p.data().trainMd5())
                            && Checksums.TEST_MD5.equals(p.data().testMd5()))) {
                foreignData++;
            }
        }
        blocks.add(new Table(
                "provenance",
                List.of(
                        "cell",
                        "model",
                        "techniques",
                        "seed",
                        "status",
                        "final top-1",
                        "epochs",
                        "wall time",
                        "git commit",
                        "train data md5",
                        "test data md5",
                        "engine",
                        "device",
                        "cpu",
                        "threads",
                        "host",
                        "started at"),
                rows));
        if (foreignData > 0) {
            blocks.add(
                    Paragraph.note("Warning: " + foreignData + " finished run" + (foreignData == 1 ? " was" : "s were")
                            + " trained or tested on data that is not the official CIFAR-100 (md5 mismatch); "
                            + "their numbers are not comparable with published ones."));
        }
        blocks.add(new Heading(3, "Run configurations", "configs-section"));
        boolean any = false;
        for (CellOutcome outcome : results.outcomes()) {
            Map<String, Object> record = new LinkedHashMap<>();
            outcome.result().ifPresent(r -> {
                record.put("config", r.config());
                record.put("provenance", r.provenance());
            });
            outcome.state().ifPresent(s -> {
                record.put("config", s.config());
                record.put("completedEpochs", s.completedEpochs());
            });
            if (!record.isEmpty()) {
                any = true;
                blocks.add(new Details(
                        outcome.cell().id() + " (" + outcome.label(results.plannedEpochs()) + ")", Json.write(record)));
            }
        }
        if (!any) {
            blocks.add(Paragraph.of("No run has started yet."));
        }
        return blocks;
    }

    private List<String> row(CellOutcome outcome) {
        String missing = Fmt.MISSING;
        List<String> cells = new ArrayList<>(List.of(
                outcome.cell().id(),
                outcome.cell().fidelity().name(),
                Fmt.techniques(outcome.cell().techniques()),
                Long.toString(outcome.cell().seed()),
                outcome.problem().map(p -> "unreadable: " + p).orElse(outcome.label(results.plannedEpochs()))));
        if (outcome.result().isPresent()) {
            RunResult r = outcome.result().get();
            Provenance p = r.provenance();
            cells.add(Fmt.acc(r.testAccuracy()));
            cells.add(Integer.toString(r.epochs()));
            cells.add(Fmt.duration(r.wallSeconds()));
            if (p == null) {
                cells.addAll(java.util.Collections.nCopies(9, missing));
            } else {
                cells.addAll(List.of(
                        or(p.software().gitCommit()),
                        md5(p.data().trainMd5(), Checksums.TRAIN_MD5),
                        md5(p.data().testMd5(), Checksums.TEST_MD5),
                        or(p.software().engine()),
                        or(p.hardware().device()),
                        or(p.hardware().cpu()),
                        Integer.toString(p.hardware().threads()),
                        or(p.hardware().host()),
                        or(p.times().startedAt())));
            }
        } else if (outcome.state().isPresent()) {
            TrainState s = outcome.state().get();
            cells.add(missing);
            cells.add(
                    s.completedEpochs() + "/" + (s.config() != null ? s.config().epochs() : results.plannedEpochs()));
            cells.add(Fmt.duration(s.trainSeconds()) + " so far");
            cells.addAll(java.util.Collections.nCopies(9, missing));
        } else {
            cells.addAll(java.util.Collections.nCopies(12, missing));
        }
        return cells;
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? Fmt.MISSING : value;
    }

    /** A shortened md5 and whether it is the official one (the full value is in the run's config block). */
    private static String md5(String md5, String official) {
        if (md5 == null || md5.isBlank()) {
            return Fmt.MISSING;
        }
        String shortMd5 = md5.length() > 8 ? md5.substring(0, 8) + "…" : md5;
        return shortMd5 + (official.equalsIgnoreCase(md5) ? " (official)" : " (NOT official)");
    }
}
