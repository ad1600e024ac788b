package dev.cnnlab.technique;

import static dev.cnnlab.technique.AugmentOp.AUTO_CONTRAST;
import static dev.cnnlab.technique.AugmentOp.BRIGHTNESS;
import static dev.cnnlab.technique.AugmentOp.COLOR;
import static dev.cnnlab.technique.AugmentOp.CONTRAST;
import static dev.cnnlab.technique.AugmentOp.EQUALIZE;
import static dev.cnnlab.technique.AugmentOp.INVERT;
import static dev.cnnlab.technique.AugmentOp.POSTERIZE;
import static dev.cnnlab.technique.AugmentOp.ROTATE;
import static dev.cnnlab.technique.AugmentOp.SHARPNESS;
import static dev.cnnlab.technique.AugmentOp.SHEAR_Y;
import static dev.cnnlab.technique.AugmentOp.SOLARIZE;
import static dev.cnnlab.technique.AugmentOp.TRANSLATE_X;
import static dev.cnnlab.technique.AugmentOp.TRANSLATE_Y;

import dev.cnnlab.data.ImageTransform;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * AutoAugment (Cubuk et al., "AutoAugment: Learning Augmentation Strategies from Data", CVPR
 * 2019) with the policy learned on reduced CIFAR-10, the one the paper applies to CIFAR-100.
 *
 * <p>Exactly torchvision's {@code AutoAugment(AutoAugmentPolicy.CIFAR10)} with its defaults
 * (nearest neighbour, fill 0) on a PIL image: per image one of the 25 sub-policies is drawn
 * uniformly, then each of its two operations is applied when a uniform draw is {@code <=} its
 * probability, at the magnitude of its bin out of 10 ({@link AugmentOp}), negated when a fair coin
 * says so for signed operations. The draws are made in torchvision's order (sub-policy, two
 * probabilities, two signs), all from the image's own stream.
 *
 * <p>Image size: as torchvision, the translations are relative to the image, at most {@code
 * 150/331} of its side ({@link AugmentOp#magnitude}), truncated to whole pixels: the policy's bin
 * 9 translates by 14 pixels at 32x32, 7 at 16x16 and 29 at 64x64; every other magnitude (angles,
 * shears, factors, bits, thresholds) is independent of the size. The side is derived from the
 * array's length ({@link ImageGeometry#side}).
 */
public final class AutoAugment implements Technique, ImageTransform {

    /** Catalogue name. */
    public static final String NAME = "autoaugment";

    /** Magnitude bins of the policy (torchvision's {@code _augmentation_space(10, ...)}). */
    public static final int BINS = 10;

    /** One operation of a sub-policy: applied with {@code probability} at magnitude bin {@code bin}. */
    public record Step(AugmentOp op, double probability, int bin) {
        static final int NONE = -1;
    }

    /** A sub-policy: two steps, applied in order. */
    public record SubPolicy(Step first, Step second) {}

    /**
     * torchvision's {@code AutoAugmentPolicy.CIFAR10} table, in its order (the paper's Table 7
     * policy for reduced CIFAR-10).
     */
    public static final List<SubPolicy> CIFAR10_POLICY = List.of(
            sub(INVERT, 0.1, Step.NONE, CONTRAST, 0.2, 6),
            sub(ROTATE, 0.7, 2, TRANSLATE_X, 0.3, 9),
            sub(SHARPNESS, 0.8, 1, SHARPNESS, 0.9, 3),
            sub(SHEAR_Y, 0.5, 8, TRANSLATE_Y, 0.7, 9),
            sub(AUTO_CONTRAST, 0.5, Step.NONE, EQUALIZE, 0.9, Step.NONE),
            sub(SHEAR_Y, 0.2, 7, POSTERIZE, 0.3, 7),
            sub(COLOR, 0.4, 3, BRIGHTNESS, 0.6, 7),
            sub(SHARPNESS, 0.3, 9, BRIGHTNESS, 0.7, 9),
            sub(EQUALIZE, 0.6, Step.NONE, EQUALIZE, 0.5, Step.NONE),
            sub(CONTRAST, 0.6, 7, SHARPNESS, 0.6, 5),
            sub(COLOR, 0.7, 7, TRANSLATE_X, 0.5, 8),
            sub(EQUALIZE, 0.3, Step.NONE, AUTO_CONTRAST, 0.4, Step.NONE),
            sub(TRANSLATE_Y, 0.4, 3, SHARPNESS, 0.2, 6),
            sub(BRIGHTNESS, 0.9, 6, COLOR, 0.2, 8),
            sub(SOLARIZE, 0.5, 2, INVERT, 0.0, Step.NONE),
            sub(EQUALIZE, 0.2, Step.NONE, AUTO_CONTRAST, 0.6, Step.NONE),
            sub(EQUALIZE, 0.2, Step.NONE, EQUALIZE, 0.6, Step.NONE),
            sub(COLOR, 0.9, 9, EQUALIZE, 0.6, Step.NONE),
            sub(AUTO_CONTRAST, 0.8, Step.NONE, SOLARIZE, 0.2, 8),
            sub(BRIGHTNESS, 0.1, 3, COLOR, 0.7, 0),
            sub(SOLARIZE, 0.4, 5, AUTO_CONTRAST, 0.9, Step.NONE),
            sub(TRANSLATE_Y, 0.9, 9, TRANSLATE_Y, 0.7, 9),
            sub(AUTO_CONTRAST, 0.9, Step.NONE, SOLARIZE, 0.8, 3),
            sub(EQUALIZE, 0.8, Step.NONE, INVERT, 0.1, Step.NONE),
            sub(TRANSLATE_Y, 0.7, 9, AUTO_CONTRAST, 0.9, Step.NONE));

    private static SubPolicy sub(AugmentOp op1, double p1, int bin1, AugmentOp op2, double p2, int bin2) {
        return new SubPolicy(new Step(op1, p1, bin1), new Step(op2, p2, bin2));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ImageTransform> imageTransform() {
        return Optional.of(this);
    }

    @Override
    public void apply(byte[] image, SplittableRandom random) {
        int side = ImageGeometry.side(image.length);
        SubPolicy policy = CIFAR10_POLICY.get(random.nextInt(CIFAR10_POLICY.size()));
        double p1 = random.nextDouble();
        double p2 = random.nextDouble();
        boolean negate1 = random.nextInt(2) == 0;
        boolean negate2 = random.nextInt(2) == 0;
        run(policy.first(), p1, negate1, image, side);
        run(policy.second(), p2, negate2, image, side);
    }

    private static void run(Step step, double draw, boolean negate, byte[] image, int side) {
        if (draw <= step.probability()) {
            double magnitude = step.bin() == Step.NONE ? 0.0 : step.op().magnitude(step.bin(), BINS, side, side);
            if (step.op().signed() && negate) {
                magnitude = -magnitude;
            }
            step.op().apply(image, side, side, magnitude);
        }
    }
}
