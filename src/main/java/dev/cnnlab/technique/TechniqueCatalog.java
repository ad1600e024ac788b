package dev.cnnlab.technique;

import dev.cnnlab.CnnlabException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every technique cnnlab knows, with its options, their paper defaults, and how to build it.
 * Adding a technique means adding its class and one entry here.
 */
public final class TechniqueCatalog {

    /**
     * One catalogue entry.
     *
     * @param defaults option defaults, iterated in name order (listings and messages stay stable)
     */
    public record Entry(
            String name,
            String description,
            String acts,
            String paper,
            Map<String, Double> defaults,
            Function<Options, Technique> factory) {

        public Entry {
            defaults = Collections.unmodifiableSortedMap(new TreeMap<>(defaults));
        }
    }

    /** Option values of one configured technique, defaults filled in. */
    public record Options(Map<String, Double> values) {
        public double get(String name) {
            return values.get(name);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry(
                SqueezeExcitation.NAME,
                "Squeeze-and-Excitation gate on every residual branch, before the shortcut is added",
                "model structure",
                "Hu et al., Squeeze-and-Excitation Networks, CVPR 2018",
                Map.of("reduction", 16.0),
                o -> new SqueezeExcitation((int) o.get("reduction"))));
        register(new Entry(
                Mixup.NAME,
                "blend image pairs and their labels with lam ~ Beta(alpha, alpha)",
                "per-batch mixing",
                "Zhang et al., mixup: Beyond Empirical Risk Minimization, ICLR 2018",
                Map.of("alpha", 1.0),
                o -> new Mixup(o.get("alpha"))));
        register(new Entry(
                CutMix.NAME,
                "paste a random box from a shuffled partner into each image; labels mixed by pasted area",
                "per-batch mixing",
                "Yun et al., CutMix: Regularization Strategy to Train Strong Classifiers with Localizable"
                        + " Features, ICCV 2019",
                Map.of("alpha", 1.0, "prob", 0.5),
                o -> new CutMix(o.get("alpha"), o.get("prob"))));
        register(new Entry(
                Cutout.NAME,
                "zero one size x size square (centre uniform, clipped at the border) of each normalised image;"
                        + " size in pixels at 32x32, scaled to the image's side",
                "normalised image",
                "DeVries and Taylor, Improved Regularization of Convolutional Neural Networks with Cutout,"
                        + " arXiv:1708.04552, 2017",
                Map.of("size", 8.0),
                o -> new Cutout(OptionValues.wholeNumber(Cutout.NAME, "size", o.get("size"), 1, 1024))));
        register(new Entry(
                RandomErasing.NAME,
                "with probability p, fill a random rectangle (area sl..sh, aspect r1..1/r1) with random values",
                "normalised image",
                "Zhong et al., Random Erasing Data Augmentation, AAAI 2020",
                Map.of("p", 0.5, "sl", 0.02, "sh", 0.4, "r1", 0.3),
                o -> new RandomErasing(o.get("p"), o.get("sl"), o.get("sh"), o.get("r1"))));
        register(new Entry(
                LabelSmoothing.NAME,
                "soften targets to (1 - epsilon) * one-hot + epsilon / classes",
                "batch targets",
                "Szegedy et al., Rethinking the Inception Architecture for Computer Vision, CVPR 2016",
                Map.of("epsilon", 0.1),
                o -> new LabelSmoothing(o.get("epsilon"))));
        register(new Entry(
                AutoAugment.NAME,
                "AutoAugment's CIFAR-10 policy: one of 25 learned two-operation sub-policies per image",
                "raw image",
                "Cubuk et al., AutoAugment: Learning Augmentation Strategies from Data, CVPR 2019",
                Map.of(),
                o -> new AutoAugment()));
        register(new Entry(
                RandAugment.NAME,
                "n operations drawn uniformly from 14, all at magnitude m of 31 bins (torchvision)",
                "raw image",
                "Cubuk et al., RandAugment: Practical Automated Data Augmentation with a Reduced Search"
                        + " Space, CVPR Workshops 2020",
                Map.of("n", 2.0, "m", 9.0),
                o -> new RandAugment(
                        OptionValues.wholeNumber(RandAugment.NAME, "n", o.get("n"), 0, 100),
                        OptionValues.wholeNumber(RandAugment.NAME, "m", o.get("m"), 0, RandAugment.BINS - 1))));
        register(new Entry(
                StochasticDepth.NAME,
                "drop residual branches per sample in training, survival decaying linearly to `survival`",
                "model structure",
                "Huang et al., Deep Networks with Stochastic Depth, ECCV 2016",
                Map.of("survival", 0.5),
                o -> new StochasticDepth(o.get("survival"))));
        register(new Entry(
                NesterovMomentum.NAME,
                "Nesterov momentum: step along d + m * buf (PyTorch's SGD nesterov=True)",
                "optimiser",
                "Sutskever et al., On the importance of initialization and momentum in deep learning, ICML 2013",
                Map.of(),
                o -> new NesterovMomentum()));
        register(new Entry(
                CosineSchedule.NAME,
                "cosine learning-rate annealing to 0 over the run, per batch, after a linear warm-up",
                "schedule",
                "Loshchilov & Hutter, SGDR: Stochastic Gradient Descent with Warm Restarts, ICLR 2017;"
                        + " warm-up: Goyal et al., Accurate, Large Minibatch SGD, 2017",
                Map.of("warmup", 5.0),
                o -> new CosineSchedule(o.get("warmup"))));
        register(new Entry(
                WarmRestarts.NAME,
                "cosine annealing to 0 over t0 epochs, then restarts at the base rate, each cycle tmult times longer",
                "schedule",
                "Loshchilov & Hutter, SGDR: Stochastic Gradient Descent with Warm Restarts, ICLR 2017",
                Map.of("t0", 10.0, "tmult", 2.0),
                o -> new WarmRestarts(
                        o.get("t0"), OptionValues.wholeNumber(WarmRestarts.NAME, "tmult", o.get("tmult"), 1, 1000))));
        register(new Entry(
                LrWarmup.NAME,
                "linear learning-rate warm-up from 0 over the first epochs, then the run's schedule",
                "schedule",
                "Goyal et al., Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour, 2017",
                Map.of("epochs", 5.0),
                o -> new LrWarmup(o.get("epochs"))));
        register(new Entry(
                WeightAveraging.NAME,
                "exponential moving average of the weights, evaluated alongside the raw weights",
                "weights averaging",
                "Polyak & Juditsky, Acceleration of stochastic approximation by averaging, 1992;"
                        + " as used in Tan & Le, EfficientNet, ICML 2019",
                Map.of("decay", 0.999),
                o -> new WeightAveraging(o.get("decay"))));
        register(new Entry(
                FlipTestTimeAugmentation.NAME,
                "also evaluate on the mean logits of each test image and its mirror image (extra metric)",
                "evaluation",
                "Krizhevsky et al., ImageNet Classification with Deep CNNs, NeurIPS 2012 (test-time flips)",
                Map.of(),
                o -> new FlipTestTimeAugmentation()));
    }

    private TechniqueCatalog() {}

    private static void register(Entry entry) {
        ENTRIES.put(entry.name(), entry);
    }

    /** All entries in catalogue order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** Builds a technique, checking its name and option names and values. */
    public static Technique create(TechniqueSpec spec) {
        Entry entry = ENTRIES.get(spec.name());
        if (entry == null) {
            throw new CnnlabException("unknown technique '" + spec.name() + "': choose one of "
                    + String.join(", ", ENTRIES.keySet()) + " (see `./cnnlab techniques`)");
        }
        Map<String, Double> values = new LinkedHashMap<>(entry.defaults());
        for (Map.Entry<String, Double> option : spec.options().entrySet()) {
            if (!entry.defaults().containsKey(option.getKey())) {
                throw new CnnlabException(
                        "technique '" + spec.name() + "' has no option '" + option.getKey() + "': its options are "
                                + String.join(", ", entry.defaults().keySet()));
            }
            values.put(option.getKey(), option.getValue());
        }
        try {
            return entry.factory().apply(new Options(Map.copyOf(values)));
        } catch (IllegalArgumentException e) {
            throw new CnnlabException("technique '" + spec.name() + "': " + e.getMessage());
        }
    }
}
