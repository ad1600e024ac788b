package dev.cnnlab.train;

import dev.cnnlab.CnnlabException;

/**
 * The loss stopped being a finite number: the weights are poisoned and the run stops, keeping the
 * last good checkpoint. The message says what to change without naming an option; the command
 * line or the study reader that set the learning rate can phrase the advice for how it was given.
 */
public final class TrainingDiverged extends CnnlabException {

    private static final long serialVersionUID = 1L;

    private final double loss;
    private final int epoch;
    private final int batch;
    private final double lr;

    /**
     * @param loss the non-finite loss
     * @param epoch 1-based epoch
     * @param batch 1-based batch within the epoch
     * @param lr learning rate of that step
     */
    public TrainingDiverged(double loss, int epoch, int batch, double lr) {
        super(where(loss, epoch, batch, lr) + "; lower the learning rate or add warm-up (the warmup technique),"
                + " then start the run again in a new directory");
        this.loss = loss;
        this.epoch = epoch;
        this.batch = batch;
        this.lr = lr;
    }

    /** What happened and where, without advice: {@code training diverged: loss NaN at epoch 2, batch 7 (learning rate 0.4)}. */
    public String where() {
        return where(loss, epoch, batch, lr);
    }

    private static String where(double loss, int epoch, int batch, double lr) {
        return "training diverged: loss " + loss + " at epoch " + epoch + ", batch " + batch + " (learning rate " + lr
                + ")";
    }

    public double loss() {
        return loss;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }

    public double lr() {
        return lr;
    }
}
