package dev.cnnlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A sequence that frees each child's intermediate arrays as soon as the child is done.
 *
 * <p>DJL attaches every array an op creates to the manager of its input, so without this all
 * activations of a forward pass live until the batch's manager closes: 1.8x PyTorch's memory in
 * training and 14x in inference. Here each child runs in its own sub-manager; only its output is
 * moved out, and closed as soon as the next child has consumed it. Closing an array only drops
 * DJL's handle: tensors autograd saved for the backward
 * pass stay alive through autograd's own references, so training is unaffected.
 */
final class ReleasingSequentialBlock extends SequentialBlock {

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList current = inputs;
        for (Block child : children.values()) {
            NDManager outer = current.head().getManager();
            NDList output;
            try (NDManager scope = outer.newSubManager()) {
                current.tempAttach(scope);
                output = child.forward(parameterStore, current, training, params);
                output.attach(outer);
            }
            if (current != inputs) {
                // the previous child's output is ours and now consumed (unless passed through)
                for (NDArray array : current) {
                    if (output.stream().noneMatch(kept -> kept == array)) {
                        array.close();
                    }
                }
            }
            current = output;
        }
        return current;
    }
}
