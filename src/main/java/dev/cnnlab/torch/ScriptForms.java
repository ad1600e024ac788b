package dev.cnnlab.torch;

import ai.djl.nn.Block;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The TorchScript forms of the blocks of one network that cannot carry their own (DJL's
 * convolutions, linear layers, lambdas and parallel joins), keyed by block identity. Filled by
 * the builder as it makes each block; a block without a form makes the network unscriptable.
 */
public final class ScriptForms {

    private final Map<Block, ScriptForm> forms = new IdentityHashMap<>();

    /** Records {@code form} as how {@code block} is written, and returns the block. */
    public <B extends Block> B add(B block, ScriptForm form) {
        forms.put(block, form);
        return block;
    }

    /** The form of {@code block}: its own when it has one, else the recorded one, else null. */
    public ScriptForm of(Block block) {
        return block instanceof ScriptForm own ? own : forms.get(block);
    }
}
