/**
 * The study report: reads a study directory's runs, answers "does a technique's gain on the small
 * model predict its gain on the large one?", and writes {@code report.md} and a self-contained
 * {@code report.html}.
 *
 * <p>The flow is one-way: {@link dev.cnnlab.report.StudyLoader} gathers per-cell outcomes into an
 * immutable {@link dev.cnnlab.report.StudyResults}; {@link dev.cnnlab.report.StudyAnalysis}
 * computes the numbers; {@link dev.cnnlab.report.ReportContent} turns them into one
 * format-neutral {@link dev.cnnlab.report.ReportDocument}, which the Markdown and HTML renderers
 * print. Building the content once is what keeps the two files' sections identical.
 */
package dev.cnnlab.report;
