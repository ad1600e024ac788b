package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.report.analysis.Agreement.Statistic;
import org.junit.jupiter.api.Test;

/** The agreement statistics against values worked out by hand (x: the proxy's gains, y: the target's). */
class AgreementTest {

    private static double[] g(double... gains) {
        return gains;
    }

    @Test
    void kendallTauBCorrectsForTiesOnBothSides() {
        // x = 1 2 2 3, y = 1 2 3 3: 4 concordant pairs, 0 discordant, one tie in x, one in y:
        // tau-b = (4 - 0) / sqrt((6 - 1) * (6 - 1)) = 0.8 (tau-a would be 4/6)
        assertThat(Agreement.kendall(g(1, 2, 2, 3), g(1, 2, 3, 3))).isCloseTo(0.8, within(1e-12));
        // x = 1 2 3 4, y = 2 1 4 3: 4 concordant, 2 discordant of 6: tau = 1/3
        assertThat(Agreement.kendall(g(1, 2, 3, 4), g(2, 1, 4, 3))).isCloseTo(1.0 / 3, within(1e-12));
        // Spearman on the same: ranks 1 2 3 4 vs 2 1 4 3, d^2 = 4: rho = 1 - 6*4/(4*15) = 0.6
        assertThat(Agreement.spearman(g(1, 2, 3, 4), g(2, 1, 4, 3))).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void signPickAndRegretOnAFixture() {
        // proxy gains a +1.0, b +1.5, c -0.5; target gains a +1.2, b +0.9, c +1.0
        double[] x = g(1.0, 1.5, -0.5);
        double[] y = g(1.2, 0.9, 1.0);
        // keep/drop: a keep/keep, b keep/keep, c drop/keep: 2 of 3
        assertThat(Statistic.SIGN.of(x, y)).isCloseTo(2.0 / 3, within(1e-12));
        // the proxy picks b (index 1); the target's best is a (+1.2); b gives +0.9 there: regret 0.3
        assertThat(Agreement.pick(x)).isEqualTo(1);
        assertThat(Agreement.pick(y)).isEqualTo(0);
        assertThat(Agreement.regret(y, 1)).isCloseTo(0.3, within(1e-9));
        // Pearson by hand: x - mean = 1/3, 5/6, -7/6; y - mean = 1/6, -2/15, -1/30
        // sxy = 1/18 - 1/9 + 7/180 = -1/60; sxx = 13/6; syy = 7/150 -> r = -(1/60) / sqrt(91/900) = -0.052414
        assertThat(Statistic.PEARSON.of(x, y)).isCloseTo(-0.052414, within(1e-6));
        assertThat(Statistic.KENDALL.of(x, y)).isCloseTo(-1.0 / 3, within(1e-12));
    }

    @Test
    void aProxyThatPicksTheBaselineWhenNothingHelpsHasNoRegretIfTheTargetAgrees() {
        double[] x = g(-1, -2, -0.5);
        double[] y = g(-0.2, -0.1, -0.3);
        assertThat(Agreement.pick(x)).isEqualTo(-1);
        assertThat(Agreement.pick(y)).isEqualTo(-1);
        assertThat(Agreement.regret(y, -1)).isZero();
        assertThat(Agreement.sign(x, y)).isEqualTo(1);
        // the baseline (gain 0) wins a tie with a set at exactly 0
        assertThat(Agreement.pick(g(0, -1))).isEqualTo(-1);
    }

    @Test
    void correlationsAreUndefinedWithTooFewSetsOrZeroVariance() {
        assertThat(Agreement.kendall(g(1, 2), g(1, 3))).isNaN();
        assertThat(Agreement.pearson(g(1, 2), g(1, 3))).isNaN();
        assertThat(Agreement.sign(g(1, 2), g(1, 3))).isEqualTo(1);
        assertThat(Agreement.correlationProblem(g(1, 2), g(1, 3)))
                .isEqualTo("needs at least 3 sets besides the baseline with runs on both, has 2");
        assertThat(Agreement.spearman(g(1, 1, 1), g(1, 2, 3))).isNaN();
        assertThat(Agreement.correlationProblem(g(1, 1, 1), g(1, 2, 3)))
                .isEqualTo("the proxy's gains are all equal (zero variance)");
    }
}
