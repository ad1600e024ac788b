package dev.cnnlab.torch;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The number format a network computes in.
 *
 * <p>{@link #BF16} is mixed precision in the manner of PyTorch's CPU autocast: master weights,
 * gradients, optimiser state, batch-norm parameters and running statistics stay float32;
 * convolution and linear weights are cast to bfloat16 as they are used, the input is cast once,
 * activations flow in bfloat16 (libtorch's batch norm accepts bf16 input with float32 parameters),
 * and the logits are cast back to float32 before the loss. bfloat16 keeps float32's exponent range,
 * so no loss scaling is needed.
 */
public enum Precision {
    /** Everything in float32. */
    FP32("fp32"),
    /** bfloat16 compute with float32 master weights. */
    BF16("bf16");

    private final String key;

    Precision(String key) {
        this.key = key;
    }

    /** The name used in options, configs and results. */
    public String key() {
        return key;
    }

    /** The precision named {@code key}, or a one-line error naming the choices. */
    public static Precision of(String key) {
        for (Precision p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        throw new CnnlabException("unknown precision '" + key + "': use "
                + Arrays.stream(values()).map(Precision::key).collect(Collectors.joining(" or ")));
    }

    /** The precision a parameter store computes in (a plain DJL store computes in float32). */
    public static Precision of(ParameterStore store) {
        return store instanceof PrecisionParameterStore p ? p.precision() : FP32;
    }

    /**
     * Runs a forward pass of a network using {@code store}; arrays the precision creates for the
     * pass (cast weights) go into {@code scratch}, to be closed with the pass's activations.
     */
    public static <T> T forward(ParameterStore store, NDManager scratch, Supplier<T> pass) {
        return store instanceof PrecisionParameterStore p ? p.forward(scratch, pass) : pass.get();
    }

    /** A parameter store that hands every layer its weights in this precision. */
    public ParameterStore parameterStore(NDManager manager) {
        return this == FP32 ? new DirectParameterStore(manager) : new PrecisionParameterStore(manager, this);
    }

    /** A float32 array in this precision: the network input, a weight (recorded by autograd). */
    public NDArray cast(NDArray x) {
        return this == FP32 ? x : Casts.toBFloat16(x);
    }

    /** An array in the same precision as {@code reference} (masks and constants meeting activations). */
    public static NDArray like(NDArray array, NDArray reference) {
        return isFloat32(reference) ? array : Casts.toBFloat16(array);
    }

    /** An activation back in float32 (recorded by autograd): the logits before the loss. */
    public static NDArray toFloat32(NDArray x) {
        return isFloat32(x) ? x : Casts.toFloat32(x);
    }

    /**
     * A note when this precision is slow on this machine: bf16 on a CPU without AVX512-BF16 or
     * AMX is emulated by libtorch and slower than float32. Nothing for GPUs or unreadable flags.
     */
    public Optional<String> speedWarning(Device device) {
        if (this == FP32 || device.isGpu()) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("flags")).findFirst().flatMap(this::speedWarning);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** {@link #speedWarning(Device)} for the flags line of /proc/cpuinfo. */
    Optional<String> speedWarning(String cpuFlags) {
        if (this == FP32) {
            return Optional.empty();
        }
        String flags = " " + cpuFlags.toLowerCase(Locale.ROOT) + " ";
        if (flags.contains(" avx512_bf16 ") || flags.contains(" amx_bf16 ")) {
            return Optional.empty();
        }
        return Optional.of("this CPU has no AVX512-BF16 or AMX-BF16 instructions: bf16 is emulated and usually"
                + " slower than fp32 here (use --precision fp32)");
    }

    /** DJL reports bfloat16 arrays as UNKNOWN, so "not float32" is how a bf16 activation shows. */
    private static boolean isFloat32(NDArray x) {
        return x.getDataType() == DataType.FLOAT32;
    }
}
