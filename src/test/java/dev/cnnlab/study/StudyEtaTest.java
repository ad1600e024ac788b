package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The study ETA: finished cells' seconds per unit of compute x the compute still to do. */
class StudyEtaTest {

    @Test
    void pricesCellsOfOtherFidelitiesByTheirComputeAtTheFinishedCellsPace() {
        // proxy: 2 GFLOPs/image x 1,000 images x 2 epochs = 4e12; two finished, 40 s and 60 s
        double proxy = 2e9 * 1_000 * 2;
        // target: 8 GFLOPs/image x 500 images x 3 epochs = 1.2e13
        double target = 8e9 * 500 * 3;
        StudyEta eta = StudyEta.measured(List.of(new StudyEta.Spent(proxy, 40), new StudyEta.Spent(proxy, 60)))
                .orElseThrow();
        // 100 s over 8e12 = 1.25e-11 s per unit
        assertThat(eta.secondsPerCompute()).isCloseTo(1.25e-11, within(1e-20));
        assertThat(eta.seconds(proxy)).isCloseTo(50, within(1e-9));
        assertThat(eta.seconds(target)).isCloseTo(150, within(1e-9));
        // one proxy and one target left, a running cell with 30 s to go, two cells trained at once
        assertThat(eta.remaining(30, proxy + target, 2)).isCloseTo((30 + 50 + 150) / 2.0, within(1e-9));
    }

    @Test
    void unknownBeforeAnyCellFinished() {
        assertThat(StudyEta.measured(List.of())).isEmpty();
    }
}
