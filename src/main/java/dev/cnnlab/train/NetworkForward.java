package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.cnnlab.model.Network;
import dev.cnnlab.model.PreActResNet;
import dev.cnnlab.torch.NetworkScript;
import dev.cnnlab.torch.Precision;
import dev.cnnlab.torch.ScriptedPass;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A network's forward pass as training, evaluation and the benchmark run it: as one TorchScript
 * call per pass where the network can be written as one, else block by block through DJL. Both
 * compute the same bits (logits, gradients, batch-norm statistics); the script saves the host's
 * cost of a hundred-odd separate operator calls per pass, which at small batches (and on a GPU,
 * where kernels are queued) is much of a step's time.
 *
 * <p>Scripted: float32 networks whose every block has a TorchScript form, for each pass that can
 * be written (stochastic depth keeps training passes block by block: its draws come from Java).
 * bf16 networks run block by block, through their parameter store's casts.
 */
public final class NetworkForward implements AutoCloseable {

    private final Block block;
    private final ParameterStore parameters;
    private final Precision precision;
    /** Null where the pass runs block by block. */
    private final ScriptedPass training;

    private final ScriptedPass inference;

    private NetworkForward(Block block, ParameterStore parameters, ScriptedPass training, ScriptedPass inference) {
        this.block = block;
        this.parameters = parameters;
        this.precision = Precision.of(parameters);
        this.training = training;
        this.inference = inference;
    }

    /** Block by block through DJL, always. */
    public static NetworkForward eager(Block block, ParameterStore parameters) {
        return new NetworkForward(block, parameters, null, null);
    }

    /**
     * Scripted where possible. The network's parameters must be initialised: the scripts bind
     * their arrays now.
     */
    public static NetworkForward of(Network network, ParameterStore parameters) {
        if (Precision.of(parameters) != Precision.FP32) {
            return eager(network.block(), parameters);
        }
        ScriptedPass training = compiled(network.script(NetworkScript.Mode.TRAINING));
        try {
            return new NetworkForward(
                    network.block(), parameters, training, compiled(network.script(NetworkScript.Mode.INFERENCE)));
        } catch (RuntimeException e) {
            if (training != null) {
                training.close();
            }
            throw e;
        }
    }

    private static ScriptedPass compiled(Optional<NetworkScript> script) {
        return script.map(ScriptedPass::new).orElse(null);
    }

    /**
     * Float32 logits of a training pass over {@code input} (NCHW, float32), recorded by autograd
     * inside a gradient collector; stochastic depth draws from {@code stepRandom}.
     */
    NDArray training(NDManager scope, NDArray input, SplittableRandom stepRandom) {
        if (training != null) {
            return training.apply(scope, input);
        }
        return PreActResNet.withStepRandom(stepRandom, () -> blockByBlock(scope, input, true));
    }

    /** Float32 logits of an inference pass (batch norm on running statistics, no gradients). */
    NDArray inference(NDManager scope, NDArray input) {
        if (inference != null) {
            return inference.apply(scope, input);
        }
        return blockByBlock(scope, input, false);
    }

    /** DJL's forward through the blocks, in the parameter store's precision, logits in float32. */
    private NDArray blockByBlock(NDManager scope, NDArray input, boolean training) {
        NDArray cast = precision.cast(input);
        return Precision.toFloat32(Precision.forward(
                parameters,
                scope,
                () -> block.forward(parameters, new NDList(cast), training).singletonOrThrow()));
    }

    /** How each pass runs, e.g. {@code training scripted, inference scripted}. */
    public String describe() {
        return "training " + (training != null ? "scripted" : "block by block") + ", inference "
                + (inference != null ? "scripted" : "block by block");
    }

    @Override
    public void close() {
        if (training != null) {
            training.close();
        }
        if (inference != null) {
            inference.close();
        }
    }
}
