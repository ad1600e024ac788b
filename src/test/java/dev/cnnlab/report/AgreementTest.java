package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.report.Agreement.Statistic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agreement statistics against values worked out by hand. */
class AgreementTest {

    private static final List<String> SETS = List.of("base", "a", "b", "c", "d");

    /** Means whose gains over "base" (at 50) are the given values. */
    private static Map<String, Double> gains(double... values) {
        Map<String, Double> means = new LinkedHashMap<>();
        means.put("base", 50.0);
        for (int i = 0; i < values.length; i++) {
            means.put(SETS.get(i + 1), 50 + values[i]);
        }
        return means;
    }

    private static double[] of(Map<String, Double> proxy, Map<String, Double> target) {
        return Agreement.of(proxy, target, SETS.subList(0, proxy.size()), "base");
    }

    @Test
    void kendallTauBCorrectsForTiesOnBothSides() {
        // x = 1 2 2 3, y = 1 2 3 3: 4 concordant pairs, 0 discordant, one tie in x, one in y:
        // tau-b = (4 - 0) / sqrt((6 - 1) * (6 - 1)) = 0.8 (tau-a would be 4/6)
        double[] s = of(gains(1, 2, 2, 3), gains(1, 2, 3, 3));
        assertThat(s[Statistic.KENDALL.ordinal()]).isCloseTo(0.8, within(1e-12));
        // x = 1 2 3 4, y = 2 1 4 3: 4 concordant, 2 discordant of 6: tau = 1/3
        assertThat(of(gains(1, 2, 3, 4), gains(2, 1, 4, 3))[Statistic.KENDALL.ordinal()])
                .isCloseTo(1.0 / 3, within(1e-12));
        // Spearman on the same: ranks 1 2 3 4 vs 2 1 4 3, d^2 = 4: rho = 1 - 6*4/(4*15) = 0.6
        assertThat(of(gains(1, 2, 3, 4), gains(2, 1, 4, 3))[Statistic.SPEARMAN.ordinal()])
                .isCloseTo(0.6, within(1e-12));
    }

    @Test
    void signTopOneAndRegretOnAFixture() {
        // proxy gains a +1.0, b +1.5, c -0.5; target gains a +1.2, b +0.9, c +1.0
        double[] s = of(gains(1.0, 1.5, -0.5), gains(1.2, 0.9, 1.0));
        // keep/drop: a keep/keep, b keep/keep, c drop/keep: 2 of 3
        assertThat(s[Statistic.SIGN.ordinal()]).isCloseTo(2.0 / 3, within(1e-12));
        // the proxy picks b (51.5); the target's best is a (51.2); b gives 50.9 on the target
        assertThat(s[Statistic.TOP1.ordinal()]).isEqualTo(0);
        assertThat(s[Statistic.REGRET.ordinal()]).isCloseTo(0.3, within(1e-9));
        // Pearson by hand: x - mean = 1/3, 5/6, -7/6; y - mean = 1/6, -2/15, -1/30
        // sxy = 1/18 - 1/9 + 7/180 = -1/60; sxx = 13/6; syy = 7/150 -> r = -(1/60) / sqrt(91/900) = -0.052414
        assertThat(s[Statistic.PEARSON.ordinal()]).isCloseTo(-0.052414, within(1e-6));
        assertThat(s[Statistic.KENDALL.ordinal()]).isCloseTo(-1.0 / 3, within(1e-12));
    }

    @Test
    void aProxyThatPicksTheBaselineWhenNothingHelpsHasNoRegretIfTheTargetAgrees() {
        double[] s = of(gains(-1, -2, -0.5), gains(-0.2, -0.1, -0.3));
        assertThat(s[Statistic.TOP1.ordinal()]).isEqualTo(1);
        assertThat(s[Statistic.REGRET.ordinal()]).isZero();
        assertThat(s[Statistic.SIGN.ordinal()]).isEqualTo(1);
    }

    @Test
    void correlationsAreUndefinedWithTooFewSetsOrZeroVariance() {
        double[] two = of(gains(1, 2), gains(1, 3));
        assertThat(two[Statistic.KENDALL.ordinal()]).isNaN();
        assertThat(two[Statistic.PEARSON.ordinal()]).isNaN();
        assertThat(two[Statistic.SIGN.ordinal()]).isEqualTo(1);
        assertThat(Agreement.correlationProblem(gains(1, 2), gains(1, 3), SETS.subList(0, 3), "base"))
                .isEqualTo("needs at least 3 sets besides the baseline with runs on both, has 2");
        double[] flat = of(gains(1, 1, 1), gains(1, 2, 3));
        assertThat(flat[Statistic.SPEARMAN.ordinal()]).isNaN();
        assertThat(Agreement.correlationProblem(gains(1, 1, 1), gains(1, 2, 3), SETS.subList(0, 4), "base"))
                .isEqualTo("the proxy's gains are all equal (zero variance)");
    }
}
