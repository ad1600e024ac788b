package dev.cnnlab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cnnlab.data.ImageSplit;
import dev.cnnlab.technique.BatchMixer;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.torch.DeviceSum;
import dev.cnnlab.torch.HostReads;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * One optimisation step on one batch: targets, technique mixing, forward, loss, backward, update.
 * The trainer and the benchmark both use it, so what is measured is what trains.
 */
public final class TrainStep {

    private static final int CHANNELS = ImageSplit.CHANNELS;

    private final NetworkForward forward;
    private final SgdOptimizer optimizer;
    private final TechniqueSet techniques;
    private final int side;
    private final int classes;

    /**
     * @param side width and height of the images it trains on
     * @param classes the network's outputs
     */
    public TrainStep(NetworkForward forward, SgdOptimizer optimizer, TechniqueSet techniques, int side, int classes) {
        this.forward = forward;
        this.optimizer = optimizer;
        this.techniques = techniques;
        this.side = side;
        this.classes = classes;
    }

    /**
     * Trains on one batch and updates the weights.
     *
     * @param manager parent of the step's arrays (all closed before returning)
     * @param images n NHWC float images in a direct native-order buffer (used without copying)
     * @param labels class labels
     * @param lr learning rate
     * @param mixRandom the batch's own stream for mixing techniques
     * @param targetMass where the batch's target mass on the predicted classes (its correct
     *     predictions, for hard labels) is added, on the device
     * @return the batch's mean loss: the step's one host read
     */
    public double run(
            NDManager manager,
            ByteBuffer images,
            int[] labels,
            double lr,
            SplittableRandom mixRandom,
            DeviceSum targetMass) {
        double meanLoss;
        try (NDManager scope = manager.newSubManager()) {
            int n = labels.length;
            NDArray x = scope.create(images, new Shape(n, side, side, CHANNELS), DataType.FLOAT32);
            float[] targets = oneHot(labels, classes);
            techniques.transformTargets(targets, classes);
            if (techniques.mixes()) {
                BatchMixer.MixedBatch mixed = techniques.mix(x, targets, classes, mixRandom);
                x = mixed.images();
                targets = mixed.targets();
            }
            NDArray targetArray = scope.create(targets, new Shape(n, classes));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = forward.training(scope, channelsLast(x), mixRandom);
                NDArray loss = SoftTargetCrossEntropy.mean(logits, targetArray);
                collector.backward(loss);
                meanLoss = HostReads.scalar(loss);
                targetMass.add(targetMassOnPrediction(logits, targetArray)); // integer argmax: no graph
            }
        }
        optimizer.step(lr);
        return meanLoss;
    }

    /** Float32 logits of a batch of {@code n} images of {@code side x side}, in inference mode, in the forward pass's precision. */
    public static NDArray infer(NetworkForward forward, NDManager scope, ByteBuffer images, int n, int side) {
        return infer(forward, scope, images, n, side, UnaryOperator.identity());
    }

    /** Logits of the mirror images of a batch (flipped left-right), in inference mode. */
    public static NDArray inferMirrored(NetworkForward forward, NDManager scope, ByteBuffer images, int n, int side) {
        return infer(forward, scope, images, n, side, x -> x.flip(2));
    }

    /**
     * Logits of a batch's images after {@code transform}, which receives them as an [n, H, W, C]
     * float32 array, in inference mode.
     */
    public static NDArray infer(
            NetworkForward forward,
            NDManager scope,
            ByteBuffer images,
            int n,
            int side,
            UnaryOperator<NDArray> transform) {
        NDArray x = transform.apply(scope.create(images, new Shape(n, side, side, CHANNELS), DataType.FLOAT32));
        return forward.inference(scope, channelsLast(x));
    }

    /** NHWC memory viewed as NCHW: libtorch sees a channels-last tensor and keeps that layout. */
    static NDArray channelsLast(NDArray nhwc) {
        return nhwc.transpose(0, 3, 1, 2);
    }

    /**
     * Sum over the batch of the target probability of the predicted class (accuracy for hard
     * labels), as a device scalar: no host read.
     */
    private static NDArray targetMassOnPrediction(NDArray logits, NDArray targets) {
        NDArray predicted = logits.argMax(1).reshape(-1, 1);
        return targets.gather(predicted, 1).toType(DataType.FLOAT64, false).sum();
    }

    private static float[] oneHot(int[] labels, int classes) {
        float[] targets = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            targets[i * classes + labels[i]] = 1f;
        }
        return targets;
    }
}
