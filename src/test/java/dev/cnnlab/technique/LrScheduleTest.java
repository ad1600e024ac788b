package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LrScheduleTest {

    @Test
    void multiStepDecaysAtTheMilestonesOfTheReferenceProtocol() {
        LrSchedule schedule = LrSchedule.multiStep(0.1, List.of(80, 120), 0.1);
        assertThat(schedule.lr(0)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.lr(79)).isCloseTo(0.1, within(1e-12));
        assertThat(schedule.lr(80)).isCloseTo(0.01, within(1e-12));
        assertThat(schedule.lr(119)).isCloseTo(0.01, within(1e-12));
        assertThat(schedule.lr(120)).isCloseTo(0.001, within(1e-12));
        assertThat(schedule.lr(159)).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void cosineAnnealsToZeroAndWarmupClimbsLinearly() {
        LrSchedule cosine = LrSchedule.cosine(0.1, 100);
        assertThat(cosine.lr(0)).isCloseTo(0.1, within(1e-12));
        assertThat(cosine.lr(50)).isCloseTo(0.05, within(1e-12));
        assertThat(cosine.lr(25)).isCloseTo(0.05 * (1 + Math.cos(Math.PI / 4)), within(1e-12));
        assertThat(cosine.lr(100)).isCloseTo(0.0, within(1e-12));

        LrSchedule warm = LrSchedule.multiStep(0.1, List.of(80), 0.1).withWarmup(5);
        assertThat(warm.lr(0)).isCloseTo(0.0, within(1e-12));
        assertThat(warm.lr(2.5)).isCloseTo(0.05, within(1e-12));
        assertThat(warm.lr(5)).isCloseTo(0.1, within(1e-12));
        assertThat(warm.lr(80)).isCloseTo(0.01, within(1e-12));
        assertThat(LrSchedule.cosine(0.1, 10).withWarmup(0).lr(0)).isEqualTo(0.1);
    }
}
