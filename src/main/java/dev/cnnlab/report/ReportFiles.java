package dev.cnnlab.report;

import java.nio.file.Path;

/**
 * What {@link StudyReport#write(Path)} produced.
 *
 * @param markdown the written {@code report.md}
 * @param html the written, self-contained {@code report.html}
 * @param analysis the written {@code analysis.json}: every number of the report as data
 * @param results the written {@code results.csv}: the finished runs in {@code report --table} format
 * @param terminalSummary the accuracy table and the correlation line as plain text, for printing
 *     at the end of a study
 */
public record ReportFiles(Path markdown, Path html, Path analysis, Path results, String terminalSummary) {}
