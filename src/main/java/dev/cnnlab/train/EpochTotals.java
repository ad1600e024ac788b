package dev.cnnlab.train;

/**
 * Running sums and timing of one training epoch, continued from a mid-epoch checkpoint when
 * resuming. Only {@link #add} changes them.
 */
final class EpochTotals {

    private int images;
    private double lossSum;
    private double targetMass;
    /** Seconds spent in this epoch by earlier processes (a resumed epoch). */
    private final double priorSeconds;

    private final int imagesAtStart;
    private final long startNanos;
    private double secondsHere;

    /** Totals of an epoch starting now, at {@code resumeFrom} (null = its first batch). */
    EpochTotals(TrainState.PartialEpoch resumeFrom, long startNanos) {
        if (resumeFrom != null) {
            images = resumeFrom.images();
            lossSum = resumeFrom.lossSum();
            targetMass = resumeFrom.targetMass();
        }
        this.priorSeconds = resumeFrom == null ? 0 : resumeFrom.seconds();
        this.imagesAtStart = images;
        this.startNanos = startNanos;
    }

    /** Counts a trained batch of {@code n} images that finished at {@code nowNanos}. */
    void add(int n, double meanLoss, double batchTargetMass, long nowNanos) {
        images += n;
        lossSum += meanLoss * n;
        targetMass += batchTargetMass;
        secondsHere = (nowNanos - startNanos) / 1e9;
    }

    /** The totals as a mid-epoch checkpoint stores them, after {@code batchesDone} batches. */
    TrainState.PartialEpoch partial(int batchesDone) {
        return new TrainState.PartialEpoch(batchesDone, images, lossSum, targetMass, seconds());
    }

    /** Training seconds of the epoch, including those of earlier processes. */
    double seconds() {
        return priorSeconds + secondsHere;
    }

    /** Training seconds of the epoch in this process. */
    double secondsHere() {
        return secondsHere;
    }

    /** Training throughput of this process in this epoch. */
    double imagesPerSecondHere() {
        return (images - imagesAtStart) / secondsHere;
    }

    double meanLoss() {
        return images == 0 ? Double.NaN : lossSum / images;
    }

    /** Training top-1 in percent (target mass on the predicted class). */
    double top1() {
        return images == 0 ? Double.NaN : 100.0 * targetMass / images;
    }
}
