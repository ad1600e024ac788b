package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void countsLabelsAmongTheKHighestLogits() {
        float[] logits = {
            0.1f, 0.9f, 0.5f, 0.3f, // label 1 is top-1
            0.9f, 0.1f, 0.5f, 0.3f, // label 2 is second
            0.9f, 0.8f, 0.7f, 0.1f // label 3 is last
        };
        int[] labels = {1, 2, 3};
        assertThat(TopK.correct(logits, 4, labels, 1)).isEqualTo(1);
        assertThat(TopK.correct(logits, 4, labels, 2)).isEqualTo(2);
        assertThat(TopK.correct(logits, 4, labels, 3)).isEqualTo(2);
        assertThat(TopK.correct(logits, 4, labels, 4)).isEqualTo(3);
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
        int[] labels = {0, 1, 0};
        assertThat(TopK.correct(logits, 3, labels, 1)).isZero();
        assertThat(TopK.correct(logits, 3, labels, 3)).isZero();
    }
}
