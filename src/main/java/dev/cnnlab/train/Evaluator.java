package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.cnnlab.data.Batch;
import dev.cnnlab.data.BatchLoader;
import dev.cnnlab.data.ChannelStats;
import dev.cnnlab.data.ImageSplit;
import dev.cnnlab.technique.EvaluationMetric;
import dev.cnnlab.torch.DeviceSum;
import java.util.ArrayList;
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

    private Evaluator() {}

    /** Loss, top-1, top-5 and the extra {@code metrics} of the network on {@code split}. */
    public static Evaluation evaluate(
            NetworkForward forward,
            NDManager manager,
            ImageSplit split,
            ChannelStats stats,
            int batchSize,
            int workers,
            List<EvaluationMetric> metrics) {
        // sums stay on the device until the end: one host read per total, none per batch
        DeviceSum lossSum = new DeviceSum(manager, 0);
        DeviceSum top1 = new DeviceSum(manager, 0);
        DeviceSum top5 = new DeviceSum(manager, 0);
        List<DeviceSum> extraCorrect = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            extraCorrect.add(new DeviceSum(manager, 0));
        }
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
                    NDArray logits = TrainStep.infer(forward, scope, batch.images(), n, batch.side());
                    NDArray labels = scope.create(batch.labels()).toType(DataType.INT64, false);
                    int classes = (int) logits.getShape().get(1);
                    lossSum.add(SoftTargetCrossEntropy.sum(logits, labels.oneHot(classes)));
                    top1.add(TopK.correct(logits, labels, 1));
                    // top-5 among all classes when there are fewer than 5 (it is then 100%)
                    top5.add(TopK.correct(logits, labels, Math.min(5, classes)));
                    EvaluationMetric.Batch evaluated = new EvaluatedBatch(forward, scope, batch, logits, labels);
                    for (int m = 0; m < metrics.size(); m++) {
                        extraCorrect.get(m).add(metrics.get(m).correct(evaluated));
                    }
                } finally {
                    batch.release();
                }
            }
        }
        int n = split.size();
        Map<String, Double> extra = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            extra.put(metrics.get(m).key(), 100.0 * readAndClose(extraCorrect.get(m)) / n);
        }
        return new Evaluation(
                readAndClose(lossSum) / n, 100.0 * readAndClose(top1) / n, 100.0 * readAndClose(top5) / n, n, extra);
    }

    private static double readAndClose(DeviceSum sum) {
        try (sum) {
            return sum.read();
        }
    }

    /** One test batch as an extra metric sees it. */
    private record EvaluatedBatch(NetworkForward forward, NDManager scope, Batch batch, NDArray logits, NDArray labels)
            implements EvaluationMetric.Batch {

        @Override
        public NDArray logitsOf(UnaryOperator<NDArray> transform) {
            return TrainStep.infer(forward, scope, batch.images(), batch.size(), batch.side(), transform);
        }

        @Override
        public NDArray top1Correct(NDArray someLogits) {
            return TopK.correct(someLogits, labels, 1);
        }
    }
}
