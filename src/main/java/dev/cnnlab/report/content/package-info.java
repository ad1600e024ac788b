/**
 * The report's words: {@link dev.cnnlab.report.content.ReportContent} assembles one section class
 * per part of the report into a format-neutral {@link dev.cnnlab.report.content.ReportDocument}
 * (headings, paragraphs, tables, figures as {@link dev.cnnlab.report.content.RenderedChart}), and
 * {@link dev.cnnlab.report.content.Fmt} words the numbers. Uses {@link dev.cnnlab.report.analysis}
 * and {@link dev.cnnlab.report.load}; no markup is produced here.
 */
package dev.cnnlab.report.content;
