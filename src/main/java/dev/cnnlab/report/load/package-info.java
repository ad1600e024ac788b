/**
 * The report's first step: reading. {@link dev.cnnlab.report.load.StudyLoader} gathers a study
 * directory's runs into per-cell outcomes ({@link dev.cnnlab.study.CellOutcome}, read through {@link dev.cnnlab.study.StudyDirectory}) in an
 * immutable {@link dev.cnnlab.report.load.StudyResults};
 * {@link dev.cnnlab.report.load.ResultTableReader} reads a table of results that cnnlab did not
 * train. Both end as {@link dev.cnnlab.report.load.Evidence}, the one input the analysis takes.
 * Uses no other report package.
 */
package dev.cnnlab.report.load;
