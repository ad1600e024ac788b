package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnlab.data.Batch;
import dev.cnnlab.data.BatchLoader;
import dev.cnnlab.data.ChannelStats;
import dev.cnnlab.data.Cifar100Split;

/**
 * Test-set evaluation: batch norm in inference mode, no augmentation, and no gradient recording
 * (libtorch's grad mode is off outside a gradient collector, so no graph is built); optionally
 * also with horizontal-flip test-time augmentation.
 */
public final class Evaluator {

    private static final int CLASSES = Cifar100Split.FINE_CLASSES;

    private Evaluator() {}

    /** Loss, top-1 and top-5 of {@code net} on {@code split}. */
    public static Evaluation evaluate(Block net, ParameterStore parameters, NDManager manager,
            Cifar100Split split, ChannelStats stats, int batchSize, int workers, boolean alsoFlip) {
        double lossSum = 0;
        int top1 = 0;
        int top5 = 0;
        int flipTop1 = 0;
        try (BatchLoader loader = BatchLoader.builder().setSplit(split).setStats(stats)
                .setBatchSize(batchSize).optWorkers(workers).build()) {
            while (loader.hasNext()) {
                Batch batch = loader.next();
                try (NDManager scope = manager.newSubManager()) {
                    int n = batch.size();
                    NDArray logits = TrainStep.infer(net, parameters, scope, batch.images(), n);
                    NDArray labels = scope.create(batch.labels()).toType(DataType.INT64, false);
                    lossSum += SoftTargetCrossEntropy.sum(logits, labels.oneHot(CLASSES)).getFloat();
                    float[] values = logits.toFloatArray();
                    top1 += TopK.correct(values, CLASSES, batch.labels(), 1);
                    top5 += TopK.correct(values, CLASSES, batch.labels(), 5);
                    if (alsoFlip) {
                        NDArray mirrored = TrainStep.inferMirrored(net, parameters, scope, batch.images(), n);
                        float[] mean = logits.add(mirrored).toFloatArray();
                        flipTop1 += TopK.correct(mean, CLASSES, batch.labels(), 1);
                    }
                } finally {
                    batch.release();
                }
            }
        }
        int n = split.size();
        return new Evaluation(lossSum / n, 100.0 * top1 / n, 100.0 * top5 / n, n, alsoFlip ? 100.0 * flipTop1 / n : null);
    }
}
