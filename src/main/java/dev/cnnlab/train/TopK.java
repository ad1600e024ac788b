package dev.cnnlab.train;

/** Counts of correct top-k predictions from a row-major (batch, classes) logit matrix. */
final class TopK {

    private TopK() {}

    /**
     * How many rows have their label among the k highest logits. A NaN logit anywhere in a row
     * makes the row wrong (NaN compares false with everything, which would otherwise count it right).
     */
    static int correct(float[] logits, int classes, int[] labels, int k) {
        int correct = 0;
        for (int row = 0; row < labels.length; row++) {
            int offset = row * classes;
            float target = logits[offset + labels[row]];
            int higher = 0;
            boolean nan = false;
            for (int c = 0; c < classes; c++) {
                float logit = logits[offset + c];
                nan |= Float.isNaN(logit);
                if (logit > target) {
                    higher++;
                }
            }
            if (!nan && higher < k) {
                correct++;
            }
        }
        return correct;
    }
}
