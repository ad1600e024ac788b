package dev.cnnlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The fp32 throughput this machine's libtorch actually reaches on its friendliest workload, a
 * large square matrix product: a measured ceiling to read the theoretical peak against (a clock
 * read from /proc/cpuinfo may be far from the one the cores run at, and the FLOP per cycle is
 * an assumption).
 */
final class GemmCeiling {

    private static final int SIDE = 2048;
    private static final int REPEATS = 8;

    private GemmCeiling() {}

    /** Best of a few 2048 x 2048 x 2048 products, in GFLOP/s. */
    static double measureGflops(NDManager manager) {
        double best = 0;
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new Shape(SIDE, SIDE));
            NDArray b = scope.randomNormal(new Shape(SIDE, SIDE));
            for (int i = 0; i < REPEATS; i++) {
                try (NDManager step = scope.newSubManager()) {
                    long start = System.nanoTime();
                    NDArray product = a.matMul(b);
                    product.attach(step);
                    product.getFloat(0, 0);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    best = Math.max(best, 2.0 * SIDE * SIDE * SIDE / seconds / 1e9);
                }
            }
        }
        return best;
    }
}
