package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated studies with known true gains: 4 fidelities × 5 sets (a baseline and 4 others), the
 * given seeds per cell, 200 studies per case. The 95% interval of every gain must cover the truth
 * in 90-99% of them, in each noise scenario; where one set or one fidelity is noisier, its own
 * coverage is counted separately and held to the same bounds; with a within-seed correlation of
 * 0.6, paired intervals must also be at least 25% narrower than unpaired ones on the same numbers.
 */
class IntervalCoverageTest {

    static final int STUDIES = 200;
    static final List<String> FIDELITIES = List.of("A", "B", "C", "T");
    static final List<String> SETS = List.of("baseline", "s1", "s2", "s3", "s4");
    static final double SIGMA = 0.5;

    /** How seed noise differs between cells. */
    enum Scenario {
        /** Every run: sd 0.5. */
        EQUAL,
        /** Set s2: 5 times the sd of the others. */
        NOISY_SET,
        /** The proxies A, B, C: sd 1.0; the target T: sd 0.2. */
        NOISY_PROXY,
        /** A seed effect shared by all sets of a fidelity: within-seed correlation 0.6. */
        CORRELATED;

        double sd(int fidelity, int set) {
            return switch (this) {
                case EQUAL, CORRELATED -> SIGMA;
                case NOISY_SET -> set == 2 ? 5 * SIGMA : SIGMA;
                case NOISY_PROXY -> fidelity == 3 ? 0.2 : 1.0;
            };
        }
    }

    static double trueGain(int fidelity, int set) {
        return set == 0 ? 0 : 0.6 * set - 0.3 * fidelity;
    }

    /**
     * One simulated study. {@code unpaired}: each set's seeds get their own labels, so nothing
     * pairs (the same numbers, analysed as unpaired).
     */
    static Evidence study(Random random, Scenario scenario, int seeds, boolean unpaired) {
        List<Evidence.Observation> runs = new ArrayList<>();
        for (int f = 0; f < FIDELITIES.size(); f++) {
            double[] seedEffect = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                seedEffect[s] = scenario == Scenario.CORRELATED ? Math.sqrt(0.6) * SIGMA * random.nextGaussian() : 0;
            }
            for (int t = 0; t < SETS.size(); t++) {
                for (int s = 0; s < seeds; s++) {
                    double noise = scenario == Scenario.CORRELATED
                            ? seedEffect[s] + Math.sqrt(0.4) * SIGMA * random.nextGaussian()
                            : scenario.sd(f, t) * random.nextGaussian();
                    runs.add(new Evidence.Observation(
                            FIDELITIES.get(f),
                            SETS.get(t),
                            unpaired ? 1000L * t + s : s,
                            50 + 5 * f + trueGain(f, t) + noise,
                            List.of(),
                            List.of(),
                            OptionalDouble.empty()));
                }
            }
        }
        return new Evidence(infos(), SETS, "baseline", "T", "last", runs);
    }

    static List<Evidence.FidelityInfo> infos() {
        return FIDELITIES.stream()
                .map(f -> new Evidence.FidelityInfo(f, OptionalInt.empty(), List.of(), OptionalDouble.empty(), ""))
                .toList();
    }

    /** Covered and total counts, overall and for the scenario's odd group (noisy set / noisy proxies), and widths. */
    record Coverage(int covered, int total, int oddCovered, int oddTotal, double meanWidth) {
        double share() {
            return (double) covered / total;
        }

        double oddShare() {
            return (double) oddCovered / oddTotal;
        }
    }

    static Coverage coverage(Scenario scenario, int seeds, boolean unpaired, long simulationSeed) {
        Random random = new Random(simulationSeed);
        int covered = 0;
        int total = 0;
        int oddCovered = 0;
        int oddTotal = 0;
        double width = 0;
        for (int study = 0; study < STUDIES; study++) {
            Evidence evidence = study(random, scenario, seeds, unpaired);
            GainModel model = new GainModel(evidence, 1, study);
            for (GainEstimate g : GainEstimate.all(model)) {
                int f = FIDELITIES.indexOf(g.fidelity());
                int t = SETS.indexOf(g.set());
                double truth = trueGain(f, t);
                boolean hit = g.gain().low().getAsDouble() <= truth
                        && truth <= g.gain().high().getAsDouble();
                covered += hit ? 1 : 0;
                total++;
                width += g.gain().high().getAsDouble() - g.gain().low().getAsDouble();
                boolean odd = scenario == Scenario.NOISY_SET ? t == 2 : scenario == Scenario.NOISY_PROXY && f == 3;
                if (odd) {
                    oddCovered += hit ? 1 : 0;
                    oddTotal++;
                }
            }
        }
        return new Coverage(covered, total, oddCovered, oddTotal, width / total);
    }

    @ParameterizedTest(name = "{0}, {1} seeds")
    @CsvSource({
        "EQUAL, 2", "EQUAL, 3", "EQUAL, 5", "EQUAL, 10",
        "NOISY_SET, 2", "NOISY_SET, 3", "NOISY_SET, 5", "NOISY_SET, 10",
        "NOISY_PROXY, 2", "NOISY_PROXY, 3", "NOISY_PROXY, 5", "NOISY_PROXY, 10",
        "CORRELATED, 2", "CORRELATED, 3", "CORRELATED, 5", "CORRELATED, 10"
    })
    void ninetyFivePercentIntervalsCoverTheTrueGain(Scenario scenario, int seeds) {
        Coverage c = coverage(scenario, seeds, false, 1000L * scenario.ordinal() + seeds);
        System.out.printf(
                "%s, %d seeds: coverage %.3f of %d%s%n",
                scenario,
                seeds,
                c.share(),
                c.total(),
                c.oddTotal() > 0 ? String.format(" (odd group %.3f of %d)", c.oddShare(), c.oddTotal()) : "");
        assertThat(c.share()).isBetween(0.90, 0.99);
        if (c.oddTotal() > 0) {
            assertThat(c.oddShare()).as("the noisier group's own coverage").isBetween(0.90, 0.99);
        }
        if (scenario == Scenario.CORRELATED) {
            Coverage unpaired = coverage(scenario, seeds, true, 1000L * scenario.ordinal() + seeds);
            System.out.printf(
                    "  paired width %.3f, unpaired %.3f (ratio %.2f)%n",
                    c.meanWidth(), unpaired.meanWidth(), c.meanWidth() / unpaired.meanWidth());
            assertThat(c.meanWidth()).isLessThanOrEqualTo(0.75 * unpaired.meanWidth());
        }
    }
}
