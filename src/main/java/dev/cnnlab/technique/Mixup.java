package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import dev.cnnlab.util.Seeds;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * mixup (Zhang et al., ICLR 2018): each batch is blended with a shuffled copy of itself,
 * {@code x = lam * x + (1 - lam) * x[perm]}, {@code lam ~ Beta(alpha, alpha)} once per batch, and
 * the targets are blended the same way. Cross-entropy against the blended targets equals the
 * paper's {@code lam * CE(y) + (1 - lam) * CE(y[perm])}.
 */
public final class Mixup implements Technique, BatchMixer {

    /** Catalogue name. */
    public static final String NAME = "mixup";

    private final double alpha;
    private final BetaDistribution beta;

    /** mixup with Beta(alpha, alpha); alpha 1.0 is the paper's CIFAR setting. */
    public Mixup(double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("mixup alpha must be > 0, got " + alpha);
        }
        this.alpha = alpha;
        // Sampled by inverse CDF from our own seeded stream, so no generator lives in here.
        this.beta = new BetaDistribution(null, alpha, alpha);
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<BatchMixer> batchMixer() {
        return Optional.of(this);
    }

    @Override
    public MixedBatch mix(NDArray images, float[] targets, int numClasses, SplittableRandom random) {
        int batch = Math.toIntExact(images.getShape().get(0));
        double lambda = sampleLambda(random);
        int[] perm = Seeds.permutation(batch, random);
        NDArray shuffled = images.get(images.getManager().create(perm));
        NDArray mixed = images.mul((float) lambda).addi(shuffled.muli((float) (1 - lambda)));
        return new MixedBatch(mixed, mixTargets(targets, numClasses, perm, lambda));
    }

    /** One draw of lam ~ Beta(alpha, alpha), by inverse CDF of a uniform from {@code random}. */
    double sampleLambda(SplittableRandom random) {
        return beta.inverseCumulativeProbability(random.nextDouble());
    }

    /** lam * t + (1 - lam) * t[perm], row by row. */
    static float[] mixTargets(float[] targets, int numClasses, int[] perm, double lambda) {
        float[] out = new float[targets.length];
        for (int i = 0; i < perm.length; i++) {
            int row = i * numClasses;
            int other = perm[i] * numClasses;
            for (int c = 0; c < numClasses; c++) {
                out[row + c] = (float) (lambda * targets[row + c] + (1 - lambda) * targets[other + c]);
            }
        }
        return out;
    }
}
