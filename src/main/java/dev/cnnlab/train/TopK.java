package dev.cnnlab.train;

/** Counts of correct top-k predictions from a row-major (batch, classes) logit matrix. */
final class TopK {

    private TopK() {}

    /** How many rows have their label among the k highest logits (ties count against). */
    static int correct(float[] logits, int classes, int[] labels, int k) {
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            int offset = row * classes;
            float target = logits[offset + labels[row]];
            int higher = 0;
            for (int c = 0; c < classes && higher < k; c++) {
                if (logits[offset + c] > target) {
                    higher++;
                }
            }
            if (higher < k) {
                correct++;
            }
        }
        return correct;
    }
}
