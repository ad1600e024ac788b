package dev.cnnlab.report.analysis;

/**
 * What {@link TransferModel#of} gives: a {@link TransferFit} to predict from, or a {@link
 * TransferRefusal} saying why the data cannot support one.
 */
public sealed interface TransferOutcome permits TransferFit, TransferRefusal {}
