package dev.cnnlab.train;

/**
 * The time left in an epoch and in a run, from the batches timed so far: available after the
 * first few batches of the first epoch (not only after a whole epoch), then refined by each
 * finished epoch's own batch rate and evaluation time.
 *
 * <p>Fed by a {@link TrainListener}'s calls with the time of each (nanoseconds of one clock, e.g.
 * {@link System#nanoTime()}), so a test can drive it with a clock of its own.
 */
public final class RunEta {

    /**
     * Batches left out of the rate at the start of each epoch: the first ones carry one-off costs
     * (allocations, kernel selection, the loader filling its queue) that would inflate the estimate.
     */
    public static final int WARMUP_BATCHES = 3;

    private int epoch;
    private int epochs;
    private int batches;
    private int batch;
    private int timedInEpoch;
    private long warmNanos;
    private long lastBatchNanos;
    private double secondsPerBatch = Double.NaN;
    private double secondsPerBatchBefore = Double.NaN;
    private double evaluationSeconds = Double.NaN;
    private boolean epochEnded;

    /** Epoch {@code epoch} (1-based) of {@code epochs} starts, with {@code batches} batches. */
    public void epochStarted(int epoch, int epochs, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = batches;
        this.batch = 0;
        this.timedInEpoch = 0;
        this.secondsPerBatch = Double.NaN;
        this.epochEnded = false;
    }

    /** Batch {@code batch} (1-based, of the whole epoch; a resumed epoch starts past 1) ended at {@code nanos}. */
    public void batchDone(int batch, long nanos) {
        this.batch = batch;
        this.lastBatchNanos = nanos;
        timedInEpoch++;
        if (timedInEpoch == WARMUP_BATCHES) {
            warmNanos = nanos;
        } else if (timedInEpoch > WARMUP_BATCHES) {
            secondsPerBatch = (nanos - warmNanos) / 1e9 / (timedInEpoch - WARMUP_BATCHES);
        }
    }

    /** The epoch ended (evaluated and checkpointed) at {@code nanos}. */
    public void epochDone(long nanos) {
        if (timedInEpoch > 0) {
            evaluationSeconds = Math.max(0, (nanos - lastBatchNanos) / 1e9);
        }
        if (Double.isFinite(secondsPerBatch)) {
            secondsPerBatchBefore = secondsPerBatch;
        }
        batch = batches;
        epochEnded = true;
    }

    /** Seconds left in the current epoch (its evaluation included once one was timed); NaN while unknown. */
    public double epochSeconds() {
        if (epochEnded) {
            return 0;
        }
        return (batches - batch) * rate() + evaluation();
    }

    /** Seconds left in the run; NaN while unknown. */
    public double runSeconds() {
        double rate = rate();
        return epochSeconds() + (epochs - epoch) * (batches * rate + evaluation());
    }

    /** This epoch's rate once past its warm-up, else the last epoch's; NaN before either. */
    private double rate() {
        return Double.isFinite(secondsPerBatch) ? secondsPerBatch : secondsPerBatchBefore;
    }

    /** The last evaluation's seconds, 0 before the first (its cost is small beside training's). */
    private double evaluation() {
        return Double.isFinite(evaluationSeconds) ? evaluationSeconds : 0;
    }
}
