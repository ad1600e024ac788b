package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import dev.cnnlab.torch.Scalars;

/**
 * Cross-entropy against class-probability targets: {@code -sum_c t_c log softmax(z)_c}, averaged
 * over the batch. With one-hot targets it is the usual cross-entropy; with blended targets it is
 * the blended loss of mixup-style techniques, in one expression.
 */
public final class SoftTargetCrossEntropy {

    private SoftTargetCrossEntropy() {}

    /** Mean loss over the batch (scalar array). */
    public static NDArray mean(NDArray logits, NDArray targets) {
        return Scalars.divide(sum(logits, targets), logits.getShape().get(0));
    }

    /** Summed loss over the batch (scalar array). */
    public static NDArray sum(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum().neg();
    }
}
