package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Power, seeds needed, quantiles: against scipy (src/test/resources/fixtures/paired_t_power.py) and by hand. */
class StatsTest {

    @Test
    void pairedTPowerMatchesScipysNoncentralT() {
        assertThat(Stats.pairedTPower(1, 1, 10, 0.05)).isCloseTo(0.803097, within(1e-5));
        assertThat(Stats.pairedTPower(0.5, 1, 2, 0.05)).isCloseTo(0.061949, within(1e-5));
        assertThat(Stats.pairedTPower(2, 1, 3, 0.05)).isCloseTo(0.470749, within(1e-5));
        assertThat(Stats.pairedTPower(0.3, 1, 50, 0.05)).isCloseTo(0.547657, within(1e-5));
        // the sign of the effect does not matter for a two-sided test
        assertThat(Stats.pairedTPower(-1, 1, 10, 0.05)).isCloseTo(0.803097, within(1e-5));
    }

    @Test
    void seedsNeededIsARangeOverTheInterval() {
        // scipy: 80% power at effect 2 needs 5 seeds, at 1 needs 10, at 0.5 needs 34 (sd 1)
        GainEstimate.SeedsNeeded s = GainEstimate.seedsNeeded(Estimate.interval(1.2, 0.5, 2.0), 1.0);
        assertThat(s.fewest()).isEqualTo(5);
        assertThat(s.most()).isEqualTo(OptionalInt.of(34));
        // an interval that includes 0: no number of seeds is sure to be enough
        GainEstimate.SeedsNeeded open = GainEstimate.seedsNeeded(Estimate.interval(0.4, -0.2, 1.0), 1.0);
        assertThat(open.fewest()).isEqualTo(10);
        assertThat(open.most()).isEmpty();
    }

    @Test
    void discreteQuantilesAreValuesTheStatisticTakes() {
        // tau over 3 sets takes -1, -1/3, 1/3, 1: an interpolated 2.5% quantile could fall between
        double[] sorted = new double[40];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i == 0 ? -1.0 / 3 : 1;
        }
        assertThat(Stats.quantile(sorted, 0.025)).isCloseTo(-1.0 / 3 + 0.975 * 4 / 3, within(1e-12));
        assertThat(Stats.discreteQuantile(sorted, 0.025)).isEqualTo(-1.0 / 3);
        assertThat(Stats.discreteQuantile(sorted, 0.975)).isEqualTo(1);
    }

    @Test
    void studentTQuantilesAndTheNormalLimit() {
        assertThat(Stats.tQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
        assertThat(Stats.tQuantile(0.975, 9)).isCloseTo(2.2622, within(1e-4));
        assertThat(Stats.tQuantile(0.975, Double.POSITIVE_INFINITY)).isCloseTo(1.95996, within(1e-5));
    }
}
