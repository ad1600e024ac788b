package dev.cnnlab.cli;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.report.ReportFiles;
import dev.cnnlab.report.StudyReport;
import dev.cnnlab.report.analysis.TransferRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cnnlab report DIR} and {@code cnnlab report --table FILE --out DIR}. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write DIR/report.md and a self-contained DIR/report.html for a (possibly partial) study,",
            "or run the same analysis on a table of results that cnnlab did not train (--table)."
        })
final class ReportCommand implements Runnable {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "the study directory (--out of `cnnlab study`)")
    Path dir;

    @Option(
            names = "--table",
            paramLabel = "FILE",
            description = "CSV or YAML of runs (fidelity, set, seed, top1, optional cost in seconds), e.g."
                    + " studies/published/reference.yaml")
    Path table;

    @Option(names = "--out", paramLabel = "DIR", description = "with --table: where to write the report")
    Path out;

    @Option(
            names = "--predict",
            paramLabel = "SET=GAIN[±SE]",
            description = "predict a new technique's target gain from its gain (points, optional standard error;"
                    + " ASCII +- works too) on a proxy with the transfer model across techniques; repeatable")
    List<String> predict = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "PROXY",
            description = "the proxy fidelity the --predict gains were measured on (needed when there are several)")
    String from;

    @Override
    public void run() {
        List<TransferRequest> requests = new ArrayList<>();
        for (String text : predict) {
            try {
                requests.add(TransferRequest.parse(text, from));
            } catch (IllegalArgumentException e) {
                throw new CnnlabException("--predict " + e.getMessage());
            }
        }
        if (from != null && requests.isEmpty()) {
            throw new CnnlabException("--from names the proxy of --predict SET=GAIN[±SE]: give --predict too");
        }
        ReportFiles report;
        if (table != null) {
            if (dir != null) {
                throw new CnnlabException("give either a study DIR or --table FILE, not both");
            }
            if (out == null) {
                throw new CnnlabException(
                        "--table needs --out DIR: the folder to write report.md and report.html into");
            }
            report = StudyReport.writeTable(table, out, requests);
        } else {
            if (dir == null) {
                throw new CnnlabException("give the study directory to report on, or --table FILE --out DIR");
            }
            report = StudyReport.write(dir, requests);
        }
        System.out.println(report.terminalSummary());
        System.out.println("report: " + report.markdown() + " and " + report.html() + "; data: " + report.analysis()
                + " and " + report.results());
    }
}
