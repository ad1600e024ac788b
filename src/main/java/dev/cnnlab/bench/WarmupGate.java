package dev.cnnlab.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Decides when warm-up is over: after the asked-for iterations, once the JVM's JIT compiler has
 * gone quiet, but never more than {@link #MAX_EXTRA} iterations later.
 *
 * <p>Why wait for the compiler: on a 2-core machine a compiler thread at work takes a core from
 * one of libtorch's two threads, and every parallel kernel then waits for the slower one. Measured
 * on ResNet-29 (2 cores): timed steps 5-10 ran at about 300 img/s while C2 was still compiling,
 * about 390 img/s after it, so a short fixed warm-up measured the JVM's first seconds, not the
 * hours of a real run. Quiet means: JIT compile time under {@link #QUIET_SHARE} of the wall time
 * for {@link #QUIET_ITERATIONS} iterations and {@link #QUIET_SECONDS} in a row. The time matters
 * at small batches: at batch 8 an iteration takes ~7-25 ms, and three of them passed as quiet
 * while C2 had yet to compile the hot paths (inference then measured at 0.68x PyTorch, against
 * about parity once compiled). The cap is time too: at most {@link #MAX_EXTRA_SECONDS} more.
 */
final class WarmupGate {

    static final double QUIET_SHARE = 0.02;
    static final int QUIET_ITERATIONS = 3;
    static final double QUIET_SECONDS = 1.0;
    static final double MAX_EXTRA_SECONDS = 20.0;

    private final int minimum;
    private final LongSupplier compileMillis;
    private int seen;
    private int quietInARow;
    private long quietNanos;
    /** When the minimum was reached (-1 before). */
    private long minimumReachedNanos = -1;

    private boolean warm;
    private long lastCompileMillis = -1;
    private long lastNanos;

    /**
     * @param minimum untimed iterations to run in any case
     * @param compileMillis total JIT compile time so far, in ms; null when the JVM cannot tell,
     *     and then warm-up is exactly {@code minimum} iterations
     */
    WarmupGate(int minimum, LongSupplier compileMillis) {
        this.minimum = minimum;
        this.compileMillis = compileMillis;
    }

    /** A gate that watches this JVM's compiler, or a fixed warm-up where told not to or unable. */
    static WarmupGate forThisJvm(int minimum, boolean waitForJit) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canWatch = jit != null && jit.isCompilationTimeMonitoringSupported();
        return new WarmupGate(minimum, waitForJit && canWatch ? jit::getTotalCompilationTime : null);
    }

    /**
     * Called before each iteration with the current time.
     *
     * @return whether that iteration is timed (warm-up is over)
     */
    boolean beforeIteration(long nowNanos) {
        if (warm) {
            return true;
        }
        if (compileMillis == null) {
            warm = seen >= minimum;
        } else {
            long compiled = compileMillis.getAsLong();
            if (lastCompileMillis >= 0) {
                long elapsed = Math.max(1, nowNanos - lastNanos);
                boolean quiet = (compiled - lastCompileMillis) * 1e6 / elapsed <= QUIET_SHARE;
                quietInARow = quiet ? quietInARow + 1 : 0;
                quietNanos = quiet ? quietNanos + elapsed : 0;
            }
            lastCompileMillis = compiled;
            lastNanos = nowNanos;
            if (seen >= minimum && minimumReachedNanos < 0) {
                minimumReachedNanos = nowNanos;
            }
            boolean quietLongEnough = quietInARow >= QUIET_ITERATIONS && quietNanos >= QUIET_SECONDS * 1e9;
            boolean capped = minimumReachedNanos >= 0 && nowNanos - minimumReachedNanos >= MAX_EXTRA_SECONDS * 1e9;
            warm = seen >= minimum && (quietLongEnough || capped);
        }
        if (!warm) {
            seen++;
        }
        return warm;
    }

    /** Untimed iterations so far (all of them, once warm). */
    int warmupIterations() {
        return seen;
    }
}
