package dev.cnnlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    // x = 1,2,3,4 and y = 2,4,5,4 by hand:
    // Pearson: dx = -1.5,-0.5,0.5,1.5; dy = -1.75,0.25,1.25,0.25; Sxy = 3.5, Sxx = 5, Syy = 4.75
    //   r = 3.5 / sqrt(23.75) = 0.718185
    // Spearman: ranks of y with the tie averaged = 1, 2.5, 4, 2.5; Pearson of (1,2,3,4) with those:
    //   Sxy = 3, Sxx = 5, Syy = 4.5, rho = 3 / sqrt(22.5) = 0.632456
    // Kendall tau-b: 6 pairs, 4 concordant, 1 discordant, 1 tied in y only:
    //   (4 - 1) / sqrt((6 - 0) * (6 - 1)) = 3 / sqrt(30) = 0.547723
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 4, 5, 4};

    @Test
    void matchesHandComputedValues() {
        Correlation c = Correlation.of(X, Y);

        assertThat(c.defined()).isTrue();
        assertThat(c.n()).isEqualTo(4);
        assertThat(c.pearson().getAsDouble()).isCloseTo(0.718185, within(1e-6));
        assertThat(c.spearman().getAsDouble()).isCloseTo(0.632456, within(1e-6));
        assertThat(c.kendall().getAsDouble()).isCloseTo(0.547723, within(1e-6));
    }

    @Test
    void fewerThanFivePointsIsAnecdotalWithoutSignificance() {
        Correlation c = Correlation.of(X, Y);

        assertThat(c.anecdotal()).isTrue();
        assertThat(c.pearsonP()).isEmpty();
        assertThat(c.figures()).isEqualTo("Pearson r = 0.718, Spearman ρ = 0.632, Kendall τ-b = 0.548 (n = 4)");
        assertThat(c.caveat()).contains("Anecdotal").contains("no significance");
    }

    @Test
    void fivePointsGetAPValue() {
        // r = 0.8; t = r * sqrt((n - 2) / (1 - r^2)) = 2.3094 with 3 degrees of freedom: two-sided p = 0.1041
        Correlation c = Correlation.of(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});

        assertThat(c.anecdotal()).isFalse();
        assertThat(c.pearson().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(c.spearman().getAsDouble()).isCloseTo(0.8, within(1e-9));
        // 8 concordant, 2 discordant of 10 pairs, no ties
        assertThat(c.kendall().getAsDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(c.pearsonP().getAsDouble()).isCloseTo(0.1041, within(1e-4));
        assertThat(c.caveat()).isEmpty();
        assertThat(c.figures()).contains("p = 0.104");
    }

    @Test
    void undefinedBelowThreePointsAndNeverNaN() {
        for (int n = 0; n < 3; n++) {
            double[] x = java.util.Arrays.copyOf(new double[] {1.0, 2.0}, n);
            double[] y = java.util.Arrays.copyOf(new double[] {0.5, -1.0}, n);
            Correlation c = Correlation.of(x, y);

            assertThat(c.defined()).isFalse();
            assertThat(c.pearson()).isEmpty();
            assertThat(c.spearman()).isEmpty();
            assertThat(c.kendall()).isEmpty();
            assertThat(c.figures()).contains("undefined with n = " + n).doesNotContain("NaN");
            assertThat(c.caveat()).contains("fewer than 3 points");
        }
    }

    @Test
    void undefinedWhenOneSideIsConstant() {
        Correlation c = Correlation.of(new double[] {1, 2, 3}, new double[] {0.5, 0.5, 0.5});

        assertThat(c.defined()).isFalse();
        assertThat(c.figures()).contains("y values are all equal").doesNotContain("NaN");
    }

    @Test
    void rejectsUnpairedValues() {
        assertThatThrownBy(() -> Correlation.of(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
