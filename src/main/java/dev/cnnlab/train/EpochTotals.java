package dev.cnnlab.train;

import ai.djl.ndarray.NDManager;
import dev.cnnlab.torch.DeviceSum;

/**
 * Running sums and timing of one training epoch, continued from a mid-epoch checkpoint when
 * resuming. Only {@link #add} changes them. The target mass (the correct predictions) is summed
 * on the device by the training step; it is read when a checkpoint or the epoch's row needs it.
 */
final class EpochTotals implements AutoCloseable {

    private int images;
    private double lossSum;
    private final DeviceSum targetMass;
    /** Seconds spent in this epoch by earlier processes (a resumed epoch). */
    private final double priorSeconds;

    private final int imagesAtStart;
    private final long startNanos;
    private double secondsHere;

    /** Totals of an epoch starting now, at {@code resumeFrom} (null = its first batch), summed on {@code device}. */
    EpochTotals(TrainState.PartialEpoch resumeFrom, long startNanos, NDManager device) {
        if (resumeFrom != null) {
            images = resumeFrom.images();
            lossSum = resumeFrom.lossSum();
        }
        this.targetMass = new DeviceSum(device, resumeFrom == null ? 0 : resumeFrom.targetMass());
        this.priorSeconds = resumeFrom == null ? 0 : resumeFrom.seconds();
        this.imagesAtStart = images;
        this.startNanos = startNanos;
    }

    /** Where the training step adds each batch's target mass. */
    DeviceSum targetMass() {
        return targetMass;
    }

    /** Counts a trained batch of {@code n} images that finished at {@code nowNanos}. */
    void add(int n, double meanLoss, long nowNanos) {
        images += n;
        lossSum += meanLoss * n;
        secondsHere = (nowNanos - startNanos) / 1e9;
    }

    /** The totals as a mid-epoch checkpoint stores them, after {@code batchesDone} batches. */
    TrainState.PartialEpoch partial(int batchesDone) {
        return new TrainState.PartialEpoch(batchesDone, images, lossSum, targetMass.read(), seconds());
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

    /** Training top-1 in percent (target mass on the predicted class): one host read. */
    double top1() {
        return images == 0 ? Double.NaN : 100.0 * targetMass.read() / images;
    }

    @Override
    public void close() {
        targetMass.close();
    }
}
