package dev.cnnlab.study;

import java.util.List;
import java.util.Optional;

/**
 * A study's time left, priced by what its finished cells cost: seconds per unit of compute, where
 * a cell's compute is its network's forward FLOPs per image × training images × epochs. So a
 * finished proxy cell prices a target cell of four times its FLOPs at four times its seconds.
 */
public final class StudyEta {

    /** A finished cell: its compute and the wall seconds it took. */
    public record Spent(double compute, double seconds) {}

    private final double secondsPerCompute;

    private StudyEta(double secondsPerCompute) {
        this.secondsPerCompute = secondsPerCompute;
    }

    /**
     * The pace of the finished cells: their seconds over their compute, pooled (a long cell
     * weighs as much as it cost). Empty before the first cell finishes.
     */
    public static Optional<StudyEta> measured(List<Spent> finished) {
        double compute = finished.stream().mapToDouble(Spent::compute).sum();
        double seconds = finished.stream().mapToDouble(Spent::seconds).sum();
        return compute > 0 && seconds > 0 ? Optional.of(new StudyEta(seconds / compute)) : Optional.empty();
    }

    public double secondsPerCompute() {
        return secondsPerCompute;
    }

    /** Seconds for cells of {@code compute} at the measured pace. */
    public double seconds(double compute) {
        return compute * secondsPerCompute;
    }

    /**
     * Seconds until the study is done: the running cells' own estimates ({@code runningSeconds}),
     * plus the cells still to start priced at the measured pace, shared over {@code parallel}
     * cells trained at once (the workers or job-array tasks seen running; at least one).
     */
    public double remaining(double runningSeconds, double waitingCompute, int parallel) {
        return (runningSeconds + seconds(waitingCompute)) / Math.max(1, parallel);
    }
}
