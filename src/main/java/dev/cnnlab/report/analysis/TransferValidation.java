package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Leave-one-technique-out validation of the transfer model, against three simpler predictors on
 * the same folds.
 *
 * <p><b>Folds.</b> For each technique t of any set, every set that contains t is dropped (se+mixup
 * goes with se: it would leak what se does), each predictor is fitted on the rest, and each dropped
 * set's measured target gain is predicted from its proxy gain. A set with two techniques is
 * predicted in two folds and counts in each. A fold whose rest has fewer than {@code
 * minTrainingSets} sets, or no spread in its proxy gains, is skipped and says so. Folds fit the
 * line with {@link TransferFit#estimate}, without {@link TransferModel}'s refusals: the question
 * is how the fitted line predicts.
 *
 * <p><b>Truth.</b> Only measured target gains exist, so every predictor's interval is for a
 * measured gain: the line's adds the dropped set's own target noise s_y².
 *
 * <p><b>Predictors.</b> The line ({@link Predictor#EIV}); the proxy's gain as it is (y = x; no
 * fitted parameter, so its interval is x₀ ± t(m) s with s² = Σ(y_i - x_i)²/m over the m training
 * sets); the training sets' mean target gain (ȳ ± t(m - 1) s_y √(1 + 1/m)); ordinary least squares
 * (the usual prediction interval, t(m - 2)). All intervals are {@link TransferModel#LEVEL}.
 *
 * <p><b>Scores.</b> Coverage k/n of the intervals with a Wilson 95% interval on it (predictions of
 * one fold share a fit, so it is a little narrower than it should be); the mean absolute error of
 * the points; the mean interval score of Gneiting and Raftery (2007), width + (2/α)(undershoot +
 * overshoot) with α = 1 - level: lower is better, and it charges both width and misses.
 *
 * @param proxy the proxy fidelity
 * @param target the target fidelity
 * @param minTrainingSets fewest sets a fold must keep to be fitted
 * @param folds one per technique, in name order
 * @param scores one per predictor with any prediction, in {@link Predictor} order
 */
public record TransferValidation(
        String proxy, String target, int minTrainingSets, List<Fold> folds, List<Score> scores) {

    /** Fewest sets a fold keeps by default: 3 residual degrees of freedom for the line's t quantile. */
    public static final int MIN_TRAINING_SETS = 5;

    /** The predictors compared. */
    public enum Predictor {
        EIV("the errors-in-variables line"),
        IDENTITY("the proxy's gain as it is"),
        MEAN("the mean target gain"),
        OLS("ordinary least squares");

        /** How the report names it. */
        public final String label;

        Predictor(String label) {
            this.label = label;
        }
    }

    /**
     * One predictor's guess of one set.
     *
     * @param point the predicted target gain
     * @param low its interval's lower end
     * @param high its upper end
     */
    public record Guess(double point, double low, double high) {

        boolean covers(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * One dropped set's prediction by every predictor.
     *
     * @param set the set
     * @param proxyGain its proxy gain, predicted from
     * @param measured its measured target gain, the truth the guesses are scored against
     * @param guesses each predictor's guess
     */
    public record Prediction(String set, double proxyGain, double measured, Map<Predictor, Guess> guesses) {

        /** Copies the guesses so the record stays immutable. */
        public Prediction {
            guesses = Collections.unmodifiableMap(new EnumMap<>(guesses));
        }
    }

    /**
     * One left-out technique.
     *
     * @param technique the technique left out
     * @param dropped the sets that contain it, all left out of the fit
     * @param trainingSets the sets fitted
     * @param predictions one per dropped set; empty when skipped
     * @param skipped why the fold was not fitted, or null
     */
    public record Fold(
            String technique, List<String> dropped, int trainingSets, List<Prediction> predictions, String skipped) {

        /** Copies the lists. */
        public Fold {
            dropped = List.copyOf(dropped);
            predictions = List.copyOf(predictions);
        }
    }

    /**
     * One predictor over every fold.
     *
     * @param predictor the predictor
     * @param predictions n, the predictions scored
     * @param covered k, those whose interval contains the measured gain
     * @param coverage k/n
     * @param coverageLow the Wilson 95% interval's lower end
     * @param coverageHigh its upper end
     * @param meanAbsoluteError mean |measured - point|, points
     * @param meanIntervalScore mean interval score, points
     */
    public record Score(
            Predictor predictor,
            int predictions,
            int covered,
            double coverage,
            double coverageLow,
            double coverageHigh,
            double meanAbsoluteError,
            double meanIntervalScore) {}

    /** Copies the lists. */
    public TransferValidation {
        folds = List.copyOf(folds);
        scores = List.copyOf(scores);
    }

    /** Validates with folds keeping at least {@link #MIN_TRAINING_SETS} sets. */
    public static TransferValidation of(List<TransferPoint> points, String proxy, String target) {
        return of(points, proxy, target, MIN_TRAINING_SETS);
    }

    /**
     * Leave-one-technique-out over the points.
     *
     * @param minTrainingSets fewest sets a fold keeps (at least {@link TransferFit#MIN_POINTS})
     */
    public static TransferValidation of(List<TransferPoint> points, String proxy, String target, int minTrainingSets) {
        if (minTrainingSets < TransferFit.MIN_POINTS) {
            throw new IllegalArgumentException(
                    "a fold needs at least " + TransferFit.MIN_POINTS + " sets, asked for " + minTrainingSets);
        }
        TreeSet<String> techniques = new TreeSet<>();
        points.forEach(p -> techniques.addAll(p.techniques()));
        List<Fold> folds = new ArrayList<>();
        for (String technique : techniques) {
            folds.add(fold(points, technique, proxy, target, minTrainingSets));
        }
        List<Score> scores = new ArrayList<>();
        for (Predictor predictor : Predictor.values()) {
            score(predictor, folds).ifPresent(scores::add);
        }
        return new TransferValidation(proxy, target, minTrainingSets, folds, scores);
    }

    /** The fold that leaves out every set containing {@code technique}. */
    static Fold fold(List<TransferPoint> points, String technique, String proxy, String target, int minTrainingSets) {
        List<TransferPoint> dropped = new ArrayList<>();
        List<TransferPoint> training = new ArrayList<>();
        for (TransferPoint p : points) {
            (p.techniques().contains(technique) ? dropped : training).add(p);
        }
        List<String> names = dropped.stream().map(TransferPoint::set).toList();
        if (training.size() < minTrainingSets) {
            return new Fold(
                    technique,
                    names,
                    training.size(),
                    List.of(),
                    "leaving out every set with " + technique + " leaves " + training.size() + " sets, fewer than the "
                            + minTrainingSets + " a fold needs");
        }
        double first = training.get(0).proxyGain();
        if (training.stream().allMatch(p -> p.proxyGain() == first)) {
            return new Fold(
                    technique, names, training.size(), List.of(), "the remaining sets' proxy gains are all the same");
        }
        TransferFit line = TransferFit.estimate(training, proxy, target);
        List<Prediction> predictions = new ArrayList<>();
        for (TransferPoint p : dropped) {
            Map<Predictor, Guess> guesses = new EnumMap<>(Predictor.class);
            TransferPrediction eiv = line.predict(p.proxyGain(), p.proxySe(), p.targetSe());
            guesses.put(Predictor.EIV, new Guess(eiv.prediction(), eiv.measuredLow(), eiv.measuredHigh()));
            guesses.put(Predictor.IDENTITY, identity(training, p.proxyGain()));
            guesses.put(Predictor.MEAN, mean(training));
            guesses.put(Predictor.OLS, ols(training, p.proxyGain()));
            predictions.add(new Prediction(p.set(), p.proxyGain(), p.targetGain(), guesses));
        }
        return new Fold(technique, names, training.size(), predictions, null);
    }

    /** y = x, with the training sets' root mean square of y - x (m df: nothing fitted). */
    static Guess identity(List<TransferPoint> training, double x0) {
        int m = training.size();
        double ss = training.stream()
                .mapToDouble(p -> (p.targetGain() - p.proxyGain()) * (p.targetGain() - p.proxyGain()))
                .sum();
        double half = t(m) * Math.sqrt(ss / m);
        return new Guess(x0, x0 - half, x0 + half);
    }

    /** ȳ ± t(m - 1) s_y √(1 + 1/m). */
    static Guess mean(List<TransferPoint> training) {
        int m = training.size();
        double mean = training.stream()
                .mapToDouble(TransferPoint::targetGain)
                .average()
                .orElseThrow();
        double ss = training.stream()
                .mapToDouble(p -> (p.targetGain() - mean) * (p.targetGain() - mean))
                .sum();
        double half = t(m - 1) * Math.sqrt(ss / (m - 1) * (1 + 1.0 / m));
        return new Guess(mean, mean - half, mean + half);
    }

    /** Ordinary least squares with its prediction interval for a new observation, t(m - 2). */
    static Guess ols(List<TransferPoint> training, double x0) {
        SimpleRegression regression = new SimpleRegression();
        training.forEach(p -> regression.addData(p.proxyGain(), p.targetGain()));
        int m = training.size();
        double xMean = training.stream()
                .mapToDouble(TransferPoint::proxyGain)
                .average()
                .orElseThrow();
        double slopeSe = regression.getSlopeStdErr();
        double variance =
                regression.getMeanSquareError() * (1 + 1.0 / m) + (x0 - xMean) * (x0 - xMean) * slopeSe * slopeSe;
        double point = regression.predict(x0);
        double half = t(m - 2) * Math.sqrt(variance);
        return new Guess(point, point - half, point + half);
    }

    /** The interval score of Gneiting and Raftery (2007) at α = 1 - {@link TransferModel#LEVEL}. */
    static double intervalScore(Guess guess, double value) {
        double alpha = 1 - TransferModel.LEVEL;
        return guess.high()
                - guess.low()
                + 2 / alpha * Math.max(0, guess.low() - value)
                + 2 / alpha * Math.max(0, value - guess.high());
    }

    private static double t(double df) {
        return Stats.tQuantile(0.5 + TransferModel.LEVEL / 2, df);
    }

    private static Optional<Score> score(Predictor predictor, List<Fold> folds) {
        int n = 0;
        int covered = 0;
        double absolute = 0;
        double interval = 0;
        for (Fold fold : folds) {
            for (Prediction p : fold.predictions()) {
                Guess guess = p.guesses().get(predictor);
                n++;
                covered += guess.covers(p.measured()) ? 1 : 0;
                absolute += Math.abs(p.measured() - guess.point());
                interval += intervalScore(guess, p.measured());
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        ConfidenceInterval wilson = new WilsonScoreInterval().createInterval(n, covered, 0.95);
        return Optional.of(new Score(
                predictor,
                n,
                covered,
                (double) covered / n,
                wilson.getLowerBound(),
                wilson.getUpperBound(),
                absolute / n,
                interval / n));
    }

    /** The validation as text lines: folds, skips, then each predictor's scores. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int percent = (int) Math.round(TransferModel.LEVEL * 100);
        long fitted = folds.stream().filter(f -> f.skipped() == null).count();
        lines.add("Leave-one-technique-out validation of " + target + " on " + proxy + ": " + fitted + " of "
                + folds.size() + " folds fitted (a fold drops every set containing its technique)");
        for (Fold fold : folds) {
            lines.add(
                    fold.skipped() == null
                            ? "  without " + fold.technique() + ": fitted on " + fold.trainingSets()
                                    + " sets, predicted " + String.join(", ", fold.dropped())
                            : "  without " + fold.technique() + ": skipped, " + fold.skipped());
        }
        for (Score s : scores) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: %d%% intervals cover %d/%d (Wilson 95%%: %.2f-%.2f), mean absolute error %.2f,"
                            + " mean interval score %.2f",
                    s.predictor().label,
                    percent,
                    s.covered(),
                    s.predictions(),
                    s.coverageLow(),
                    s.coverageHigh(),
                    s.meanAbsoluteError(),
                    s.meanIntervalScore()));
        }
        return List.copyOf(lines);
    }
}
