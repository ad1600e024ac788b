package dev.cnnlab.technique;

import dev.cnnlab.data.NormalizedImageTransform;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random Erasing (Zhong et al., "Random Erasing Data Augmentation", AAAI 2020): with probability
 * {@code p} a random rectangle of the normalised training image is overwritten with random values.
 *
 * <p>Sampling follows the paper's Algorithm 1 and the authors' code (github.com/zhunzhong07/
 * Random-Erasing, {@code transforms.py}): up to 100 attempts, each drawing an area fraction
 * {@code s ~ U[sl, sh]} and an aspect ratio {@code r ~ U[r1, 1/r1]} (uniform, as in the paper and
 * that code; torchvision's {@code RandomErasing} samples the ratio log-uniformly instead), then
 * {@code h = round(sqrt(s * H * W * r))}, {@code w = round(sqrt(s * H * W / r))} (round half to
 * even, as Python's {@code round}); the first attempt with {@code h < H} and {@code w < W} is
 * placed with its top-left corner uniform over all positions where it fits and erased. If no
 * attempt fits the image is left alone. Rounding may put the erased area slightly outside
 * {@code [sl, sh]}, as in the authors' code. The decision draw erases when {@code u < p}, so
 * {@code p = 0} never erases and {@code p = 1} always does.
 *
 * <p>Fill: the paper's default ("RE-R") gives every erased pixel a random value in [0, 255]. On
 * the normalised image this is, per channel {@code c}, a value uniform in {@code [(0 - mean_c) /
 * std_c, (1 - mean_c) / std_c]}, with CIFAR-100's training-set statistics (mean 0.5071, 0.4865,
 * 0.4409; std 0.2673, 0.2564, 0.2762, the {@code ChannelStats} of the official training split):
 * R in [-1.897, 1.844], G in [-1.897, 2.003], B in [-1.596, 2.024]. Values are drawn
 * continuously, not rounded to whole pixel levels, independently per pixel and channel. (The
 * authors' CIFAR script instead fills with constants; the paper reports random values as best.)
 *
 * <p>Image size: every option is relative (area fractions of {@code H * W}, aspect ratios), so the
 * rectangle scales with the image by construction; the side is derived from the array's length
 * ({@link ImageGeometry#side}) and nothing assumes 32x32. The fill statistics stay CIFAR-100's.
 */
public final class RandomErasing implements Technique, NormalizedImageTransform {

    /** Catalogue name. */
    public static final String NAME = "random-erasing";

    /** Attempts per image, as in the authors' code. */
    static final int ATTEMPTS = 100;

    private static final int CHANNELS = ImageGeometry.CHANNELS;
    private static final double[] CIFAR100_MEAN = {0.5071, 0.4865, 0.4409};
    private static final double[] CIFAR100_STD = {0.2673, 0.2564, 0.2762};

    /** Lowest fill value per channel: raw 0 normalised. */
    static final float[] FILL_LOW = new float[CHANNELS];
    /** Highest fill value per channel: raw 255 normalised. */
    static final float[] FILL_HIGH = new float[CHANNELS];

    static {
        for (int c = 0; c < CHANNELS; c++) {
            FILL_LOW[c] = (float) (-CIFAR100_MEAN[c] / CIFAR100_STD[c]);
            FILL_HIGH[c] = (float) ((1 - CIFAR100_MEAN[c]) / CIFAR100_STD[c]);
        }
    }

    private final double p;
    private final double sl;
    private final double sh;
    private final double r1;

    /**
     * @param p probability of erasing an image, in [0, 1] (0.5 in the paper)
     * @param sl smallest area fraction, in (0, 1] (0.02)
     * @param sh largest area fraction, in [sl, 1] (0.4)
     * @param r1 smallest aspect ratio, in (0, 1]; the largest is {@code 1 / r1} (0.3)
     */
    public RandomErasing(double p, double sl, double sh, double r1) {
        this.p = OptionValues.closed(NAME, "p", p, 0, 1);
        if (!(sl > 0 && sl <= 1)) {
            throw new IllegalArgumentException(NAME + " sl must be in (0, 1], got " + sl);
        }
        if (!(sh >= sl && sh <= 1)) {
            throw new IllegalArgumentException(NAME + " sh must be in [sl, 1] = [" + sl + ", 1], got " + sh);
        }
        if (!(r1 > 0 && r1 <= 1)) {
            throw new IllegalArgumentException(NAME + " r1 must be in (0, 1], got " + r1);
        }
        this.sl = sl;
        this.sh = sh;
        this.r1 = r1;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<NormalizedImageTransform> normalizedImageTransform() {
        return Optional.of(this);
    }

    @Override
    public void apply(float[] image, SplittableRandom random) {
        int side = ImageGeometry.side(image.length);
        if (!(random.nextDouble() < p)) {
            return;
        }
        double area = (double) side * side;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = (sl + (sh - sl) * random.nextDouble()) * area;
            double ratio = r1 + (1 / r1 - r1) * random.nextDouble();
            int h = (int) Math.rint(Math.sqrt(target * ratio));
            int w = (int) Math.rint(Math.sqrt(target / ratio));
            if (h < side && w < side) {
                int y1 = random.nextInt(side - h + 1);
                int x1 = random.nextInt(side - w + 1);
                for (int y = y1; y < y1 + h; y++) {
                    for (int x = x1; x < x1 + w; x++) {
                        int i = (y * side + x) * CHANNELS;
                        for (int c = 0; c < CHANNELS; c++) {
                            image[i + c] = FILL_LOW[c] + (FILL_HIGH[c] - FILL_LOW[c]) * (float) random.nextDouble();
                        }
                    }
                }
                return;
            }
        }
    }
}
