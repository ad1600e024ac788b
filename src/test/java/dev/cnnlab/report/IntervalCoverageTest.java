package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Simulated studies with known true gains: the 95% bootstrap interval of a gain must cover the
 * truth in 90-99% of them. Each study has the shape of a fidelity study (4 fidelities x 4 sets,
 * the given seeds per cell); seed noise is normal with sd 0.5 points; the true gains differ per
 * fidelity and set. Coverage is counted over every gain of every study.
 */
class IntervalCoverageTest {

    private static final int STUDIES = 200;
    private static final double TRUE_GAIN = 0.8;
    private static final double NOISE = 0.5;

    static double coverage(int seeds, long simulationSeed) {
        Random random = new Random(simulationSeed);
        List<String> fidelities = List.of("A", "B", "C", "D");
        List<String> sets = List.of("baseline", "s1", "s2", "s3");
        int covered = 0;
        int gains = 0;
        for (int study = 0; study < STUDIES; study++) {
            List<Evidence.Observation> runs = new ArrayList<>();
            for (int f = 0; f < fidelities.size(); f++) {
                for (int t = 0; t < sets.size(); t++) {
                    for (int s = 0; s < seeds; s++) {
                        runs.add(new Evidence.Observation(
                                fidelities.get(f),
                                sets.get(t),
                                s,
                                50 + 5 * f + trueGain(f, t) + NOISE * random.nextGaussian(),
                                List.of(),
                                List.of(),
                                OptionalDouble.empty()));
                    }
                }
            }
            List<Evidence.FidelityInfo> infos = fidelities.stream()
                    .map(f -> new Evidence.FidelityInfo(f, OptionalInt.empty(), List.of(), OptionalDouble.empty(), ""))
                    .toList();
            Evidence evidence = new Evidence(infos, sets, "baseline", "D", "last", runs);
            SeedBootstrap bootstrap = new SeedBootstrap(evidence, NoiseModel.of(evidence), 1000, study);
            for (GainEstimate g : GainEstimate.all(evidence, bootstrap)) {
                double truth = trueGain(fidelities.indexOf(g.fidelity()), sets.indexOf(g.set()));
                gains++;
                if (g.gain().low().getAsDouble() <= truth
                        && truth <= g.gain().high().getAsDouble()) {
                    covered++;
                }
            }
        }
        return (double) covered / gains;
    }

    private static double trueGain(int fidelity, int set) {
        return set == 0 ? 0 : TRUE_GAIN * set - 0.3 * fidelity;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 10})
    void ninetyFivePercentIntervalsCoverTheTrueGain(int seeds) {
        double coverage = coverage(seeds, 42 + seeds);
        System.out.printf("seeds %d: coverage %.3f%n", seeds, coverage);
        assertThat(coverage).isBetween(0.90, 0.99);
    }
}
