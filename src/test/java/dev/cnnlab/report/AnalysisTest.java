package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gains, ranking preservation, keep/drop and the noise level on hand-made numbers. */
class AnalysisTest {

    /**
     * small: base 60.0, a 61.0 (+1.0), b 59.5 (-0.5), c 60.2 (+0.2), d missing
     * large: base 70.0, a 71.5 (+1.5), b 70.8 (+0.8), c 69.0 (-1.0), d 70.5 (+0.5)
     */
    private static AccuracyTable table() {
        Map<String, Map<String, SeedStats>> stats = new LinkedHashMap<>();
        stats.put("base", Map.of("small", SeedStats.of(60.0), "large", SeedStats.of(70.0)));
        stats.put("a", Map.of("small", SeedStats.of(61.0), "large", SeedStats.of(71.5)));
        stats.put("b", Map.of("small", SeedStats.of(59.5), "large", SeedStats.of(70.8)));
        stats.put("c", Map.of("small", SeedStats.of(60.2), "large", SeedStats.of(69.0)));
        stats.put("d", Map.of("large", SeedStats.of(70.5)));
        return new AccuracyTable(List.of("base", "a", "b", "c", "d"), List.of("small", "large"), "base", stats);
    }

    @Test
    void gainsAreWithinModelDifferencesAndMissingStaysMissing() {
        AccuracyTable t = table();

        assertThat(t.gain("a", "small").getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(t.gain("a", "large").getAsDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(t.gain("b", "small").getAsDouble()).isCloseTo(-0.5, within(1e-9));
        assertThat(t.gain("c", "large").getAsDouble()).isCloseTo(-1.0, within(1e-9));
        assertThat(t.gain("base", "large").getAsDouble()).isZero();
        assertThat(t.gain("d", "small")).isEmpty();
        assertThat(t.candidates()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void proxyPointsOnlyWhereBothGainsExist() {
        ProxyAnalysis p = ProxyAnalysis.of(table(), "small", "large");

        assertThat(p.points()).extracting(ProxyAnalysis.Point::set).containsExactly("a", "b", "c");
        assertThat(p.correlation().n()).isEqualTo(3);
        // x = 1.0, -0.5, 0.2; y = 1.5, 0.8, -1.0: Sxy = 0.59667, Sxx = 1.12667, Syy = 3.32667
        //   r = 0.59667 / sqrt(1.12667 * 3.32667) = 0.30820
        assertThat(p.correlation().pearson().getAsDouble()).isCloseTo(0.30820, within(1e-5));
        // ranks x = 3,1,2; y = 3,2,1: rho = 0.5; pairs: (a,b) C, (a,c) C, (b,c) D -> tau = 1/3
        assertThat(p.correlation().spearman().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(p.correlation().kendall().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void rankingSwapsAreFound() {
        Ranking r = ProxyAnalysis.of(table(), "small", "large").ranking();

        // d has no small value, so it is not ranked
        assertThat(r.smallOrder()).containsExactly("a", "c", "base", "b");
        assertThat(r.largeOrder()).containsExactly("a", "b", "base", "c");
        assertThat(r.preserved()).isFalse();
        assertThat(r.swaps()).extracting(s -> s.smallWinner() + ">" + s.largeWinner())
                .containsExactlyInAnyOrder("base>b", "c>base", "c>b");
        Ranking.Swap cb = r.swaps().stream().filter(s -> s.smallWinner().equals("c") && s.largeWinner().equals("b"))
                .findFirst().orElseThrow();
        assertThat(cb.smallMargin()).isCloseTo(0.7, within(1e-9));
        assertThat(cb.largeMargin()).isCloseTo(1.8, within(1e-9));
    }

    @Test
    void identicalOrderIsPreservedAndTiesAreNotSwaps() {
        Map<String, Double> small = new LinkedHashMap<>(Map.of("x", 1.0));
        small.put("y", 2.0);
        small.put("z", 2.0);
        Map<String, Double> large = Map.of("x", 10.0, "y", 30.0, "z", 20.0);

        Ranking r = Ranking.compare(small, large);

        assertThat(r.preserved()).isTrue();
        assertThat(r.comparable()).isTrue();
        assertThat(Ranking.compare(Map.of("x", 1.0), Map.of("x", 2.0)).comparable()).isFalse();
    }

    @Test
    void keepDropAgreement() {
        ProxyAnalysis p = ProxyAnalysis.of(table(), "small", "large");
        Map<String, Verdict> v = new LinkedHashMap<>();
        p.verdicts().forEach(x -> v.put(x.set(), x));

        assertThat(v.get("a").small()).isEqualTo(Verdict.Decision.KEEP);
        assertThat(v.get("a").large()).isEqualTo(Verdict.Decision.KEEP);
        assertThat(v.get("a").agree()).contains(true);
        assertThat(v.get("b").small()).isEqualTo(Verdict.Decision.DROP);
        assertThat(v.get("b").agree()).contains(false);
        assertThat(v.get("c").large()).isEqualTo(Verdict.Decision.DROP);
        assertThat(v.get("c").agree()).contains(false);
        assertThat(v.get("d").small()).isEqualTo(Verdict.Decision.UNKNOWN);
        assertThat(v.get("d").agree()).isEmpty();
        assertThat(p.decided()).hasSize(3);
        assertThat(p.agreements()).isEqualTo(1);
    }

    @Test
    void zeroGainIsADrop() {
        assertThat(new Verdict("s", java.util.OptionalDouble.of(0.0), java.util.OptionalDouble.of(0.01)).agree()).contains(false);
    }

    @Test
    void seedStatsUseTheSampleStd() {
        SeedStats s = SeedStats.of(70.0, 70.6, 71.2);

        assertThat(s.mean()).isCloseTo(70.6, within(1e-9));
        assertThat(s.std().getAsDouble()).isCloseTo(0.6, within(1e-9)); // sqrt((0.36 + 0 + 0.36) / 2)
        assertThat(SeedStats.of(70.0).std()).isEmpty();
        assertThat(Fmt.stats(s, 3)).isEqualTo("70.60 ± 0.60 (n=3)");
        assertThat(Fmt.stats(SeedStats.of(70.0, 71.0), 3)).isEqualTo("70.50 ± 0.71 (n=2 of 3)");
        assertThat(Fmt.stats(SeedStats.of(70.0), 1)).isEqualTo("70.00");
    }

    @Test
    void noiseIsMeasuredFromSeedsOrStatedAsAssumption() {
        NoiseLevel single = NoiseLevel.of(List.of(SeedStats.of(60.0), SeedStats.of(61.0)), 1);
        assertThat(single.pooledStd()).isEmpty();
        assertThat(single.threshold()).isEqualTo(0.5);
        assertThat(single.explanation()).contains("One seed per cell").contains("±0.5");

        // variances 0.09 and 0.25: pooled s = sqrt(0.17) = 0.4123; SE of a 3-seed gain = s * sqrt(2/3) = 0.3367
        NoiseLevel measured = NoiseLevel.of(List.of(SeedStats.of(60.0, 60.3, 60.6), SeedStats.of(70.0, 70.5, 71.0)), 3);
        assertThat(measured.pooledStd().getAsDouble()).isCloseTo(Math.sqrt(0.17), within(1e-9));
        assertThat(measured.threshold()).isCloseTo(2 * Math.sqrt(0.17) * Math.sqrt(2.0 / 3), within(1e-9));
        assertThat(measured.withinNoise(0.6)).isTrue();
        assertThat(measured.withinNoise(-0.7)).isFalse();
        assertThat(measured.explanation()).contains("0.41").contains("±0.67");
    }

    @Test
    void formatsNeverPrintNegativeZeroOrUnsignedGains() {
        assertThat(Fmt.gain(-0.001)).isEqualTo("+0.00");
        assertThat(Fmt.gain(1.234)).isEqualTo("+1.23");
        assertThat(Fmt.gain(-0.5)).isEqualTo("-0.50");
        assertThat(Fmt.gain(java.util.OptionalDouble.empty())).isEqualTo("—");
    }
}
