package dev.cnnlab.train;

import java.util.Map;

/**
 * Test-set metrics of one evaluation pass.
 *
 * @param loss mean cross-entropy
 * @param top1 top-1 accuracy in percent
 * @param top5 top-5 accuracy in percent
 * @param images images evaluated
 * @param metrics the extra metrics asked for, in percent, by {@link dev.cnnlab.technique.EvaluationMetric#key()}
 */
public record Evaluation(double loss, double top1, double top5, int images, Map<String, Double> metrics) {

    public Evaluation {
        metrics = Metrics.copyOf(metrics);
    }
}
