package dev.cnnlab.study;

/**
 * Pick on the proxy, confirm on the target: every technique set trains on {@code from}; then the
 * baseline and the {@code keep} sets with the best mean gain on {@code from} train on {@code to}.
 * The other sets' {@code to} cells are "not promoted" and never run (unless the study is run
 * with {@code --no-promote}, which trains the full grid).
 *
 * @param from the fidelity every set trains on first (the proxy)
 * @param to the fidelity only promoted sets train on (usually the target)
 * @param keep how many non-baseline sets are promoted
 */
public record Promotion(String from, String to, Integer keep) {

    public Promotion {
        if (from == null || to == null) {
            throw new IllegalArgumentException("'promote' needs 'from' and 'to' (fidelity names)");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "'promote' must go from one fidelity to another, got '" + from + "' twice");
        }
        keep = keep == null ? 1 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("'keep' must be >= 1, got " + keep);
        }
    }
}
