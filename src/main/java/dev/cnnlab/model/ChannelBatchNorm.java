package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.cnnlab.torch.ScriptForm;
import dev.cnnlab.torch.ScriptWriter;

/**
 * Batch norm over the channel axis (dim 1) of NCHW tensors, straight to libtorch's batch_norm.
 *
 * <p>DJL's {@code BatchNorm} reaches the same kernel only after a sub-manager, two array
 * re-attachments and two no-op axis swaps per call; this block skips them (measured below in
 * the bench notes). Same parameters, names and initial values as DJL's: gamma 1, beta 0, running
 * mean 0, running variance 1; the running statistics are not trained.
 */
final class ChannelBatchNorm extends AbstractBlock implements ScriptForm {

    private final float epsilon;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    /**
     * @param epsilon added to the variance
     * @param momentum DJL's convention: weight of the old running value (0.9 = PyTorch's 0.1)
     */
    ChannelBatchNorm(float epsilon, float momentum) {
        this.epsilon = epsilon;
        this.momentum = momentum;
        gamma = addParameter(parameter("gamma", Parameter.Type.GAMMA, true));
        beta = addParameter(parameter("beta", Parameter.Type.BETA, true));
        runningMean = addParameter(parameter("runningMean", Parameter.Type.RUNNING_MEAN, false));
        runningVar = addParameter(parameter("runningVar", Parameter.Type.RUNNING_VAR, false));
    }

    private static Parameter parameter(String name, Parameter.Type type, boolean trained) {
        return Parameter.builder()
                .setName(name)
                .setType(type)
                .optRequiresGrad(trained)
                .build();
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
        runningMean.setShape(channels);
        runningVar.setShape(channels);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        ai.djl.Device device = x.getDevice();
        // axis -1 is the PyTorch engine's direct path: libtorch normalises dim 1 itself
        return x.getNDArrayInternal()
                .batchNorm(
                        x,
                        parameterStore.getValue(runningMean, device, training),
                        parameterStore.getValue(runningVar, device, training),
                        parameterStore.getValue(gamma, device, training),
                        parameterStore.getValue(beta, device, training),
                        -1,
                        momentum,
                        epsilon,
                        training);
    }

    /**
     * libtorch's batch_norm with the values DJL's engine passes: PyTorch's momentum as
     * {@code (double) (1f - momentum)} and the epsilon widened from float.
     */
    @Override
    public String write(ScriptWriter out, String input) {
        return out.assign("torch.batch_norm(" + input + ", " + out.parameter(this, "gamma") + ", "
                + out.parameter(this, "beta") + ", " + out.parameter(this, "runningMean") + ", "
                + out.parameter(this, "runningVar") + ", " + ScriptWriter.literal(out.training()) + ", "
                + ScriptWriter.literal((double) (1f - momentum)) + ", " + ScriptWriter.literal((double) epsilon)
                + ", True)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
