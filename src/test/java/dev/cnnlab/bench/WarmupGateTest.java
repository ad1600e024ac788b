package dev.cnnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupGateTest {

    private static final long STEP = 300_000_000L; // a 300 ms iteration

    /** Runs iterations of STEP ns, the compiler adding compileMs[i] during iteration i; returns the warm-up length. */
    private static int warmupFor(WarmupGate gate, AtomicLong compiled, long... compileMs) {
        return warmupWithSteps(gate, compiled, STEP, compileMs);
    }

    private static int warmupWithSteps(WarmupGate gate, AtomicLong compiled, long step, long... compileMs) {
        long now = 0;
        for (int i = 0; i < 10_000; i++) {
            if (gate.beforeIteration(now)) {
                return gate.warmupIterations();
            }
            compiled.addAndGet(i < compileMs.length ? compileMs[i] : 0);
            now += step;
        }
        throw new AssertionError("never warm");
    }

    @Test
    void waitsUntilTheCompilerHasBeenQuietForASecondAndThreeIterations() {
        AtomicLong compiled = new AtomicLong();
        WarmupGate gate = new WarmupGate(2, compiled::get);
        // compiling hard for 6 iterations (100 ms each, a third of the wall time), then quiet:
        // three quiet 300 ms iterations are 0.9 s, the fourth makes the second
        int warmup = warmupFor(gate, compiled, 100, 100, 100, 100, 100, 100);
        assertThat(warmup).isEqualTo(6 + 4);
    }

    @Test
    void shortIterationsMustStayQuietForASecondNotJustThreeIterations() {
        AtomicLong compiled = new AtomicLong();
        WarmupGate gate = new WarmupGate(5, compiled::get);
        // 10 ms iterations (a batch of 8) with a 2 ms compile every 10th: 2% over that stretch
        // but 20% in the iteration that has it, so it is never quiet for a whole second
        long[] trickle = new long[500];
        for (int i = 0; i < trickle.length; i += 10) {
            trickle[i] = 2;
        }
        int warmup = warmupWithSteps(gate, compiled, 10_000_000L, trickle);
        // the last compile happens in iteration 490, so 491 is the first quiet one: a second (100
        // iterations) later it is warm; three quiet iterations alone would have ended it at 494
        assertThat(warmup).isEqualTo(491 + 100);
    }

    @Test
    void aLittleCompilationCountsAsQuiet() {
        AtomicLong compiled = new AtomicLong();
        WarmupGate gate = new WarmupGate(5, compiled::get);
        // 3 ms in a 300 ms iteration is 1%: quiet from the start, so the minimum decides
        int warmup = warmupFor(gate, compiled, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(warmup).isEqualTo(5);
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        AtomicLong compiled = new AtomicLong();
        WarmupGate gate = new WarmupGate(4, compiled::get);
        long[] busy = new long[400];
        java.util.Arrays.fill(busy, 50);
        // 20 s after the minimum, at 300 ms an iteration
        assertThat(warmupFor(gate, compiled, busy)).isEqualTo(4 + (int) Math.ceil(WarmupGate.MAX_EXTRA_SECONDS / 0.3));
    }

    @Test
    void withoutACompilerClockTheWarmupIsExactlyTheMinimum() {
        assertThat(warmupFor(new WarmupGate(7, null), new AtomicLong(), 100, 100, 100))
                .isEqualTo(7);
        assertThat(warmupFor(new WarmupGate(0, null), new AtomicLong())).isZero();
    }

    @Test
    void timedIterationsStayTimed() {
        WarmupGate gate = new WarmupGate(0, null);
        assertThat(gate.beforeIteration(0)).isTrue();
        assertThat(gate.beforeIteration(STEP)).isTrue();
        assertThat(gate.warmupIterations()).isZero();
    }
}
