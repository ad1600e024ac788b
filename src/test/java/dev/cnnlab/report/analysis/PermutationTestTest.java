package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact permutation p-values against counts worked out by hand, and Holm's correction. */
class PermutationTestTest {

    private static PermutationTest.Result kendall(double[] x, double[] y) {
        return PermutationTest.of(List.<double[][]>of(new double[][] {x, y}), Agreement::kendall);
    }

    @Test
    void aPerfectRankingOfThreeSetsHappensByChanceOneTimeInSix() {
        PermutationTest.Result r = kendall(new double[] {1, 2, 3}, new double[] {0.1, 0.5, 0.9});
        assertThat(r.p()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.exact()).isTrue();
        assertThat(r.relabellings()).isEqualTo(6);
        assertThat(r.smallest()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void fourSetsGiveOneIn24AndTheNullDistributionOfTauIsTheMahonianOne() {
        assertThat(kendall(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}).p())
                .isCloseTo(1.0 / 24, within(1e-12));
        // tau = 2/3 is one discordant pair: 1 + 3 permutations of 4 have at most one inversion -> p = 4/24
        assertThat(kendall(new double[] {2, 1, 3, 4}, new double[] {1, 2, 3, 4}).p())
                .isCloseTo(4.0 / 24, within(1e-12));
        // tau = 0 (3 inversions of 6): inversions 0..3 count 1 + 3 + 5 + 6 = 15 of 24
        assertThat(kendall(new double[] {3, 2, 1, 4}, new double[] {1, 2, 3, 4}).p())
                .isCloseTo(15.0 / 24, within(1e-12));
    }

    @Test
    void tiesInTheProxysGainsAreHandled() {
        // x = 1 1 2 (a tie), y = 1 2 3: tau-b = 2 / sqrt(2 * 3) = 0.8165 for the identity; relabellings of x:
        // 2 put the "2" last (tau-b 0.8165), 2 in the middle (0), 2 first (-0.8165) -> p = 2/6
        PermutationTest.Result r = kendall(new double[] {1, 1, 2}, new double[] {1, 2, 3});
        assertThat(Agreement.kendall(new double[] {1, 1, 2}, new double[] {1, 2, 3}))
                .isCloseTo(2 / Math.sqrt(6), within(1e-12));
        assertThat(r.p()).isCloseTo(2.0 / 6, within(1e-12));
        // Spearman with the same tie: average ranks 1.5 1.5 3; the same three classes -> p = 2/6
        assertThat(PermutationTest.of(List.<double[][]>of(new double[][] {{1, 1, 2}, {1, 2, 3}}), Agreement::spearman)
                        .p())
                .isCloseTo(2.0 / 6, within(1e-12));
    }

    @Test
    void splitsAreRelabelledAlikeAndAveraged() {
        // two splits, each a perfect ranking of 3: the mean is 1 only for the identity -> 1/6
        List<double[][]> pairs =
                List.of(new double[][] {{1, 2, 3}, {1, 2, 3}}, new double[][] {{0.5, 2, 2.5}, {1, 1.5, 4}});
        assertThat(PermutationTest.of(pairs, Agreement::kendall).p()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void setsNeededForAPerfectRankingToReachFivePercent() {
        // one test: 1/24 = 0.042 -> 4 sets; 13 tests under Holm: 13/5! = 0.108, 13/6! = 0.018 -> 6 sets
        assertThat(PermutationTest.setsNeeded(0.05, 1)).isEqualTo(4);
        assertThat(PermutationTest.setsNeeded(0.05, 13)).isEqualTo(6);
    }

    @Test
    void holmMultipliesTheSmallestByTheNumberOfTestsAndKeepsTheOrder() {
        // p = 0.01, 0.04, 0.03, NaN (untested): sorted 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 -> max(0.06, 0.04)
        double[] adjusted = Stats.holm(new double[] {0.01, 0.04, 0.03, Double.NaN});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isNaN();
    }
}
