package dev.cnnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's theoretical fp32 peak: cores x clock x FLOP per cycle per core.
 *
 * @param cores cores used (the libtorch threads)
 * @param mhz clock from /proc/cpuinfo
 * @param flopsPerCycle fp32 FLOP per cycle per core
 */
record CpuPeak(int cores, double mhz, int flopsPerCycle) {

    /**
     * Two 256-bit FMA pipes: 2 x 8 lanes x 2 FLOP = 32 per cycle. The PyTorch reference script
     * uses the same figure; cores with two full 512-bit FMA pipes can do twice that.
     */
    static final int DEFAULT_FLOPS_PER_CYCLE = 32;

    static CpuPeak of(int cores, int flopsPerCycle) {
        return new CpuPeak(cores, clockMhz(), flopsPerCycle);
    }

    double gflops() {
        return cores * mhz * 1e6 * flopsPerCycle / 1e9;
    }

    String explain() {
        return String.format(Locale.ROOT, "%d cores x %.0f MHz x %d FP32 FLOP/cycle = %.0f GFLOP/s", cores, mhz,
                flopsPerCycle, gflops());
    }

    private static double clockMhz() {
        try {
            double sum = 0;
            int n = 0;
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    sum += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                    n++;
                }
            }
            if (n > 0) {
                return sum / n;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 2600;
    }
}
