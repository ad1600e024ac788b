package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.report.analysis.TransferValidation.Fold;
import dev.cnnlab.report.analysis.TransferValidation.Guess;
import dev.cnnlab.report.analysis.TransferValidation.Predictor;
import dev.cnnlab.report.analysis.TransferValidation.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Leave-one-technique-out validation and the predictors it compares. */
class TransferValidationTest {

    static final String[] SETS = {
        "se", "mixup", "se+mixup", "cutout", "randaug", "label-smoothing", "autoaugment", "dropout", "cutmix", "ema"
    };
    static final double[] X = {1.2, 0.4, 1.9, -0.3, 2.4, 0.8, 3.1, -0.9, 1.5, 0.1};
    static final double[] Y = {0.9, 0.1, 1.2, 0.2, 1.7, 0.3, 2.0, -0.6, 1.1, 0.3};

    static List<TransferPoint> points() {
        List<TransferPoint> points = new ArrayList<>();
        for (int i = 0; i < SETS.length; i++) {
            points.add(TransferPoint.of(SETS[i], X[i], 0.3, Y[i], 0.2));
        }
        return points;
    }

    static Fold foldOf(TransferValidation validation, String technique) {
        return validation.folds().stream()
                .filter(f -> f.technique().equals(technique))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void leavingOutATechniqueDropsEverySetThatContainsIt() {
        TransferValidation validation = TransferValidation.of(points(), "P", "T");

        Fold se = foldOf(validation, "se");
        assertThat(se.dropped()).containsExactly("se", "se+mixup");
        assertThat(se.trainingSets()).isEqualTo(8);
        assertThat(se.predictions())
                .extracting(TransferValidation.Prediction::set)
                .containsExactly("se", "se+mixup");
        assertThat(foldOf(validation, "mixup").dropped()).containsExactly("mixup", "se+mixup");
        assertThat(foldOf(validation, "cutout").dropped()).containsExactly("cutout");
        // 9 techniques; se+mixup is predicted in two folds
        assertThat(validation.folds()).hasSize(9);
        assertThat(validation.scores()).allMatch(s -> s.predictions() == 11);
    }

    @Test
    void eachDroppedSetIsPredictedByTheLineFittedWithoutAnySetContainingTheTechnique() {
        List<TransferPoint> points = points();
        List<TransferPoint> rest =
                points.stream().filter(p -> !p.techniques().contains("se")).toList();
        TransferPoint combined = points.get(2);
        TransferPrediction expected = TransferFit.estimate(rest, "P", "T")
                .predict(combined.proxyGain(), combined.proxySe(), combined.targetSe());

        Guess guess = foldOf(TransferValidation.of(points, "P", "T"), "se")
                .predictions()
                .get(1)
                .guesses()
                .get(Predictor.EIV);

        assertThat(rest).hasSize(8);
        assertThat(guess.point()).isEqualTo(expected.prediction());
        assertThat(guess.low()).isEqualTo(expected.measuredLow());
        assertThat(guess.high()).isEqualTo(expected.measuredHigh());
    }

    @Test
    void aFoldWithTooFewSetsLeftIsSkippedAndSaysSo() {
        TransferValidation validation = TransferValidation.of(points(), "P", "T", 9);

        Fold se = foldOf(validation, "se");
        assertThat(se.predictions()).isEmpty();
        assertThat(se.skipped())
                .isEqualTo("leaving out every set with se leaves 8 sets, fewer than the 9 a fold needs");
        assertThat(foldOf(validation, "cutout").skipped()).isNull();
        assertThat(validation.scores()).allMatch(s -> s.predictions() == 7);
        assertThat(validation.lines()).contains("  without se: skipped, " + se.skipped());
    }

    /**
     * Training (x, y) = (0, 1), (1, 1), (2, 3), predicting x₀ = 2. y = x: residuals 1, 0, 1, s² = 2/3
     * with 3 df, half-width t(3) √(2/3) = 1.92151. Mean: 5/3, s² = 4/3, half-width t(2) √(4/3 × 4/3) =
     * 3.89331. OLS: y = 2/3 + x, MSE = 2/3 (1 df), variance 2/3 × 4/3 + 1² × 2/3 / 2 = 11/9,
     * half-width t(1) √(11/9) = 6.98011.
     */
    @Test
    void theSimplerPredictorsHaveTheirHandComputedIntervals() {
        List<TransferPoint> training = List.of(
                TransferPoint.of("a", 0, 0.1, 1, 0.1),
                TransferPoint.of("b", 1, 0.1, 1, 0.1),
                TransferPoint.of("c", 2, 0.1, 3, 0.1));

        Guess identity = TransferValidation.identity(training, 2);
        Guess mean = TransferValidation.mean(training);
        Guess ols = TransferValidation.ols(training, 2);

        assertThat(identity.point()).isEqualTo(2);
        assertThat(identity.high() - identity.point()).isCloseTo(1.9215131982, within(1e-9));
        assertThat(mean.point()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(mean.high() - mean.point()).isCloseTo(3.8933141071, within(1e-9));
        assertThat(ols.point()).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(ols.high() - ols.point()).isCloseTo(6.9801149312, within(1e-9));
    }

    @Test
    void theIntervalScoreChargesWidthAndTwentyTimesTheMiss() {
        Guess guess = new Guess(1, 0, 2);

        assertThat(TransferValidation.intervalScore(guess, 1)).isCloseTo(2, within(1e-12));
        assertThat(TransferValidation.intervalScore(guess, 3)).isCloseTo(22, within(1e-12));
        assertThat(TransferValidation.intervalScore(guess, -0.5)).isCloseTo(12, within(1e-12));
    }

    /**
     * Scores recount from the predictions; on simulated studies with slope 0.6 (so y = x is wrong
     * for every large gain) the line's mean absolute error is below the proxy-as-it-is predictor's
     * and its coverage is near 90%.
     */
    @Test
    void theLineBeatsTheProxyAsItIsWhenTheSlopeIsNotOne() {
        TransferSimulation simulation =
                new TransferSimulation(14, new double[] {0.3, 0.5}, new double[] {0.2, 0.4}, 0.3);
        Random random = new Random(7);
        double eivError = 0;
        double identityError = 0;
        int covered = 0;
        int predictions = 0;
        for (int s = 0; s < 200; s++) {
            List<TransferPoint> study = new ArrayList<>();
            List<TransferPoint> drawn = simulation.study(random);
            for (int i = 0; i < drawn.size(); i++) {
                TransferPoint p = drawn.get(i);
                // pairs of singles and one combination of the first two, so folds drop two sets
                String name = i == 2 ? "t0+t1" : "t" + i;
                study.add(TransferPoint.of(name, p.proxyGain(), p.proxySe(), p.targetGain(), p.targetSe()));
            }
            TransferValidation validation = TransferValidation.of(study, "P", "T");
            Score eiv = validation.scores().get(0);
            Score identity = validation.scores().get(1);
            assertThat(eiv.predictor()).isEqualTo(Predictor.EIV);
            assertThat(eiv.covered()).isEqualTo(recount(validation, Predictor.EIV));
            eivError += eiv.meanAbsoluteError();
            identityError += identity.meanAbsoluteError();
            covered += eiv.covered();
            predictions += eiv.predictions();
        }

        assertThat(eivError).isLessThan(0.8 * identityError);
        assertThat((double) covered / predictions).isBetween(0.85, 0.95);
    }

    private static int recount(TransferValidation validation, Predictor predictor) {
        int covered = 0;
        for (Fold fold : validation.folds()) {
            for (TransferValidation.Prediction p : fold.predictions()) {
                Guess g = p.guesses().get(predictor);
                covered += g.low() <= p.measured() && p.measured() <= g.high() ? 1 : 0;
            }
        }
        return covered;
    }
}
