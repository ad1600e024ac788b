package dev.cnnlab.report;

import java.nio.file.Path;

/**
 * What {@link StudyReport#write(Path)} produced.
 *
 * @param markdown the written {@code report.md}
 * @param html the written, self-contained {@code report.html}
 * @param terminalSummary the accuracy table and the correlation line as plain text, for printing
 *     at the end of a study
 */
public record ReportFiles(Path markdown, Path html, String terminalSummary) {}
