package dev.cnnlab.torch;

import ai.djl.nn.Parameter;
import java.util.List;

/**
 * A network's whole forward pass as one TorchScript method, {@code forward(p, x)}: {@code p} is
 * the list of the network's parameter arrays in {@link #parameters()} order, {@code x} the input
 * batch. It applies the same libtorch operators to the same arrays in the same order as the
 * network's DJL blocks, so its logits, gradients and batch-norm statistics are bit for bit
 * theirs; what it saves is the host's cost per operator (a JNI crossing, a Java array and its
 * manager bookkeeping for each of a hundred-odd operators per pass).
 */
public final class NetworkScript {

    /** Which pass a script is written for: batch norm's statistics and stochastic depth differ. */
    public enum Mode {
        TRAINING,
        INFERENCE
    }

    /** The name of the TorchScript class that holds the method. */
    public static final String CLASS_NAME = "Network";

    private final Mode mode;
    private final String methods;
    private final List<Parameter> parameters;

    public NetworkScript(Mode mode, String body, List<Parameter> parameters) {
        this.mode = mode;
        this.methods =
                "  def forward(self: __torch__." + CLASS_NAME + ", p: List[Tensor], x: Tensor) -> Tensor:\n" + body;
        this.parameters = parameters;
    }

    public Mode mode() {
        return mode;
    }

    /** The TorchScript source of the class's methods, for {@code TorchScriptModule.compile}. */
    public String methods() {
        return methods;
    }

    /** The parameters the method reads as {@code p[0]}, {@code p[1]}, ...: their arrays make {@code p}. */
    public List<Parameter> parameters() {
        return parameters;
    }
}
