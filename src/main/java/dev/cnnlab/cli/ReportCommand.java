package dev.cnnlab.cli;

import dev.cnnlab.report.ReportFiles;
import dev.cnnlab.report.StudyReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cnnlab report DIR}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.md and a self-contained DIR/report.html for a (possibly partial) study.")
final class ReportCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "DIR", description = "the study directory (--out of `cnnlab study`)")
    Path dir;

    @Override
    public void run() {
        ReportFiles report = StudyReport.write(dir);
        System.out.println(report.terminalSummary());
        System.out.println("report: " + report.markdown() + " and " + report.html());
    }
}
