package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The run's ETA from the first few batches of its first epoch, by hand-computed times. */
class RunEtaTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void knownAfterTheWarmUpBatchesOfTheFirstEpochNotOnlyAfterAnEpoch() {
        RunEta eta = new RunEta();
        eta.epochStarted(1, 3, 10);
        long t = 0;
        // a slow first batch (5 s: warm-up), then 1 s per batch
        eta.batchDone(1, t += 5 * SECOND);
        eta.batchDone(2, t += SECOND);
        eta.batchDone(3, t += SECOND);
        assertThat(eta.runSeconds()).as("only warm-up batches timed").isNaN();
        eta.batchDone(4, t += SECOND);
        // 1 s/batch from batch 3 on (the warm-up's 5 s left out): 6 batches left in epoch 1 + 2 x 10 batches
        assertThat(eta.epochSeconds()).isCloseTo(6, within(1e-9));
        assertThat(eta.runSeconds()).isCloseTo(26, within(1e-9));
        for (int b = 5; b <= 10; b++) {
            eta.batchDone(b, t += 2 * SECOND); // the rate halves: 2 s per batch
        }
        // rate from batch 3 on: (4 + 6 x 2 - ... ) = 1 + 12 = 13 s over 7 batches
        assertThat(eta.runSeconds()).isCloseTo(2 * 10 * 13.0 / 7, within(1e-9));
        eta.epochDone(t += 4 * SECOND); // a 4 s evaluation
        assertThat(eta.epochSeconds()).isZero();
        assertThat(eta.runSeconds()).isCloseTo(2 * (10 * 13.0 / 7 + 4), within(1e-9));

        // epoch 2: before its own warm-up is over, epoch 1's rate and evaluation price it
        eta.epochStarted(2, 3, 10);
        eta.batchDone(1, t += 9 * SECOND);
        assertThat(eta.runSeconds()).isCloseTo(9 * 13.0 / 7 + 4 + (10 * 13.0 / 7 + 4), within(1e-9));
    }
}
