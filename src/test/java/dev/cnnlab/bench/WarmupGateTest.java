package dev.cnnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmupGateTest {

    private static final long STEP = 300_000_000L; // a 300 ms iteration

    /** Runs iterations of STEP ns, the compiler adding compileMs[i] during iteration i; returns the warm-up length. */
    private static int warmupFor(WarmupGate gate, AtomicLong compiled, long... compileMs) {
        long now = 0;
        for (int i = 0; i < 200; i++) {
            if (gate.beforeIteration(now)) {
                return gate.warmupIterations();
            }
            compiled.addAndGet(i < compileMs.length ? compileMs[i] : 0);
            now += STEP;
        }
        throw new AssertionError("never warm");
    }

    @Test
    void waitsUntilTheCompilerHasBeenQuietForThreeIterations() {
        AtomicLong compiled = new AtomicLong();
        WarmupGate gate = new WarmupGate(2, compiled::get);
        // compiling hard for 6 iterations (100 ms each, a third of the wall time), then quiet
        int warmup = warmupFor(gate, compiled, 100, 100, 100, 100, 100, 100);
        assertThat(warmup).isEqualTo(6 + WarmupGate.QUIET_ITERATIONS);
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
        long[] busy = new long[200];
        java.util.Arrays.fill(busy, 50);
        assertThat(warmupFor(gate, compiled, busy)).isEqualTo(4 + WarmupGate.MAX_EXTRA);
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
