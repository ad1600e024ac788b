package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.train.TrainConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmRestartsTest {

    /** The schedule a run with these techniques follows (base rate 0.1, 160 epochs, steps at 80/120). */
    private static LrSchedule schedule(TechniqueSpec... techniques) {
        TrainConfig config = TrainConfig.reference(29, List.of(techniques), 1);
        return TechniqueSet.of(List.of(techniques))
                .schedule(SchedulePlan.step(config.lr(), config.epochs(), config.lrMilestones(), config.lrGamma()))
                .schedule();
    }

    @Test
    void annealsOverEachCycleAndRestartsWithCyclesGrowingByTmult() {
        LrSchedule sgdr = schedule(TechniqueSpec.of(WarmRestarts.NAME)); // paper defaults: t0 10, tmult 2
        assertThat(sgdr.lr(0)).isCloseTo(0.1, within(1e-12));
        assertThat(sgdr.lr(5)).isCloseTo(0.05, within(1e-12));
        assertThat(sgdr.lr(10 - 1e-9)).isCloseTo(0.0, within(1e-9));
        assertThat(sgdr.lr(10)).isCloseTo(0.1, within(1e-12)); // restart
        assertThat(sgdr.lr(20)).isCloseTo(0.05, within(1e-12)); // middle of the 20-epoch second cycle
        assertThat(sgdr.lr(30)).isCloseTo(0.1, within(1e-12)); // third cycle: 40 epochs
        assertThat(sgdr.lr(30 + 10)).isCloseTo(0.05 * (1 + Math.cos(Math.PI / 4)), within(1e-12));
        assertThat(sgdr.lr(70)).isCloseTo(0.1, within(1e-12));

        LrSchedule even = schedule(new TechniqueSpec(WarmRestarts.NAME, java.util.Map.of("t0", 0.5, "tmult", 1.0)));
        assertThat(even.lr(0.25)).isCloseTo(0.05, within(1e-12));
        assertThat(even.lr(7.25)).isCloseTo(0.05, within(1e-12));
        assertThat(even.lr(7.5)).isCloseTo(0.1, within(1e-12));

        // a warm-up technique still goes in front and climbs to the restart curve
        LrSchedule warm = schedule(TechniqueSpec.of(WarmRestarts.NAME), TechniqueSpec.of(LrWarmup.NAME, "epochs", 2));
        assertThat(warm.lr(1)).isCloseTo(0.5 * sgdr.lr(2), within(1e-12));
        assertThat(warm.lr(12)).isCloseTo(sgdr.lr(12), within(1e-12));

        assertThatThrownBy(() -> TechniqueSet.of(List.of(TechniqueSpec.of(WarmRestarts.NAME, "tmult", 1.5))))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("tmult");
    }
}
