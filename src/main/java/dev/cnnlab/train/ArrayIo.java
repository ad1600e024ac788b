package dev.cnnlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves a list of arrays and restores it into existing arrays of the same shapes.
 *
 * <p>Restoring copies values into the live arrays instead of replacing them, so everything that
 * holds them (the optimizer, gradient attachments) stays valid after a resume.
 */
final class ArrayIo {

    private ArrayIo() {}

    /** Every parameter array of a block in block order, batch-norm running statistics included. */
    static List<NDArray> parameterArrays(Block block) {
        List<NDArray> arrays = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            arrays.add(p.getArray());
        }
        return arrays;
    }

    static void write(List<NDArray> arrays, DataOutputStream out) throws IOException {
        byte[] bytes;
        try (NDScope scope = new NDScope()) {
            // Row-major views (copies for channels-last kernels), closed with the scope: DJL 0.36
            // would otherwise leave a contiguous copy of each such kernel behind on every save.
            NDList rowMajor = new NDList(arrays.size());
            for (NDArray array : arrays) {
                rowMajor.add(array.reshape(-1).reshape(array.getShape()));
            }
            bytes = rowMajor.encode();
            scope.suppressNotUsedWarning();
        }
        out.writeInt(arrays.size());
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static void readInto(List<NDArray> targets, DataInputStream in, NDManager scratch, String what) throws IOException {
        int count = in.readInt();
        if (count != targets.size()) {
            throw new RunDirectoryConflict(
                    RunDirectoryConflict.Kind.OTHER_MODEL,
                    what + " holds " + count + " arrays but the model needs " + targets.size()
                            + ": it belongs to another model");
        }
        byte[] bytes = in.readNBytes(in.readInt());
        try (NDManager scope = scratch.newSubManager()) {
            NDList saved = NDList.decode(scope, bytes);
            for (int i = 0; i < count; i++) {
                NDArray source = saved.get(i);
                NDArray target = targets.get(i);
                if (!source.getShape().equals(target.getShape())) {
                    throw new RunDirectoryConflict(
                            RunDirectoryConflict.Kind.OTHER_MODEL,
                            what + " array " + i + " has shape " + source.getShape() + ", the model needs "
                                    + target.getShape() + ": it belongs to another model");
                }
                source.copyTo(target);
            }
        }
    }
}
