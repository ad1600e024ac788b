package dev.cnnlab.report;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.analysis.TransferRequest;
import dev.cnnlab.report.content.RenderedChart;
import dev.cnnlab.report.content.ReportContent;
import dev.cnnlab.report.content.ReportDocument;
import dev.cnnlab.report.load.ResultTableReader;
import dev.cnnlab.report.load.StudyLoader;
import dev.cnnlab.report.load.StudyResults;
import dev.cnnlab.report.render.AnalysisJson;
import dev.cnnlab.report.render.ChartFactory;
import dev.cnnlab.report.render.ChartFiles;
import dev.cnnlab.report.render.HtmlRenderer;
import dev.cnnlab.report.render.MarkdownRenderer;
import dev.cnnlab.report.render.ResultsCsv;
import dev.cnnlab.report.render.TerminalSummary;
import dev.cnnlab.util.Files2;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
    /** Every number of the report as data (schema: docs/analysis.schema.json). */
    public static final String ANALYSIS = "analysis.json";
    /** The finished runs in {@code report --table} format. */
    public static final String RESULTS = "results.csv";
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
        return write(studyDir, List.of());
    }

    /**
     * As {@link #write(Path)}, answering the transfer model's {@code requests} in the report.
     *
     * @throws CnnlabException also when a request names no proxy of the study
     */
    public static ReportFiles write(Path studyDir, List<TransferRequest> requests) {
        StudyResults results = StudyLoader.load(studyDir);
        StudyAnalysis analysis = analyse(() -> StudyAnalysis.of(results, requests));
        List<RenderedChart> charts = new ChartFactory(analysis, Optional.of(results)).charts();
        return writeFiles(
                studyDir,
                ReportContent.forStudy(results, analysis, charts),
                charts,
                analysis,
                results.spec().name());
    }

    /**
     * Runs the same analysis on a table of results that cnnlab did not train ({@link ResultTableReader})
     * and writes the reports into {@code outDir}.
     *
     * @throws CnnlabException when the table is unreadable or invalid, or a file cannot be written
     */
    public static ReportFiles writeTable(Path table, Path outDir) {
        return writeTable(table, outDir, List.of());
    }

    /**
     * As {@link #writeTable(Path, Path)}, answering the transfer model's {@code requests}.
     *
     * @throws CnnlabException also when a request names no proxy of the table
     */
    public static ReportFiles writeTable(Path table, Path outDir, List<TransferRequest> requests) {
        ResultTableReader.Table read = ResultTableReader.read(table);
        StudyAnalysis analysis = analyse(() -> StudyAnalysis.of(read.evidence(), requests));
        List<RenderedChart> charts = new ChartFactory(analysis, Optional.empty()).charts();
        Files2.createDirectories(outDir, "the report directory (--out)");
        return writeFiles(
                outDir,
                ReportContent.forTable(read.name(), table.toString(), analysis, charts),
                charts,
                analysis,
                read.name());
    }

    /** Runs the analysis; a request it cannot place (an unknown proxy) becomes the user's error. */
    private static StudyAnalysis analyse(java.util.function.Supplier<StudyAnalysis> analysis) {
        try {
            return analysis.get();
        } catch (IllegalArgumentException e) {
            throw new CnnlabException("--predict: " + e.getMessage());
        }
    }

    private static ReportFiles writeFiles(
            Path dir, ReportDocument document, List<RenderedChart> charts, StudyAnalysis analysis, String name) {
        ChartFiles.writeAll(dir.resolve(FILES_DIR), charts);
        Path markdown = dir.resolve(MARKDOWN);
        Path html = dir.resolve(HTML);
        Path json = dir.resolve(ANALYSIS);
        Path csv = dir.resolve(RESULTS);
        Files2.writeAtomically(markdown, new MarkdownRenderer(FILES_DIR).render(document));
        Files2.writeAtomically(html, HtmlRenderer.render(document));
        Files2.writeAtomically(json, AnalysisJson.write(analysis, name));
        Files2.writeAtomically(csv, ResultsCsv.write(analysis.evidence()));
        return new ReportFiles(markdown, html, json, csv, TerminalSummary.of(document.title(), analysis));
    }
}
