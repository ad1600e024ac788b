package dev.cnnlab.bench;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.Precision;
import java.util.List;

/**
 * What to measure.
 *
 * @param depth network depth (9n+2)
 * @param resolution the side images are resampled to (0 = the data's, 32 for synthetic input)
 * @param techniques the techniques switched on (structural ones shape the network, mixup mixes the batches)
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
        String family,
        double widen,
        List<TechniqueSpec> techniques,
        int batchSize,
        int iterations,
        int warmup,
        boolean waitForJit,
        boolean synthetic,
        Mode mode,
        int threads,
        Integer flopsPerCycle,
        Precision precision,
        int resolution) {

    /** Training steps, inference passes, or both (in that order, in one process). */
    public enum Mode {
        TRAIN,
        INFER,
        BOTH
    }

    public BenchConfig {
        techniques = List.copyOf(techniques);
        model(family, depth, widen, 100); // validates depth, family and width (fields are not set yet here)
        if (resolution < 0) {
            throw new CnnlabException("bench --resolution must be >= 0 (0 = the data's), got " + resolution);
        }
        if (batchSize < 2
                || iterations < 1
                || warmup < 0
                || threads < 1
                || (flopsPerCycle != null && flopsPerCycle < 1)) {
            throw new CnnlabException(
                    "bench needs --batch-size >= 2, --iterations >= 1, --warmup >= 0, --threads >= 1, --flops-per-cycle >= 1");
        }
    }

    /** The network before techniques shape it, with {@code classes} outputs. */
    public ModelSpec baseModel(int classes) {
        return model(family, depth, widen, classes);
    }

    private static ModelSpec model(String family, int depth, double widen, int classes) {
        Family f = Family.of(family);
        if (f == null) {
            throw new CnnlabException("unknown --family '" + family + "': use bottleneck, basic or preact18");
        }
        return new ModelSpec(f, depth, widen, List.of(), classes);
    }
}
