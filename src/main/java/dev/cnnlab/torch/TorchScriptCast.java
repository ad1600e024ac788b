package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.IValue;

/**
 * A dtype conversion that libtorch records for autograd, run as a two-line TorchScript module.
 *
 * <p>Why not {@code NDArray.toType}: DJL's PyTorch JNI (0.25 and 0.36 alike) knows only the first nine DJL data
 * types and aborts the whole process ("terminate called without an active exception") when asked
 * for {@code BFLOAT16}; and its {@code toType} is not recorded by autograd, so gradients would stop
 * at the cast. A scripted {@code torch.to(x, dtype)} run through DJL's module API avoids both: the
 * module forward runs with grad mode on, so the cast gets libtorch's own {@code ToCopyBackward},
 * and the bf16 tensor comes back as an ordinary (if DJL-typed "unknown") array.
 */
final class TorchScriptCast implements AutoCloseable {

    /** c10::ScalarType codes, as TorchScript source spells dtypes. */
    static final int SCALAR_FLOAT32 = 6;

    static final int SCALAR_BFLOAT16 = 15;

    private final TorchScriptModule module;

    private TorchScriptCast(TorchScriptModule module) {
        this.module = module;
    }

    /** Loads a module that converts its input to the given c10 scalar type. */
    static TorchScriptCast to(int scalarType, String className) {
        return new TorchScriptCast(TorchScriptModule.compile(
                className,
                "  def forward(self: __torch__." + className + ",\n"
                        + "    x: Tensor) -> Tensor:\n"
                        + "    return torch.to(x, " + scalarType + ")\n"));
    }

    /** The converted array, in the input's manager, recorded by autograd when grad mode is on. */
    NDArray apply(NDArray x) {
        try (IValue input = IValue.from((PtNDArray) x);
                IValue output = module.forwardRecorded(input)) {
            return output.toTensor((PtNDManager) x.getManager());
        }
    }

    @Override
    public void close() {
        module.close();
    }
}
