package dev.cnnlab.bench;

/**
 * Measures the clock the cores run at under load. /proc/cpuinfo reports the nominal (TSC) clock,
 * and in a VM nothing else: on the 2-core Zen 5 VM this was written on it says 2096 MHz while the
 * cores run at about 3400 MHz (a hand-written AVX-512 FMA loop retires 6.8 FMAs per ns per core,
 * two per cycle at 3.4 GHz). A peak built on the nominal clock would overstate efficiency by 1.6x.
 *
 * <p>The probe times a serial chain of two single-cycle integer operations per iteration
 * ({@code x += i ^ x}: the xor needs the last x, the add needs the xor). No core can overlap
 * the chain and the JIT cannot fold it, so the iterations per second are half the clock. The
 * fastest of several short rounds counts: interruptions only slow a round down. On cores that
 * lower their clock for wide vector work (older Intel AVX-512 parts) this is the higher scalar
 * clock, so the peak errs high and the efficiency reported against it errs low.
 */
final class CoreClock {

    private static final int ROUND_ITERATIONS = 4_000_000;
    private static final int WARMUP_ROUNDS = 30;
    private static final int TIMED_ROUNDS = 25;

    /** Where each chain's result goes, so that the JIT cannot drop the chain as unused. */
    private static volatile long sink;

    private CoreClock() {}

    /** The measured clock of the calling thread's core, in MHz. */
    static double measureMhz() {
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            sink = chain(ROUND_ITERATIONS, i); // lets the JIT compile the loop before it is timed
        }
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < TIMED_ROUNDS; i++) {
            long start = System.nanoTime();
            sink = chain(ROUND_ITERATIONS, i);
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return 2.0 * ROUND_ITERATIONS / fastest * 1000;
    }

    /** Two dependent single-cycle operations per iteration. */
    private static long chain(int iterations, long seed) {
        long x = seed;
        for (int i = 0; i < iterations; i++) {
            x += i ^ x;
        }
        return x;
    }
}
