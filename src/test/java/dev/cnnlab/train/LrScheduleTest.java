package dev.cnnlab.train;

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
}
