package dev.cnnlab.torch;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a network's forward pass as the body of one TorchScript method, block by block, and
 * collects the parameters it reads in the order of their {@code p[i]} indices.
 */
public final class ScriptWriter {

    /** Thrown when some block of the network has no TorchScript form in the writer's mode. */
    public static final class NotScriptable extends RuntimeException {
        public NotScriptable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ScriptForms forms;
    private final NetworkScript.Mode mode;
    private final StringBuilder body = new StringBuilder();
    private final List<Parameter> parameters = new ArrayList<>();
    private int values;

    public ScriptWriter(ScriptForms forms, NetworkScript.Mode mode) {
        this.forms = forms;
        this.mode = mode;
    }

    /** Writes {@code block} applied to {@code input}; returns the name of its output. */
    public String write(Block block, String input) {
        ScriptForm form = forms.of(block);
        if (form != null) {
            return form.write(this, input);
        }
        if (block instanceof SequentialBlock) {
            String current = input;
            for (Block child : block.getChildren().values()) {
                current = write(child, current);
            }
            return current;
        }
        throw new NotScriptable(block.getClass().getSimpleName() + " has no TorchScript form");
    }

    /** Emits {@code v<k> = expression}; returns {@code v<k>}. */
    public String assign(String expression) {
        String name = "v" + ++values;
        body.append("    ").append(name).append(" = ").append(expression).append('\n');
        return name;
    }

    /** The script expression reading {@code block}'s own parameter {@code name}. */
    public String parameter(Block block, String name) {
        Parameter parameter = block.getDirectParameters().get(name);
        if (parameter == null) {
            throw new IllegalStateException(block.getClass().getSimpleName() + " has no parameter " + name);
        }
        parameters.add(parameter);
        return "p[" + (parameters.size() - 1) + "]";
    }

    /** Whether the pass being written is a training one (batch statistics, drop decisions). */
    public boolean training() {
        return mode == NetworkScript.Mode.TRAINING;
    }

    /** A TorchScript bool literal. */
    public static String literal(boolean value) {
        return value ? "True" : "False";
    }

    /** A TorchScript float literal that parses back to exactly {@code value}. */
    public static String literal(double value) {
        return Double.toString(value);
    }

    /** The method body written so far, ending with the return of {@code output}. */
    public String body(String output) {
        return body + "    return " + output + "\n";
    }

    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }
}
