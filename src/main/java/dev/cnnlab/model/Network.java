package dev.cnnlab.model;

import ai.djl.nn.SequentialBlock;
import dev.cnnlab.torch.NetworkScript;
import dev.cnnlab.torch.ScriptForms;
import dev.cnnlab.torch.ScriptWriter;
import java.util.Optional;

/**
 * A built network: its DJL blocks, and how they are written as one TorchScript pass.
 */
public final class Network {

    private final SequentialBlock block;
    private final ScriptForms forms;

    Network(SequentialBlock block, ScriptForms forms) {
        this.block = block;
        this.forms = forms;
    }

    /** The network's blocks: initialise, count, save and (where no script exists) run these. */
    public SequentialBlock block() {
        return block;
    }

    /**
     * The whole forward pass in {@code mode} as one TorchScript method, or empty when some block
     * has no TorchScript form in that mode (stochastic depth in training draws its decisions from
     * the step's Java random stream; a technique's own block may have none at all).
     */
    public Optional<NetworkScript> script(NetworkScript.Mode mode) {
        ScriptWriter writer = new ScriptWriter(forms, mode);
        try {
            String output = writer.write(block, "x");
            return Optional.of(new NetworkScript(mode, writer.body(output), writer.parameters()));
        } catch (ScriptWriter.NotScriptable e) {
            return Optional.empty();
        }
    }
}
