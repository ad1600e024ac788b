package dev.cnnlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The fp32 rate libtorch's best convolution kernel reaches on this machine: a wide 3x3
 * convolution in channels-last layout, the friendliest shape for oneDNN. It is a measured
 * ceiling to read the theoretical peak and the network's rate against. A large matrix product
 * is not: libtorch sends it to MKL, which on AMD cores runs its AVX2 path (176 GFLOP/s on a
 * 2-core Zen 5 VM, where this convolution reaches 390-410 and the FMA units 430).
 */
final class ConvCeiling {

    private static final int BATCH = 32;
    private static final int CHANNELS = 256;
    private static final int SIDE = 16;
    private static final int KERNEL = 3;
    private static final int REPEATS = 10;

    private ConvCeiling() {}

    /** Best of a few runs of the convolution, in GFLOP/s. */
    static double measureGflops(NDManager manager) {
        double flops = 2.0 * BATCH * SIDE * SIDE * CHANNELS * CHANNELS * KERNEL * KERNEL;
        double best = 0;
        try (NDManager scope = manager.newSubManager()) {
            // NHWC and OHWI storage viewed as NCHW and OIHW: the layouts the network trains in
            NDArray input =
                    scope.randomNormal(new Shape(BATCH, SIDE, SIDE, CHANNELS)).transpose(0, 3, 1, 2);
            NDArray kernel = scope.randomNormal(new Shape(CHANNELS, KERNEL, KERNEL, CHANNELS))
                    .transpose(0, 3, 1, 2);
            Shape unit = new Shape(1, 1);
            Shape same = new Shape(KERNEL / 2, KERNEL / 2);
            for (int i = 0; i < REPEATS; i++) {
                try (NDManager step = scope.newSubManager()) {
                    long start = System.nanoTime();
                    NDArray output = Conv2d.conv2d(input, kernel, null, unit, same, unit, 1)
                            .singletonOrThrow();
                    output.attach(step);
                    output.getFloat(0, 0, 0, 0); // waits for the result on asynchronous devices
                    double seconds = (System.nanoTime() - start) / 1e9;
                    best = Math.max(best, flops / seconds / 1e9);
                }
            }
        }
        return best;
    }
}
