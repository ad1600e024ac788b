/**
 * The report's output: prints a {@link dev.cnnlab.report.content.ReportDocument} as Markdown
 * ({@link dev.cnnlab.report.render.MarkdownRenderer}) and as one self-contained HTML page
 * ({@link dev.cnnlab.report.render.HtmlRenderer}), draws and writes the charts
 * ({@link dev.cnnlab.report.render.ChartFactory}, {@link dev.cnnlab.report.render.ChartFiles}),
 * writes the data files ({@link dev.cnnlab.report.render.AnalysisJson},
 * {@link dev.cnnlab.report.render.ResultsCsv}) and the terminal summary. May use every other
 * report subpackage; none uses it.
 */
package dev.cnnlab.report.render;
