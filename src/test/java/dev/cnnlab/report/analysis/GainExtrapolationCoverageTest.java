package dev.cnnlab.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.report.load.AxisPlacement;
import dev.cnnlab.report.load.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Simulated studies with a known truth along a depth axis: proxies at costs 1, 2, 4 and 8 and a
 * target at 32 (0.67× the observed log-cost span beyond the largest proxy), a baseline and one
 * technique set, each run's top-1 the truth plus normal seed noise (sd 0.5). Each run of the whole
 * pipeline (seed-paired gains, the pooled noise model's degrees of freedom, the bootstrap) gives
 * one 90% prediction interval for the set's true gain at the target; over 300 studies per case
 * they must cover the truth in 85-95% of them when the fitted form is right.
 */
class GainExtrapolationCoverageTest {

    static final int STUDIES = 300;
    static final double SIGMA = 0.5;
    static final GainExtrapolation.Options M0 =
            new GainExtrapolation.Options(List.of(new CurveModel(CurveModel.Form.M0, CurveModel.Scale.POINTS)), 1000);
    static final GainExtrapolation.Options M1 =
            new GainExtrapolation.Options(List.of(new CurveModel(CurveModel.Form.M1, CurveModel.Scale.POINTS)), 1000);

    /** A true gain as a function of x = ln(cost), and the form that matches it. */
    enum Truth {
        /** +1.0 at every cost. */
        CONSTANT(x -> 1.0, M0),
        /** Grows: 0.5 + 0.3 x. */
        LINEAR(x -> 0.5 + 0.3 * x, M1),
        /** Shrinks and turns negative beyond the proxies: +1.2 at cost 1, +0.26 at 8, -0.36 at the target. */
        SIGN_FLIP(x -> 1.2 - 0.45 * x, M1);

        final DoubleUnaryOperator gain;
        final GainExtrapolation.Options form;

        Truth(DoubleUnaryOperator gain, GainExtrapolation.Options form) {
            this.gain = gain;
            this.form = form;
        }
    }

    /** A study of {@code seeds} seeds per cell at the given costs (the last the target) with the set's true gain. */
    static Evidence study(Random random, double[] costs, DoubleUnaryOperator gain, int seeds, double sigma) {
        List<Evidence.FidelityInfo> fidelities = new ArrayList<>();
        List<Evidence.Observation> runs = new ArrayList<>();
        for (int f = 0; f < costs.length; f++) {
            String name = "d" + (int) costs[f];
            fidelities.add(new Evidence.FidelityInfo(
                    name,
                    OptionalInt.empty(),
                    List.of(),
                    OptionalDouble.empty(),
                    "",
                    AxisPlacement.of("", Map.of(AxisPlacement.DEPTH, costs[f]))));
            double x = Math.log(costs[f]);
            double base = 50 + 3 * x;
            for (int s = 0; s < seeds; s++) {
                runs.add(run(name, "baseline", s, base + sigma * random.nextGaussian()));
                runs.add(run(name, "set", s, base + gain.applyAsDouble(x) + sigma * random.nextGaussian()));
            }
        }
        String target = fidelities.get(costs.length - 1).name();
        return new Evidence(fidelities, List.of("baseline", "set"), "baseline", target, "named", runs);
    }

    private static Evidence.Observation run(String fidelity, String set, long seed, double top1) {
        return new Evidence.Observation(fidelity, set, seed, top1, List.of(), List.of(), OptionalDouble.empty());
    }

    static List<GainPrediction> predict(Evidence evidence, GainExtrapolation.Options options, long seed) {
        GainModel model = new GainModel(evidence, 1, seed);
        return GainExtrapolation.all(evidence, GainEstimate.all(model), options);
    }

    @ParameterizedTest(name = "{0}, {1} seeds")
    @CsvSource({
        "CONSTANT, 2", "CONSTANT, 3", "CONSTANT, 5",
        "LINEAR, 2", "LINEAR, 3", "LINEAR, 5",
        "SIGN_FLIP, 2", "SIGN_FLIP, 3", "SIGN_FLIP, 5"
    })
    void ninetyPercentPredictionIntervalsCoverTheTrueTargetGain(Truth truth, int seeds) {
        double[] costs = {1, 2, 4, 8, 32};
        double trueTarget = truth.gain.applyAsDouble(Math.log(32));
        Random random = new Random(7919L * truth.ordinal() + seeds);
        int covered = 0;
        double width = 0;
        for (int study = 0; study < STUDIES; study++) {
            GainPrediction p = predict(study(random, costs, truth.gain, seeds, SIGMA), truth.form, study)
                    .get(0);
            covered += p.predicted().low().getAsDouble() <= trueTarget
                            && trueTarget <= p.predicted().high().getAsDouble()
                    ? 1
                    : 0;
            width += p.predicted().high().getAsDouble() - p.predicted().low().getAsDouble();
        }
        double share = (double) covered / STUDIES;
        System.out.printf(
                "%s, %d seeds: 90%% PI coverage %.3f of %d, mean width %.2f%n",
                truth, seeds, share, STUDIES, width / STUDIES);
        assertThat(share).as("coverage of the true gain at the target").isBetween(0.85, 0.95);
    }

    @Test
    void theSignFlipCaseReallyFlipsBeyondTheProxies() {
        DoubleUnaryOperator g = Truth.SIGN_FLIP.gain;
        assertThat(g.applyAsDouble(Math.log(8))).isPositive();
        assertThat(g.applyAsDouble(Math.log(32))).isNegative();
    }

    /**
     * A saturating truth, 3 (1 - e^(-1.5 x)), fitted with M1 over proxies at costs 1 to 16 (3 seeds,
     * sd 0.3): the leave-one-out check or the largest proxy's backtest flags the misfit in most
     * studies, while on a linear truth of the same size it flags few.
     */
    @Test
    void aSaturatingTruthFittedWithALineIsFlaggedByTheLeaveOneOutChecks() {
        double[] costs = {1, 2, 4, 8, 16, 64};
        DoubleUnaryOperator saturating = x -> 3 * (1 - Math.exp(-1.5 * x));
        DoubleUnaryOperator linear = x -> 0.5 + 0.8 * x;
        Random random = new Random(31);
        int flaggedSaturating = 0;
        int flaggedLinear = 0;
        for (int study = 0; study < 200; study++) {
            flaggedSaturating += predict(study(random, costs, saturating, 3, 0.3), M1, study)
                            .get(0)
                            .misfit()
                    ? 1
                    : 0;
            flaggedLinear += predict(study(random, costs, linear, 3, 0.3), M1, study)
                            .get(0)
                            .misfit()
                    ? 1
                    : 0;
        }
        System.out.printf("misfit flagged: saturating %d / 200, linear %d / 200%n", flaggedSaturating, flaggedLinear);
        assertThat(flaggedSaturating).as("saturating truth flagged").isGreaterThan(140);
        assertThat(flaggedLinear).as("linear truth flagged (false alarms)").isLessThan(50);
    }
}
