package dev.cnnlab.torch;

import ai.djl.ndarray.NDArray;

/** The process-wide scripted casts, loaded on first use (a few milliseconds of TorchScript compile). */
final class Casts {

    private Casts() {}

    private static final class ToBFloat16 {
        static final TorchScriptCast CAST = TorchScriptCast.to(TorchScriptCast.SCALAR_BFLOAT16, "ToBFloat16");
    }

    private static final class ToFloat32 {
        static final TorchScriptCast CAST = TorchScriptCast.to(TorchScriptCast.SCALAR_FLOAT32, "ToFloat32");
    }

    static NDArray toBFloat16(NDArray x) {
        return ToBFloat16.CAST.apply(x);
    }

    static NDArray toFloat32(NDArray x) {
        return ToFloat32.CAST.apply(x);
    }
}
