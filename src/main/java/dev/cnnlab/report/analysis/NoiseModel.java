package dev.cnnlab.report.analysis;

import dev.cnnlab.report.load.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * The seed-to-seed noise of one run's final top-1, which the bootstrap uses for cells that have
 * a single seed (a lone value cannot be resampled) and which sizes "seeds needed".
 *
 * <p>Measured when some cells have two or more seeds: the pooled sample standard deviation over
 * those cells (each cell's variance weighted by its degrees of freedom). Otherwise assumed:
 * {@link #ASSUMED_STD} points, a typical seed-to-seed spread of ResNets' final CIFAR-100 top-1,
 * and labelled as an assumption everywhere it is used.
 *
 * @param std the standard deviation of one run's final top-1, points
 * @param measured whether {@code std} was measured (else assumed)
 * @param cells cells it was pooled over (0 when assumed)
 * @param degreesOfFreedom sum of (seeds - 1) over those cells
 */
public record NoiseModel(double std, boolean measured, int cells, int degreesOfFreedom) {

    /** Assumed seed-to-seed std of one run's final CIFAR-100 top-1, in points. */
    public static final double ASSUMED_STD = 0.3;

    /** The noise measured from the cells of {@code evidence} that have two or more seeds, else assumed. */
    public static NoiseModel of(Evidence evidence) {
        double sumSquares = 0;
        int df = 0;
        int cells = 0;
        for (String fidelity : evidence.fidelityNames()) {
            for (String set : evidence.sets()) {
                List<Evidence.Observation> runs = evidence.cell(fidelity, set);
                if (runs.size() >= 2) {
                    double mean = runs.stream()
                            .mapToDouble(Evidence.Observation::top1)
                            .average()
                            .orElseThrow();
                    sumSquares += runs.stream()
                            .mapToDouble(o -> (o.top1() - mean) * (o.top1() - mean))
                            .sum();
                    df += runs.size() - 1;
                    cells++;
                }
            }
        }
        if (df == 0) {
            return new NoiseModel(ASSUMED_STD, false, 0, 0);
        }
        return new NoiseModel(Math.sqrt(sumSquares / df), true, cells, df);
    }

    /** One sentence: the value and where it comes from. */
    public String describe() {
        return measured
                ? String.format(
                        Locale.ROOT,
                        "seed-to-seed standard deviation %.2f points, measured (pooled over %d cells"
                                + " with 2 or more seeds, %d degrees of freedom)",
                        std,
                        cells,
                        degreesOfFreedom)
                : String.format(
                        Locale.ROOT,
                        "seed-to-seed standard deviation %.2f points, ASSUMED (no cell has two seeds,"
                                + " so the noise cannot be measured; run 2 or more seeds to measure it)",
                        std);
    }
}
