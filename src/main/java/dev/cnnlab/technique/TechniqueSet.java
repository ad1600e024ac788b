package dev.cnnlab.technique;

import ai.djl.ndarray.NDArray;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.data.ImageTransform;
import dev.cnnlab.data.NormalizedImageTransform;
import dev.cnnlab.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The techniques of one run, composed: the one place that knows how hooks of several techniques
 * combine, and that refuses combinations with no sensible meaning.
 */
public final class TechniqueSet {

    private final List<Technique> techniques;
    private final List<BatchMixer> mixers;

    private TechniqueSet(List<Technique> techniques) {
        this.techniques = List.copyOf(techniques);
        this.mixers = techniques.stream().flatMap(t -> t.batchMixer().stream()).toList();
        if (mixers.size() > 2
                || (mixers.size() == 2
                        && mixers.stream().filter(m -> m.probability() < 1).count() != 1)) {
            throw new CnnlabException("batch-mixing techniques " + names() + " cannot all be on at once: keep one, or"
                    + " two where exactly one has prob < 1 (it is used with that probability, the other otherwise)");
        }
    }

    /** Builds and checks the techniques of a run. */
    public static TechniqueSet of(List<TechniqueSpec> specs) {
        List<Technique> techniques = new ArrayList<>();
        for (TechniqueSpec spec : specs) {
            techniques.add(TechniqueCatalog.create(spec));
        }
        return new TechniqueSet(techniques);
    }

    /** Composes already built techniques (for tests and callers with their own instances). */
    static TechniqueSet ofTechniques(List<Technique> techniques) {
        return new TechniqueSet(techniques);
    }

    /** The network every structural technique has shaped, in order. */
    public ModelSpec shape(ModelSpec spec) {
        ModelSpec shaped = spec;
        for (Technique t : techniques) {
            shaped = t.shapeModel(shaped);
        }
        return shaped;
    }

    /** The optimiser settings every technique has adjusted, in order. */
    public OptimizerSettings optimizer(OptimizerSettings settings) {
        OptimizerSettings adjusted = settings;
        for (Technique t : techniques) {
            adjusted = t.optimizer(adjusted);
        }
        return adjusted;
    }

    /** The schedule plan every technique has shaped, in order. */
    public SchedulePlan schedule(SchedulePlan plan) {
        SchedulePlan shaped = plan;
        for (Technique t : techniques) {
            shaped = t.schedule(shaped);
        }
        return shaped;
    }

    /** The extra test metrics the techniques ask for, in technique order. */
    public List<EvaluationMetric> evaluationMetrics() {
        return techniques.stream().flatMap(t -> t.evaluationMetric().stream()).toList();
    }

    public List<ImageTransform> imageTransforms() {
        return techniques.stream().flatMap(t -> t.imageTransform().stream()).toList();
    }

    public List<NormalizedImageTransform> normalizedImageTransforms() {
        return techniques.stream()
                .flatMap(t -> t.normalizedImageTransform().stream())
                .toList();
    }

    /** Applies every target transform (label smoothing, ...) to a batch's targets, in place. */
    public void transformTargets(float[] targets, int numClasses) {
        techniques.forEach(t -> t.targetTransform().ifPresent(f -> f.apply(targets, numClasses)));
    }

    /** Whether any technique mixes batches. */
    public boolean mixes() {
        return !mixers.isEmpty();
    }

    /**
     * Mixes a batch with the run's mixer; with two, the one with probability p &lt; 1 is used with
     * that probability and the other otherwise.
     */
    public BatchMixer.MixedBatch mix(NDArray images, float[] targets, int numClasses, SplittableRandom random) {
        if (mixers.isEmpty()) {
            return new BatchMixer.MixedBatch(images, targets);
        }
        BatchMixer chosen = mixers.get(0);
        if (mixers.size() == 2) {
            BatchMixer occasional = mixers.get(0).probability() < 1 ? mixers.get(0) : mixers.get(1);
            BatchMixer other = occasional == mixers.get(0) ? mixers.get(1) : mixers.get(0);
            chosen = random.nextDouble() < occasional.probability() ? occasional : other;
        } else if (chosen.probability() < 1 && random.nextDouble() >= chosen.probability()) {
            return new BatchMixer.MixedBatch(images, targets);
        }
        return chosen.mix(images, targets, numClasses, random);
    }

    private List<String> names() {
        return techniques.stream().map(Technique::name).toList();
    }
}
