package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.torch.HostReads;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void countsLabelsAmongTheKHighestLogits() {
        float[] logits = {
            0.1f, 0.9f, 0.5f, 0.3f, // label 1 is top-1
            0.9f, 0.1f, 0.5f, 0.3f, // label 2 is second
            0.9f, 0.8f, 0.7f, 0.1f // label 3 is last
        };
        long[] labels = {1, 2, 3};
        assertThat(correct(logits, 4, labels, 1)).isEqualTo(1);
        assertThat(correct(logits, 4, labels, 2)).isEqualTo(2);
        assertThat(correct(logits, 4, labels, 3)).isEqualTo(2);
        assertThat(correct(logits, 4, labels, 4)).isEqualTo(3);
    }

    @Test
    void tiesWithTheLabelCountAsRight() {
        float[] logits = {0.5f, 0.5f, 0.1f}; // label 1 ties with class 0: nothing is strictly higher
        assertThat(correct(logits, 3, new long[] {1}, 1)).isEqualTo(1);
    }

    @Test
    void aRowWithANaNLogitIsNeverCorrect() {
        float nan = Float.NaN;
        float[] logits = {
            nan,
            nan,
            nan, // everything NaN (a diverged network)
            0.9f,
            nan,
            0.1f, // the label's logit is NaN
            0.9f,
            0.1f,
            nan // another logit is NaN
        };
        long[] labels = {0, 1, 0};
        assertThat(correct(logits, 3, labels, 1)).isZero();
        assertThat(correct(logits, 3, labels, 3)).isZero();
    }

    private static double correct(float[] logits, int classes, long[] labels, int k) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray matrix = manager.create(logits, new Shape(labels.length, classes));
            return HostReads.scalar(TopK.correct(matrix, manager.create(labels), k));
        }
    }
}
