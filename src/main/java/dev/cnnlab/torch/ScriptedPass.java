package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.IValue;

/**
 * One compiled {@link NetworkScript}: a whole forward pass per native call. The parameter list is
 * built once from the network's own arrays, which training, checkpoint restores and the weight
 * average update in place, so the pass always reads the current values.
 */
public final class ScriptedPass implements AutoCloseable {

    private final TorchScriptModule module;
    private final IValue parameters;
    private final boolean recorded;

    /** Compiles {@code script}; its parameters must be initialised. */
    public ScriptedPass(NetworkScript script) {
        this.module = TorchScriptModule.compile(NetworkScript.CLASS_NAME, script.methods());
        this.parameters = IValue.listFrom(
                script.parameters().stream().map(p -> (PtNDArray) p.getArray()).toArray(PtNDArray[]::new));
        this.recorded = script.mode() == NetworkScript.Mode.TRAINING;
    }

    /** The pass on {@code input}; its output belongs to {@code scope}. */
    public NDArray apply(NDManager scope, NDArray input) {
        try (IValue x = IValue.from((PtNDArray) input);
                IValue output = recorded ? module.forwardRecorded(parameters, x) : module.forward(parameters, x)) {
            return output.toTensor((PtNDManager) scope);
        }
    }

    @Override
    public void close() {
        parameters.close();
        module.close();
    }
}
