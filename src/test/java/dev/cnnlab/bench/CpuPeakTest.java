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
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 25, 17, "avx2 fma avx512f")).flopsPerCycle()).isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 23, 49, "avx2 fma")).flopsPerCycle()).isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("AuthenticAMD", 23, 1, "avx2 fma")).flopsPerCycle()).isEqualTo(16);
    }

    @Test
    void intelByVectorWidth() {
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 143, "avx2 fma avx512f")).flopsPerCycle()).isEqualTo(64);
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 158, "avx2 fma")).flopsPerCycle()).isEqualTo(32);
        assertThat(CpuPeak.Core.of(cpuinfo("GenuineIntel", 6, 42, "avx")).flopsPerCycle()).isEqualTo(16);
    }

    @Test
    void unknownCpusGetTheConservativeFigure() {
        assertThat(CpuPeak.Core.of("").flopsPerCycle()).isEqualTo(16);
    }

    @Test
    void theExplanationShowsEveryFactor() {
        CpuPeak peak = new CpuPeak(2, 2096, 64, "AMD Zen 5: two 512-bit FMA pipes");
        assertThat(peak.gflops()).isCloseTo(268.3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(peak.explain()).isEqualTo(
                "2 cores x 2096 MHz x 64 FP32 FLOP/cycle (AMD Zen 5: two 512-bit FMA pipes) = 268 GFLOP/s");
    }
}
