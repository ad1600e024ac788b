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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test-set evaluation: batch norm in inference mode, no augmentation, and no gradient recording
 * (libtorch's grad mode is off outside a gradient collector, so no graph is built); plus whatever
 * extra metrics evaluation techniques ask for, computed on the same batches.
 */
public final class Evaluator {

    private static final int CLASSES = Cifar100Split.FINE_CLASSES;

    private Evaluator() {}

    /** Loss, top-1, top-5 and the extra {@code metrics} of {@code net} on {@code split}. */
    public static Evaluation evaluate(
            Block net,
            ParameterStore parameters,
            NDManager manager,
            Cifar100Split split,
            ChannelStats stats,
            int batchSize,
            int workers,
            List<EvaluationMetric> metrics) {
        double lossSum = 0;
        int top1 = 0;
        int top5 = 0;
        int[] extraCorrect = new int[metrics.size()];
        try (BatchLoader loader = BatchLoader.builder()
                .setSplit(split)
                .setStats(stats)
                .setBatchSize(batchSize)
                .optWorkers(workers)
                .build()) {
            while (loader.hasNext()) {
                Batch batch = loader.next();
                try (NDManager scope = manager.newSubManager()) {
                    int n = batch.size();
                    NDArray logits = TrainStep.infer(net, parameters, scope, batch.images(), n);
                    NDArray labels = scope.create(batch.labels()).toType(DataType.INT64, false);
                    lossSum += SoftTargetCrossEntropy.sum(logits, labels.oneHot(CLASSES))
                            .getFloat();
                    float[] values = logits.toFloatArray();
                    top1 += TopK.correct(values, CLASSES, batch.labels(), 1);
                    top5 += TopK.correct(values, CLASSES, batch.labels(), 5);
                    EvaluationMetric.Batch evaluated = new EvaluatedBatch(net, parameters, scope, batch, logits);
                    for (int m = 0; m < metrics.size(); m++) {
                        extraCorrect[m] += metrics.get(m).correct(evaluated);
                    }
                } finally {
                    batch.release();
                }
            }
        }
        int n = split.size();
        Map<String, Double> extra = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            extra.put(metrics.get(m).key(), 100.0 * extraCorrect[m] / n);
        }
        return new Evaluation(lossSum / n, 100.0 * top1 / n, 100.0 * top5 / n, n, extra);
    }

    /** One test batch as an extra metric sees it. */
    private record EvaluatedBatch(Block net, ParameterStore parameters, NDManager scope, Batch batch, NDArray logits)
            implements EvaluationMetric.Batch {

        @Override
        public NDArray logitsOf(UnaryOperator<NDArray> transform) {
            return TrainStep.infer(net, parameters, scope, batch.images(), batch.size(), transform);
        }

        @Override
        public int top1Correct(NDArray someLogits) {
            return TopK.correct(someLogits.toFloatArray(), CLASSES, batch.labels(), 1);
        }
    }
}
