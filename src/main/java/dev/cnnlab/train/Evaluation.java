package dev.cnnlab.train;

/**
 * Test-set metrics of one evaluation pass.
 *
 * @param loss mean cross-entropy
 * @param top1 top-1 accuracy in percent
 * @param top5 top-5 accuracy in percent
 * @param images images evaluated
 * @param flipTop1 top-1 of the mean logits of each image and its mirror image (null if not asked)
 */
public record Evaluation(double loss, double top1, double top5, int images, Double flipTop1) {}
