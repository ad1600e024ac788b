package dev.cnnlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuPeakTest {

    private static String cpuinfo(String vendor, int family, int model, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: " + model
                + "\nmodel name\t: some cpu\ncpu MHz\t\t: 2096.004\nflags\t\t: fpu sse2 " + flags + "\n\n";
    }

    @Test
    void zen5WithAvx512HasTwoFullWidthFmaPipes() {
        CpuPeak.Core core = CpuPeak.Core.of(cpuinfo("AuthenticAMD", 26, 2, "avx2 fma avx512f avx512_bf16"));
        assertThat(core.flopsPerCycle()).isEqualTo(64);
        assertThat(core.basis()).contains("Zen 5");
    }

    @Test
    void zen4SplitsAvx512OverTwo256BitPipes() {
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 25, 17, "avx2 fma avx512f"))
                        .flopsPerCycle())
                .isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 23, 49, "avx2 fma")).flopsPerCycle())
                .isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 23, 1, "avx2 fma")).flopsPerCycle())
                .isEqualTo(16);
    }

    @Test
    void intelByVectorWidth() {
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 143, "avx2 fma avx512f"))
                        .flopsPerCycle())
                .isEqualTo(64);
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 158, "avx2 fma")).flopsPerCycle())
                .isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 42, "avx")).flopsPerCycle())
                .isEqualTo(16);
    }

    @Test
    void unknownCpusGetTheConservativeFigure() {
        assertThat(CpuPeak.Core.of("").flopsPerCycle()).isEqualTo(16);
    }

    @Test
    void theExplanationShowsEveryFactor() {
        CpuPeak peak = CpuPeak.of(2, 2096.004, 3400, new CpuPeak.Core(64, "AMD Zen 5: two 512-bit FMA pipes"));
        assertThat(peak.gflops()).isCloseTo(435.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(peak.explain())
                .isEqualTo("2 cores x 3400 MHz (measured; /proc/cpuinfo says 2096) x 64 FP32 FLOP/cycle"
                        + " (AMD Zen 5: two 512-bit FMA pipes) = 435 GFLOP/s");
    }

    @Test
    void anImplausibleMeasuredClockGivesWayToTheNominalOne() {
        CpuPeak.Core core = new CpuPeak.Core(32, "AVX2: two 256-bit FMA pipes");
        CpuPeak interpreted = CpuPeak.of(2, 2600, 150, core);
        assertThat(interpreted.mhz()).isEqualTo(2600);
        assertThat(interpreted.explain()).contains("/proc/cpuinfo; the measured 150 MHz was implausible");
        assertThat(CpuPeak.of(2, 2600, 9000, core).mhz()).isEqualTo(2600);
        assertThat(CpuPeak.of(2, 2600, 4400, core).mhz()).isEqualTo(4400); // a turbo clock is believed
    }

    @Test
    void withoutANominalClockTheMeasuredOneIsUsedWhenSane() {
        CpuPeak.Core core = new CpuPeak.Core(16, "no AVX2 FMA: assumed two 128-bit FMA pipes");
        assertThat(CpuPeak.of(4, Double.NaN, 1800, core).clockBasis()).isEqualTo("measured");
        CpuPeak insane = CpuPeak.of(4, Double.NaN, 20, core);
        assertThat(insane.mhz()).isEqualTo(2600);
        assertThat(insane.clockBasis()).startsWith("assumed");
    }
}
