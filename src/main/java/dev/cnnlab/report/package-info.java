/**
 * The study report: reads a study directory's runs, answers "does a technique's gain on the small
 * model predict its gain on the large one?", and writes {@code report.md}, a self-contained
 * {@code report.html}, {@code analysis.json} and {@code results.csv}.
 *
 * <p>{@link dev.cnnlab.report.StudyReport} is the façade the command line calls. Behind it the
 * flow is one-way, one subpackage per step, each using only the steps before it:
 * {@link dev.cnnlab.report.load} reads a study directory or a table of results into
 * {@link dev.cnnlab.report.load.Evidence}; {@link dev.cnnlab.report.analysis} computes the
 * numbers ({@link dev.cnnlab.report.analysis.StudyAnalysis}); {@link dev.cnnlab.report.content}
 * turns them into one format-neutral {@link dev.cnnlab.report.content.ReportDocument}; and
 * {@link dev.cnnlab.report.render} prints it as Markdown and HTML, draws the charts and writes the
 * data files. Building the content once is what keeps the two report files' sections identical.
 */
package dev.cnnlab.report;
