package dev.cnnlab.report;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a study's report: {@code report.md}, a self-contained {@code report.html}, and the charts
 * as PNG and SVG under {@code report-files/}. Works on finished and partial studies alike: what
 * is missing is marked, never counted as zero.
 */
public final class StudyReport {

    /** The Markdown report's file name inside the study directory. */
    public static final String MARKDOWN = "report.md";
    /** The HTML report's file name inside the study directory. */
    public static final String HTML = "report.html";
    /** The folder of chart files next to the reports. */
    public static final String FILES_DIR = "report-files";

    private StudyReport() {}

    /**
     * Reads the study in {@code studyDir} and writes its reports there (each file atomically).
     *
     * @param studyDir a directory written by {@code ./cnnlab study}: {@code study.json} and {@code runs/}
     * @return the written files and a plain-text summary for the terminal
     * @throws CnnlabException when the directory holds no study or a file cannot be written
     */
    public static ReportFiles write(Path studyDir) {
        return write(studyDir, Instant.now());
    }

    static ReportFiles write(Path studyDir, Instant generated) {
        StudyResults results = StudyLoader.load(studyDir);
        StudyAnalysis analysis = StudyAnalysis.of(results);
        List<RenderedChart> charts = new ChartFactory(results, analysis).charts();
        ChartFiles.write(studyDir.resolve(FILES_DIR), charts);
        ReportDocument document = ReportContent.build(results, analysis, charts, generated);
        Path markdown = studyDir.resolve(MARKDOWN);
        Path html = studyDir.resolve(HTML);
        Files2.writeAtomically(markdown, new MarkdownRenderer(FILES_DIR).render(document));
        Files2.writeAtomically(html, HtmlRenderer.render(document));
        return new ReportFiles(markdown, html, TerminalSummary.of(results, analysis));
    }
}
