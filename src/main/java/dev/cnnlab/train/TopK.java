package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;

/** Counts of correct top-k predictions, computed on the logits' device (no host read). */
final class TopK {

    private TopK() {}

    /**
     * How many rows of {@code logits} [n, classes] have their label ({@code labels}, int64 [n])
     * among the k highest logits, as a 0-d int64 array: a row is right when fewer than k logits
     * are strictly higher than its label's. A NaN logit anywhere in a row makes the row wrong
     * (NaN compares false with everything, which would otherwise count it right).
     */
    static NDArray correct(NDArray logits, NDArray labels, int k) {
        NDArray target = logits.gather(labels.reshape(-1, 1), 1);
        NDArray higher = logits.gt(target).sum(new int[] {1});
        NDArray clean = logits.isNaN().sum(new int[] {1}).eq(0);
        return higher.lt(k).logicalAnd(clean).sum();
    }
}
