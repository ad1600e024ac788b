package dev.cnnlab.train;

import dev.cnnlab.data.DataRef;
import dev.cnnlab.model.Family;
import dev.cnnlab.model.ModelSpec;
import dev.cnnlab.technique.SchedulePlan;
import dev.cnnlab.technique.TechniqueSet;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.torch.Precision;
import java.util.List;

/**
 * Everything that decides what a training run computes. Saved with every checkpoint and result;
 * a run can only be resumed under the same config.
 *
 * <p>Speed knobs that do not change the numbers (loader workers) are not part of it; the
 * thread count is, because libtorch's reductions may sum in a different order with other
 * thread counts.
 *
 * @param depth network depth (9n+2 for the bottleneck family)
 * @param techniques techniques switched on, in order
 * @param epochs epochs to train
 * @param lr initial learning rate
 * @param lrMilestones epochs at which the learning rate is multiplied by {@code lrGamma}
 * @param lrGamma learning-rate decay factor at each milestone
 * @param batchSize training batch size
 * @param weightDecay L2 penalty added to gradients (PyTorch SGD semantics)
 * @param momentum SGD momentum
 * @param seed seed of every random stream (initial weights, order, augmentation, mixing)
 * @param trainLimit use only the first N training records (0 = all)
 * @param testLimit use only the first N test records (0 = all)
 * @param threads libtorch intra-op threads
 * @param family architecture family key ({@code bottleneck}, {@code basic}, {@code preact18})
 * @param widen channel multiplier of every stage (&gt; 0; {@link ModelSpec}'s width rule)
 * @param precision compute precision key ({@code fp32}, or {@code bf16} mixed precision); it changes
 *     the numbers, so it is part of the config
 * @param data the data trained on (format, labels, classes, image size, checksums): the network's
 *     outputs are its classes, and a run resumes only on the same data
 * @param resolution the side the images are resampled to once at load (0 = the data's own); the
 *     network runs at it (global pooling makes it size-agnostic)
 */
public record TrainConfig(
        int depth,
        List<TechniqueSpec> techniques,
        int epochs,
        double lr,
        List<Integer> lrMilestones,
        double lrGamma,
        int batchSize,
        double weightDecay,
        double momentum,
        long seed,
        int trainLimit,
        int testLimit,
        int threads,
        String family,
        double widen,
        String precision,
        DataRef data,
        int resolution) {

    public TrainConfig {
        techniques = List.copyOf(techniques);
        lrMilestones = List.copyOf(lrMilestones);
    }

    /** The reference protocol (the only copy of its values): what {@link #builder()} starts from. */
    public static final TrainConfig REFERENCE = new TrainConfig(
            29,
            List.of(),
            160,
            0.1,
            List.of(80, 120),
            0.1,
            128,
            1e-4,
            0.9,
            0,
            0,
            0,
            1,
            Family.BOTTLENECK.key(),
            1,
            Precision.FP32.key(),
            DataRef.CIFAR100,
            0);

    /** The reference protocol: SGD 0.9, wd 1e-4, batch 128, 160 epochs, LR 0.1 x0.1 at 80/120. */
    public static TrainConfig reference(int depth, List<TechniqueSpec> techniques, int threads) {
        return builder().depth(depth).techniques(techniques).threads(threads).build();
    }

    /** A builder holding the reference protocol; set what differs. */
    public static Builder builder() {
        return new Builder(REFERENCE);
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Checks every value; a bad one is a {@link ConfigException} naming its field. */
    public TrainConfig validate() {
        baseModel();
        computePrecision();
        require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        require(lr > 0 && Double.isFinite(lr), "lr", "must be a positive number, got " + lr);
        require(lrGamma > 0 && lrGamma <= 1, "lrGamma", "must be in (0, 1], got " + lrGamma);
        require(batchSize >= 2, "batchSize", "must be >= 2 (batch norm needs 2 images), got " + batchSize);
        require(weightDecay >= 0, "weightDecay", "must be >= 0, got " + weightDecay);
        require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        require(trainLimit >= 0, "trainLimit", "must be >= 0 (0 = all), got " + trainLimit);
        require(testLimit >= 0, "testLimit", "must be >= 0 (0 = all), got " + testLimit);
        require(threads >= 1, "threads", "must be >= 1, got " + threads);
        // whether the data has that many pixels is the data's to say (Dataset.atResolution)
        require(resolution >= 0, "resolution", "must be >= 0 (0 = the data's image size), got " + resolution);
        int previous = 0;
        for (int milestone : lrMilestones) {
            require(milestone > previous, "lrMilestones", "must be increasing positive epochs, got " + lrMilestones);
            require(
                    milestone < epochs,
                    "lrMilestones",
                    "must lie inside the " + epochs + "-epoch run (below " + epochs + "), got " + lrMilestones
                            + "; leave them out to scale the reference 80, 120 of 160");
            previous = milestone;
        }
        SchedulePlan plan = TechniqueSet.of(techniques).schedule(SchedulePlan.step(lr, epochs, lrMilestones, lrGamma));
        // a warm-up climbs to the rate at its end: one as long as the run never leaves 0
        require(
                plan.warmupEpochs() < epochs,
                "techniques",
                "warm up for " + plan.warmupEpochs() + " epochs, which is not shorter than the " + epochs
                        + "-epoch run: the learning rate would never leave 0; give the warm-up option (e.g. cosine:warmup=0.5)"
                        + " fewer epochs than the run");
        return this;
    }

    /** The network this config trains: the depth shaped by every technique. */
    public ModelSpec modelSpec() {
        return TechniqueSet.of(techniques).shape(baseModel());
    }

    /**
     * The fields in which {@code asked} differs from this config, each as {@code depth 11 here, 29
     * asked}, in declaration order; empty when they are equal.
     */
    public List<String> differencesFrom(TrainConfig asked) {
        List<String> differences = new java.util.ArrayList<>();
        addDifferences("", this, asked, differences);
        return List.copyOf(differences);
    }

    /** The components in which two records differ; a component that is itself a record by its parts ({@code data.labels}). */
    private static void addDifferences(String prefix, Record here, Record asked, List<String> out) {
        for (java.lang.reflect.RecordComponent field : here.getClass().getRecordComponents()) {
            try {
                Object mine = field.getAccessor().invoke(here);
                Object theirs = field.getAccessor().invoke(asked);
                if (java.util.Objects.equals(mine, theirs)) {
                    continue;
                }
                if (mine instanceof Record a && theirs instanceof Record b && a.getClass() == b.getClass()) {
                    addDifferences(prefix + field.getName() + ".", a, b, out);
                } else {
                    out.add(prefix + field.getName() + " " + mine + " here, " + theirs + " asked");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The same config with another thread count. */
    public TrainConfig withThreads(int newThreads) {
        return toBuilder().threads(newThreads).build();
    }

    /** The number format the network computes in. */
    public Precision computePrecision() {
        return Precision.of(precision);
    }

    /** The network before techniques shape it. */
    private ModelSpec baseModel() {
        Family f = Family.of(family);
        if (f == null) {
            throw new ConfigException("family", "must be bottleneck, basic or preact18, got '" + family + "'");
        }
        return new ModelSpec(f, depth, widen, List.of(), data.classes());
    }

    /** The side of the images the network sees: the resolution, else the data's own. */
    public int imageSide() {
        return resolution == 0 ? data.imageSize() : resolution;
    }

    private static void require(boolean ok, String field, String problem) {
        if (!ok) {
            throw new ConfigException(field, problem);
        }
    }

    /**
     * Named construction of a {@link TrainConfig}. Starts from the reference protocol (or a given
     * config); the step schedule's milestones follow the epochs unless set explicitly: by
     * default they are the reference's 80, 120 of 160 moved to the run's length ({@link Milestones}).
     */
    public static final class Builder {
        private int depth;
        private List<TechniqueSpec> techniques;
        private int epochs;
        private double lr;
        private List<Integer> lrMilestones;
        private int milestonesWrittenFor;
        private double lrGamma;
        private int batchSize;
        private double weightDecay;
        private double momentum;
        private long seed;
        private int trainLimit;
        private int testLimit;
        private int threads;
        private String family;
        private double widen;
        private String precision;
        private DataRef data;
        private int resolution;

        private Builder(TrainConfig from) {
            depth = from.depth;
            techniques = from.techniques;
            epochs = from.epochs;
            lr = from.lr;
            lrMilestones = from.lrMilestones;
            milestonesWrittenFor = from.epochs;
            lrGamma = from.lrGamma;
            batchSize = from.batchSize;
            weightDecay = from.weightDecay;
            momentum = from.momentum;
            seed = from.seed;
            trainLimit = from.trainLimit;
            testLimit = from.testLimit;
            threads = from.threads;
            family = from.family;
            widen = from.widen;
            precision = from.precision;
            data = from.data;
            resolution = from.resolution;
        }

        public Builder depth(int value) {
            depth = value;
            return this;
        }

        public Builder techniques(List<TechniqueSpec> value) {
            techniques = List.copyOf(value);
            return this;
        }

        /** The epochs set so far. */
        int epochs() {
            return epochs;
        }

        /** Epochs to train; milestones not set explicitly move with them. */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder lr(double value) {
            lr = value;
            return this;
        }

        /** Milestones used exactly as given, whatever the epochs. */
        public Builder lrMilestones(List<Integer> value) {
            return lrMilestones(value, -1);
        }

        /**
         * Milestones written for a run of {@code writtenFor} epochs: moved to the built config's
         * epochs by {@link Milestones#scaled}.
         */
        public Builder lrMilestones(List<Integer> value, int writtenFor) {
            lrMilestones = List.copyOf(value);
            milestonesWrittenFor = writtenFor;
            return this;
        }

        public Builder lrGamma(double value) {
            lrGamma = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder trainLimit(int value) {
            trainLimit = value;
            return this;
        }

        public Builder testLimit(int value) {
            testLimit = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder family(String value) {
            family = value;
            return this;
        }

        public Builder widen(double value) {
            widen = value;
            return this;
        }

        public Builder precision(String value) {
            precision = value;
            return this;
        }

        public Builder data(DataRef value) {
            data = value;
            return this;
        }

        public Builder resolution(int value) {
            resolution = value;
            return this;
        }

        public TrainConfig build() {
            List<Integer> milestones = milestonesWrittenFor < 1 || epochs < 1
                    ? lrMilestones
                    : Milestones.scaled(lrMilestones, milestonesWrittenFor, epochs);
            return new TrainConfig(
                    depth,
                    techniques,
                    epochs,
                    lr,
                    milestones,
                    lrGamma,
                    batchSize,
                    weightDecay,
                    momentum,
                    seed,
                    trainLimit,
                    testLimit,
                    threads,
                    family,
                    widen,
                    precision,
                    data,
                    resolution);
        }
    }
}
