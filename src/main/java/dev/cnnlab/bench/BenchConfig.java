package dev.cnnlab.bench;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.torch.Precision;

/**
 * What to measure.
 *
 * @param depth network depth (9n+2)
 * @param squeezeExcite with SE
 * @param mixupAlpha mixup alpha, or null for none
 * @param batchSize batch size
 * @param iterations timed iterations per mode
 * @param warmup untimed iterations before them, at least
 * @param waitForJit go on warming up until the JIT compiler is quiet (see {@link WarmupGate})
 * @param synthetic fixed random input instead of the real augmented data pipeline
 * @param mode what to measure
 * @param threads libtorch threads
 * @param flopsPerCycle FP32 FLOP per cycle per core assumed for the peak, or null to derive it from the CPU
 * @param precision compute precision
 */
public record BenchConfig(
        int depth,
        boolean squeezeExcite,
        Double mixupAlpha,
        int batchSize,
        int iterations,
        int warmup,
        boolean waitForJit,
        boolean synthetic,
        Mode mode,
        int threads,
        Integer flopsPerCycle,
        Precision precision) {

    /** Training steps, inference passes, or both (in that order, in one process). */
    public enum Mode {
        TRAIN,
        INFER,
        BOTH
    }

    public BenchConfig {
        ModelSpec.cifar100(depth, false);
        if (batchSize < 2
                || iterations < 1
                || warmup < 0
                || threads < 1
                || (flopsPerCycle != null && flopsPerCycle < 1)) {
            throw new CnnlabException(
                    "bench needs --batch-size >= 2, --iterations >= 1, --warmup >= 0, --threads >= 1, --flops-per-cycle >= 1");
        }
    }
}
