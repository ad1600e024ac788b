package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.cnnlab.torch.GraphConstants;
import dev.cnnlab.torch.Precision;
import dev.cnnlab.torch.ScriptForm;
import dev.cnnlab.torch.ScriptWriter;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Stochastic depth on a residual branch (Huang et al., "Deep Networks with Stochastic Depth",
 * ECCV 2016): in training, each sample's branch output is kept with probability {@code survival}
 * and scaled by {@code 1 / survival} (so inference needs no rescaling), else zeroed; in inference
 * it is the identity.
 *
 * <p>The keep/drop draws come from the random stream of the current training step, installed with
 * {@link #withRandom}; so a run is reproducible and resumes exactly like any other.
 */
final class DropPath extends AbstractBlock implements ScriptForm {

    private static final ThreadLocal<SplittableRandom> RANDOM = new ThreadLocal<>();

    private final double survival;

    DropPath(double survival) {
        this.survival = survival;
    }

    /** Runs {@code body} (a training forward pass) with drop decisions drawn from {@code random}. */
    public static <T> T withRandom(SplittableRandom random, Supplier<T> body) {
        SplittableRandom previous = RANDOM.get();
        RANDOM.set(random);
        try {
            return body.get();
        } finally {
            RANDOM.set(previous);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || survival >= 1) {
            return inputs;
        }
        SplittableRandom random = RANDOM.get();
        if (random == null) {
            throw new IllegalStateException("stochastic depth needs the step's random stream: run the training"
                    + " forward pass inside DropPath.withRandom");
        }
        int batch = Math.toIntExact(x.getShape().get(0));
        float[] mask = new float[batch];
        for (int i = 0; i < batch; i++) {
            mask[i] = random.nextDouble() < survival ? (float) (1 / survival) : 0f;
        }
        // a float32 mask would promote a bf16 activation to float32
        // libtorch-owned: the product's backward keeps the mask after this block's arrays are closed
        NDArray keep = Precision.like(GraphConstants.of(x.getManager(), mask, new Shape(batch, 1, 1, 1)), x);
        return new NDList(x.mul(keep));
    }

    /** The identity in inference; in training its draws come from Java, which a script cannot reach. */
    @Override
    public String write(ScriptWriter out, String input) {
        if (out.training() && survival < 1) {
            throw new ScriptWriter.NotScriptable("stochastic depth draws its decisions from the step's random stream");
        }
        return input;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
