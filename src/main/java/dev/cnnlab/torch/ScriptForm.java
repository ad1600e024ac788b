package dev.cnnlab.torch;

/**
 * How one block of a network is written in TorchScript, so that the whole forward pass can run as
 * one native call ({@link NetworkScript}). A form must compute exactly what the block's DJL
 * forward computes, with the same libtorch operators on the same arrays.
 */
public interface ScriptForm {

    /**
     * Writes the block applied to the value named {@code input} and returns the name of its
     * output.
     *
     * @throws ScriptWriter.NotScriptable when this block cannot be written in {@code out}'s mode
     */
    String write(ScriptWriter out, String input);
}
