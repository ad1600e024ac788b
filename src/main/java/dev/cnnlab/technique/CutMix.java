package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cnnlab.util.Seeds;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * CutMix (Yun et al., "CutMix: Regularization Strategy to Train Strong Classifiers with
 * Localizable Features", ICCV 2019): a box of each image is replaced by the same box of its
 * partner in a shuffled copy of the batch, and the targets are mixed in proportion to the areas.
 *
 * <p>Follows the authors' code (github.com/clovaai/CutMix-PyTorch, {@code train.py} and
 * {@code rand_bbox}): {@code lam ~ Beta(alpha, alpha)} once per batch, one box per batch with
 * sides {@code cut = (int) (side * sqrt(1 - lam))}, centre uniform over the pixels, extending
 * {@code cut / 2} (integer division) either side of the centre and clipped to the image; then
 * {@code lam} is recomputed as {@code 1 - boxArea / (H * W)}, the exact unpasted fraction, and the
 * targets become {@code lam * t + (1 - lam) * t[perm]}. Cross-entropy against these targets equals
 * the paper's {@code lam * CE(y_a) + (1 - lam) * CE(y_b)}.
 *
 * <p>The paper's CIFAR runs use {@code alpha = 1} and {@code cutmix_prob = 0.5}; {@link
 * #probability()} returns the latter, and the caller ({@link TechniqueSet}) applies the mixer to
 * that fraction of batches, so {@link #mix} itself always mixes.
 *
 * <p>Image size: the height and width are read from the batch's shape {@code [N, H, W, C]} (NHWC,
 * as the loader gives it; any size, square or not) and the box side is a fraction of them, so it
 * scales with the image by construction; nothing assumes 32x32.
 */
public final class CutMix implements Technique, BatchMixer {

    /** Catalogue name. */
    public static final String NAME = "cutmix";

    private final double alpha;
    private final double prob;
    private final BetaDistribution beta;

    /**
     * CutMix with {@code lam ~ Beta(alpha, alpha)}, applied to a fraction {@code prob} of batches.
     *
     * @param alpha Beta parameter, {@code > 0} (1.0 in the paper)
     * @param prob fraction of batches mixed, in {@code (0, 1]} (0.5 in the paper's CIFAR runs)
     */
    public CutMix(double alpha, double prob) {
        this.alpha = OptionValues.positive(NAME, "alpha", alpha);
        if (!(prob > 0 && prob <= 1)) {
            throw new IllegalArgumentException(NAME + " prob must be in (0, 1], got " + prob);
        }
        this.prob = prob;
        // Sampled by inverse CDF from the caller's stream, so no generator lives in here.
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
    public double probability() {
        return prob;
    }

    @Override
    public MixedBatch mix(NDArray images, float[] targets, int numClasses, SplittableRandom random) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4) {
            throw new IllegalArgumentException(NAME + " expects an image batch [N, H, W, C], got shape " + shape);
        }
        int batch = Math.toIntExact(shape.get(0));
        int height = Math.toIntExact(shape.get(1));
        int width = Math.toIntExact(shape.get(2));
        double lambda = sampleLambda(random);
        int[] perm = Seeds.permutation(batch, random);
        Box box = Box.sample(height, width, lambda, random);

        float[] paste = new float[height * width];
        float[] keep = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = box.contains(y, x);
                paste[y * width + x] = inside ? 1f : 0f;
                keep[y * width + x] = inside ? 0f : 1f;
            }
        }
        NDManager manager = images.getManager();
        Shape maskShape = new Shape(1, height, width, 1);
        NDArray pasteMask = manager.create(paste, maskShape).toType(images.getDataType(), false);
        NDArray keepMask = manager.create(keep, maskShape).toType(images.getDataType(), false);
        NDArray shuffled = images.get(manager.create(perm));
        // Masks are exactly 0 or 1, so every pixel is copied bit for bit from one of the two images.
        NDArray mixed = images.mul(keepMask).addi(shuffled.muli(pasteMask));
        double adjusted = 1.0 - (double) box.area() / ((double) height * width);
        return new MixedBatch(mixed, Mixup.mixTargets(targets, numClasses, perm, adjusted));
    }

    /** One draw of lam ~ Beta(alpha, alpha), by inverse CDF of a uniform from {@code random}. */
    double sampleLambda(SplittableRandom random) {
        return beta.inverseCumulativeProbability(random.nextDouble());
    }

    /**
     * The pasted box: rows {@code [y1, y2)}, columns {@code [x1, x2)}.
     */
    record Box(int y1, int y2, int x1, int x2) {

        /**
         * The authors' {@code rand_bbox}: cut ratio {@code sqrt(1 - lam)}, side {@code (int) (n *
         * ratio)} per axis, centre drawn uniformly (row first, then column), half-side {@code cut / 2}
         * either way, clipped to the image.
         */
        static Box sample(int height, int width, double lambda, SplittableRandom random) {
            double ratio = Math.sqrt(1.0 - lambda);
            int cutH = (int) (height * ratio);
            int cutW = (int) (width * ratio);
            int cy = random.nextInt(height);
            int cx = random.nextInt(width);
            return new Box(
                    clamp(cy - cutH / 2, height),
                    clamp(cy + cutH / 2, height),
                    clamp(cx - cutW / 2, width),
                    clamp(cx + cutW / 2, width));
        }

        private static int clamp(int v, int n) {
            return Math.max(0, Math.min(n, v));
        }

        boolean contains(int y, int x) {
            return y >= y1 && y < y2 && x >= x1 && x < x2;
        }

        int area() {
            return (y2 - y1) * (x2 - x1);
        }
    }
}
