package dev.cnnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The machine's theoretical fp32 peak: cores x clock x FLOP per cycle per core.
 *
 * @param cores cores used (the libtorch threads)
 * @param mhz the clock the peak uses: measured under load ({@link CoreClock}), or the nominal one
 * @param clockBasis where the clock comes from
 * @param flopsPerCycle fp32 FLOP per cycle per core
 * @param basis where the FLOP per cycle come from (the core's FMA pipes, or the user)
 */
record CpuPeak(int cores, double mhz, String clockBasis, int flopsPerCycle, String basis) {

    /**
     * A measured clock outside this range of the nominal one is not believed (an interpreted
     * probe, a host stealing the core); turbo clocks stay well inside it.
     */
    private static final double MIN_PLAUSIBLE_RATIO = 0.5;

    private static final double MAX_PLAUSIBLE_RATIO = 3.0;
    private static final double MIN_PLAUSIBLE_MHZ = 300;
    private static final double MAX_PLAUSIBLE_MHZ = 8000;
    private static final double ASSUMED_MHZ = 2600;

    /**
     * @param cores cores used
     * @param flopsPerCycle the user's figure, or null to derive it from /proc/cpuinfo
     */
    static CpuPeak of(int cores, Integer flopsPerCycle) {
        String cpuinfo = readCpuinfo();
        Core core = flopsPerCycle != null ? new Core(flopsPerCycle, "given by --flops-per-cycle") : Core.of(cpuinfo);
        return of(cores, clockMhz(cpuinfo), CoreClock.measureMhz(), core);
    }

    /**
     * Chooses between the nominal and the measured clock.
     *
     * @param nominalMhz the clock /proc/cpuinfo reports, or NaN where it reports none
     */
    static CpuPeak of(int cores, double nominalMhz, double measuredMhz, Core core) {
        boolean nominalKnown = !Double.isNaN(nominalMhz);
        boolean plausible = nominalKnown
                ? measuredMhz >= MIN_PLAUSIBLE_RATIO * nominalMhz && measuredMhz <= MAX_PLAUSIBLE_RATIO * nominalMhz
                : measuredMhz >= MIN_PLAUSIBLE_MHZ && measuredMhz <= MAX_PLAUSIBLE_MHZ;
        double mhz;
        String clockBasis;
        if (plausible) {
            mhz = measuredMhz;
            clockBasis = nominalKnown
                    ? String.format(Locale.ROOT, "measured; /proc/cpuinfo says %.0f", nominalMhz)
                    : "measured";
        } else {
            mhz = nominalKnown ? nominalMhz : ASSUMED_MHZ;
            clockBasis = String.format(
                    Locale.ROOT,
                    "%s; the measured %.0f MHz was implausible",
                    nominalKnown ? "/proc/cpuinfo" : "assumed",
                    measuredMhz);
        }
        return new CpuPeak(cores, mhz, clockBasis, core.flopsPerCycle(), core.basis());
    }

    double gflops() {
        return cores * mhz * 1e6 * flopsPerCycle / 1e9;
    }

    String explain() {
        return String.format(
                Locale.ROOT,
                "%d cores x %.0f MHz (%s) x %d FP32 FLOP/cycle (%s) = %.0f GFLOP/s",
                cores,
                mhz,
                clockBasis,
                flopsPerCycle,
                basis,
                gflops());
    }

    /**
     * FP32 FLOP per cycle of one core: FMA pipes x vector lanes x 2, from the vendor, family and
     * flags. The figure matters: Zen 5 has two full-width 512-bit FMA pipes (64 FLOP/cycle) where
     * Zen 4 splits 512-bit work over two 256-bit pipes (32). Checked on a 2-core Zen 5 VM: a
     * hand-written loop of independent 512-bit FMAs reaches 430 GFLOP/s, 64 FLOP per cycle at
     * the measured 3.4 GHz.
     */
    record Core(int flopsPerCycle, String basis) {

        static Core of(String cpuinfo) {
            String vendor = field(cpuinfo, "vendor_id");
            int family = parseInt(field(cpuinfo, "cpu family"));
            int model = parseInt(field(cpuinfo, "model"));
            Set<String> flags =
                    new HashSet<>(Arrays.asList(field(cpuinfo, "flags").split("\\s+")));
            boolean avx512 = flags.contains("avx512f");
            boolean fma256 = flags.contains("avx2") && flags.contains("fma");
            if ("AuthenticAMD".equals(vendor)) {
                if (family >= 0x1A && avx512) {
                    return new Core(64, "AMD Zen 5: two 512-bit FMA pipes");
                }
                if (family == 0x19 || (family == 0x17 && model >= 0x30)) {
                    return new Core(32, "AMD Zen 2-4: two 256-bit FMA pipes");
                }
                if (family == 0x17) {
                    return new Core(16, "AMD Zen 1: two 128-bit FMA pipes");
                }
            }
            if ("GenuineIntel".equals(vendor) && avx512) {
                return new Core(64, "Intel AVX-512: two 512-bit FMA pipes");
            }
            if (fma256) {
                return new Core(32, "AVX2: two 256-bit FMA pipes");
            }
            return new Core(16, "no AVX2 FMA: assumed two 128-bit FMA pipes");
        }

        private static String field(String cpuinfo, String name) {
            for (String line : cpuinfo.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        private static int parseInt(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    private static String readCpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double clockMhz(String cpuinfo) {
        double sum = 0;
        int n = 0;
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("cpu MHz")) {
                try {
                    sum += Double.parseDouble(
                            line.substring(line.indexOf(':') + 1).trim());
                    n++;
                } catch (RuntimeException e) {
                    // a malformed line does not count
                }
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }
}
