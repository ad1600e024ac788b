package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SeedBootstrapTest {

    /** Two fidelities x two sets x 3 seeds at mean +- 0.3, one single-seed cell. */
    private static Evidence evidence() {
        List<Evidence.Observation> runs = new ArrayList<>();
        for (String fidelity : List.of("A", "B")) {
            for (String set : List.of("base", "t")) {
                double mean = (fidelity.equals("A") ? 50 : 60) + (set.equals("t") ? 1 : 0);
                int seeds = fidelity.equals("B") && set.equals("t") ? 1 : 3;
                for (int s = 0; s < seeds; s++) {
                    double value = seeds == 1 ? mean : mean + (s - 1) * 0.3;
                    runs.add(new Evidence.Observation(
                            fidelity, set, s, value, List.of(), List.of(), OptionalDouble.empty()));
                }
            }
        }
        List<Evidence.FidelityInfo> infos = List.of("A", "B").stream()
                .map(f -> new Evidence.FidelityInfo(f, OptionalInt.empty(), List.of(), OptionalDouble.empty(), ""))
                .toList();
        return new Evidence(infos, List.of("base", "t"), "base", "B", "test", runs);
    }

    @Test
    void theSameRngSeedGivesTheSameResamplesAndAnotherSeedOthers() {
        Evidence evidence = evidence();
        NoiseModel noise = NoiseModel.of(evidence);
        SeedBootstrap a = new SeedBootstrap(evidence, noise);
        SeedBootstrap b = new SeedBootstrap(evidence, noise);
        SeedBootstrap other = new SeedBootstrap(evidence, noise, SeedBootstrap.RESAMPLES, SeedBootstrap.RNG_SEED + 1);
        int differ = 0;
        for (int r = 0; r < a.resamples(); r++) {
            assertThat(a.resampledMean(r, "A", "t", 0)).isEqualTo(b.resampledMean(r, "A", "t", 0));
            assertThat(a.resampledMean(r, "B", "t", 0)).isEqualTo(b.resampledMean(r, "B", "t", 0));
            if (a.resampledMean(r, "A", "t", 0) != other.resampledMean(r, "A", "t", 0)) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(a.resamples() / 2);
    }

    @Test
    void resampledMeansHaveTheSeedNoiseOfAMeanOfNRuns() {
        Evidence evidence = evidence();
        NoiseModel noise = NoiseModel.of(evidence);
        // residuals -0.3, 0, +0.3 in three cells with 2 df each: s = sqrt(3 * 0.18 / 6) = 0.3
        assertThat(noise.measured()).isTrue();
        assertThat(noise.std()).isCloseTo(0.3, within(1e-9));
        SeedBootstrap bootstrap = new SeedBootstrap(evidence, noise);
        // a mean of 3 runs: sd 0.3 / sqrt(3) = 0.173; the single-seed cell draws one residual: sd 0.3
        assertThat(sd(bootstrap, "A", "t")).isCloseTo(0.3 / Math.sqrt(3), within(0.015));
        assertThat(sd(bootstrap, "B", "t")).isCloseTo(0.3, within(0.02));
        assertThat(bootstrap.pureSeedBootstrap()).isTrue();
    }

    private static double sd(SeedBootstrap bootstrap, String fidelity, String set) {
        double[] values = new double[bootstrap.resamples()];
        for (int r = 0; r < values.length; r++) {
            values[r] = bootstrap.resampledMean(r, fidelity, set, 0);
        }
        return new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(values).getStandardDeviation();
    }
}
