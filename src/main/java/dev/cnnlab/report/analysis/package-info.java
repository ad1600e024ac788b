/**
 * The report's statistics: from {@link dev.cnnlab.report.load.Evidence} to every number the report
 * states, gathered in {@link dev.cnnlab.report.analysis.StudyAnalysis}: per-cell seed statistics
 * and accuracy tables, the noise and variance models, gains with their intervals, agreement between
 * proxies and target (Kendall, Spearman, sign, top pick) with permutation tests, the proxies' cost
 * and faithfulness and their Pareto front, and the calibrated transfer of gains from a proxy to
 * the target across technique sets ({@link dev.cnnlab.report.analysis.TransferModel}). Uses only {@link dev.cnnlab.report.load}; knows nothing
 * of how the numbers are worded or printed.
 */
package dev.cnnlab.report.analysis;
