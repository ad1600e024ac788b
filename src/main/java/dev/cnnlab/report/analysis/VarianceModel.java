package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed noise of every gain, partially pooled: the variance of one seed's paired difference
 * (set minus baseline) is modelled as a row factor times a column factor, {@code v(r, c) = a(r) ×
 * b(c)}, where a row is a view (a fidelity's final epoch, or one epoch of its learning curve) and a
 * column is a technique set.
 *
 * <p>Why this form: a noisier set (mixup's draws) is noisier at every fidelity, and a noisier
 * fidelity (less data, fewer epochs) is noisier for every set, so the model keeps both kinds of
 * unequal noise that users meet, yet each factor pools the degrees of freedom of a whole row or
 * column. With two seeds a gain's own variance has one degree of freedom (Student's t of 12.7 at
 * 95%); the model gives it about {@code k F T / (F + T - 1)} (2.3 for 4 fidelities × 4 sets).
 * What it cannot see: noise that is high for one set at one fidelity only (an interaction); with
 * 10 or more seeds per cell every gain has enough of its own degrees of freedom, so the model
 * then falls back to each gain's own variance (see {@link #OWN_DF_ENOUGH}).
 *
 * <p>Partial pooling: four forms are fitted (one variance for all, a factor per view, a factor per
 * set, both) and averaged with Akaike weights, so equal noise is pooled over the whole study
 * (with 2 seeds, 4 fidelities × 4 sets: 16 degrees of freedom instead of 1) while a clearly
 * noisier set or fidelity keeps its own level. Degrees of freedom average as a weighted harmonic
 * mean. Simulated coverage: {@code IntervalCoverageTest}. Each form is fitted by maximum
 * likelihood for independent scaled chi-square variances (a gamma GLM with log link and known
 * shapes), by alternating the two closed-form updates. Rows fitted jointly are the
 * final-epoch views ({@link #fit}); a learning-curve row is fitted afterwards with the set factors
 * held fixed ({@link #extraRow}), since its runs are the same as a final row's and must not count
 * twice. Effective degrees of freedom of a fitted value follow its leverage: {@code 1 / (1/df_row
 * + 1/df_col - 1/df_all)}, exact for a complete balanced table.
 */
public final class VarianceModel {

    /** A gain's own degrees of freedom from which its own variance is used instead of the model's. */
    public static final int OWN_DF_ENOUGH = 9;

    private static final int ITERATIONS = 200;

    /**
     * One observed variance.
     *
     * @param row the view
     * @param column the technique set
     * @param variance the sample variance of one seed's paired difference
     * @param df its degrees of freedom (seeds - 1); 0 for no information
     */
    record Entry(String row, String column, double variance, int df) {}

    /**
     * A fitted variance.
     *
     * @param variance the variance of one seed's paired difference
     * @param df effective degrees of freedom ({@code Double.POSITIVE_INFINITY} for an assumed value)
     * @param source how it was obtained, for the report
     */
    record Fitted(double variance, double df, Source source) {}

    /** Where a fitted variance comes from. */
    public enum Source {
        /** The row × column model. */
        MODEL,
        /** The gain's own seeds (enough degrees of freedom). */
        OWN,
        /** One variance pooled over every gain (row or column has no information). */
        POOLED,
        /** No gain has two seeds: an assumed noise level. */
        ASSUMED
    }

    /** The forms of the model: one variance for every gain, a factor per view, a factor per set, or both. */
    public enum Structure {
        POOLED(false, false),
        VIEWS(true, false),
        SETS(false, true),
        VIEWS_AND_SETS(true, true);

        final boolean rows;
        final boolean columns;

        Structure(boolean rows, boolean columns) {
            this.rows = rows;
            this.columns = columns;
        }

        int parameters(int rowCount, int columnCount) {
            return 1 + (rows ? rowCount - 1 : 0) + (columns ? columnCount - 1 : 0);
        }
    }

    /**
     * One structure's fit and its Akaike weight.
     *
     * @param structure the form
     * @param rows its view factors
     * @param columns its set factors
     * @param aic its AIC
     * @param weight its Akaike weight, exp(-ΔAIC/2) normalised over the forms
     */
    public record Fit(
            Structure structure, Map<String, Double> rows, Map<String, Double> columns, double aic, double weight) {}

    private final Structure structure;
    private final List<Fit> fits = new ArrayList<>();
    private final Map<String, Double> rowFactor = new LinkedHashMap<>();
    private final Map<String, Double> columnFactor = new LinkedHashMap<>();
    private final Map<String, Integer> rowDf = new LinkedHashMap<>();
    private final Map<String, Integer> columnDf = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final double pooled;
    private final int totalDf;
    private final double assumed;

    private VarianceModel(List<Entry> fitted, double assumed) {
        this.assumed = assumed;
        List<Entry> informative = fitted.stream().filter(e -> e.df() > 0).toList();
        fitted.forEach(e -> entries.put(key(e.row(), e.column()), e));
        int df = 0;
        double sum = 0;
        for (Entry e : informative) {
            df += e.df();
            sum += e.df() * e.variance();
            rowDf.merge(e.row(), e.df(), Integer::sum);
            columnDf.merge(e.column(), e.df(), Integer::sum);
        }
        this.totalDf = df;
        this.pooled = df == 0 ? Double.NaN : sum / df;
        Structure chosen = Structure.POOLED;
        if (df > 0 && pooled > 0) {
            List<Fit> raw = new ArrayList<>();
            for (Structure structure : Structure.values()) {
                rowFactor.clear();
                columnFactor.clear();
                rowDf.keySet().forEach(r -> rowFactor.put(r, 1.0));
                columnDf.keySet().forEach(c -> columnFactor.put(c, pooled));
                for (int i = 0; i < ITERATIONS; i++) {
                    boolean moved = (structure.rows && update(informative, true))
                            | (structure.columns && update(informative, false));
                    if (!moved) {
                        break;
                    }
                }
                double aic = 2 * structure.parameters(rowDf.size(), columnDf.size()) - 2 * logLikelihood(informative);
                raw.add(new Fit(structure, Map.copyOf(rowFactor), Map.copyOf(columnFactor), aic, 0));
            }
            double best = raw.stream().mapToDouble(Fit::aic).min().orElseThrow();
            double total = raw.stream()
                    .mapToDouble(f -> Math.exp(-(f.aic() - best) / 2))
                    .sum();
            for (Fit f : raw) {
                fits.add(new Fit(
                        f.structure(), f.rows(), f.columns(), f.aic(), Math.exp(-(f.aic() - best) / 2) / total));
            }
            Fit top = fits.stream()
                    .max(java.util.Comparator.comparingDouble(Fit::weight))
                    .orElseThrow();
            chosen = top.structure();
            rowFactor.clear();
            rowFactor.putAll(top.rows());
            columnFactor.clear();
            columnFactor.putAll(top.columns());
        }
        this.structure = chosen;
    }

    /**
     * The gamma log-likelihood of the entries under the current factors (constants dropped): each
     * s² with k degrees of freedom and mean m contributes -(k/2) log m - k s² / (2m).
     */
    private double logLikelihood(List<Entry> informative) {
        double sum = 0;
        for (Entry e : informative) {
            double m = rowFactor.get(e.row()) * columnFactor.get(e.column());
            if (m <= 0) {
                return e.variance() == 0 ? sum : Double.NEGATIVE_INFINITY;
            }
            sum += -0.5 * e.df() * Math.log(m) - e.df() * e.variance() / (2 * m);
        }
        return sum;
    }

    /** Fits the model to the final-epoch views' entries. {@code assumed}: the variance used when nothing is measured. */
    static VarianceModel fit(List<Entry> entries, double assumed) {
        return new VarianceModel(entries, assumed);
    }

    /** One ML update of the row (or column) factors with the others fixed; true when any moved. */
    private boolean update(List<Entry> informative, boolean rows) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Entry e : informative) {
            double other = rows ? columnFactor.get(e.column()) : rowFactor.get(e.row());
            if (other <= 0) {
                continue;
            }
            double[] s = sums.computeIfAbsent(rows ? e.row() : e.column(), k -> new double[2]);
            s[0] += e.df() * e.variance() / other;
            s[1] += e.df();
        }
        Map<String, Double> factors = rows ? rowFactor : columnFactor;
        boolean moved = false;
        for (Map.Entry<String, double[]> s : sums.entrySet()) {
            double next = s.getValue()[0] / s.getValue()[1];
            double previous = factors.get(s.getKey());
            if (Math.abs(next - previous) > 1e-12 * Math.max(1, Math.abs(previous))) {
                moved = true;
            }
            factors.put(s.getKey(), next);
        }
        return moved;
    }

    /** Every form's fit with its Akaike weight (empty when nothing is measured). */
    public List<Fit> fits() {
        return List.copyOf(fits);
    }

    /** Whether any entry had two or more seeds. */
    public boolean measured() {
        return totalDf > 0;
    }

    /** Degrees of freedom of all entries together. */
    public int totalDf() {
        return totalDf;
    }

    /** The variance pooled over every entry, or NaN when nothing is measured. */
    public double pooledVariance() {
        return pooled;
    }

    /** The fitted variance of a final-epoch entry. */
    Fitted fitted(String row, String column) {
        Entry own = entries.get(key(row, column));
        if (!measured()) {
            return new Fitted(assumed, Double.POSITIVE_INFINITY, Source.ASSUMED);
        }
        if (own != null && own.df() >= OWN_DF_ENOUGH && own.variance() > 0) {
            return new Fitted(own.variance(), own.df(), Source.OWN);
        }
        if (!(pooled > 0)) {
            // every paired difference repeated exactly (accuracies are quantised by the test-set size): no
            // measurable spread, and a zero-width interval would overclaim; use the assumed level, labelled
            return new Fitted(assumed, Double.POSITIVE_INFINITY, Source.ASSUMED);
        }
        Double a = rowFactor.get(row);
        Double b = columnFactor.get(column);
        if (a == null || b == null || a * b <= 0) {
            return new Fitted(pooled, totalDf, Source.POOLED);
        }
        // Akaike-weighted average of the four forms: smoother than picking one, and each form's
        // degrees of freedom enter as a weighted harmonic mean (the conservative side)
        double variance = 0;
        double inverseDf = 0;
        for (Fit f : fits) {
            double leverage = (f.structure().rows ? 1.0 / rowDf.get(row) : 0)
                    + (f.structure().columns ? 1.0 / columnDf.get(column) : 0)
                    - (f.structure().rows && f.structure().columns ? 1.0 / totalDf : 0);
            double df = leverage <= 0 ? totalDf : Math.min(totalDf, 1 / leverage);
            variance += f.weight() * f.rows().get(row) * f.columns().get(column);
            inverseDf += f.weight() / df;
        }
        return new Fitted(variance, 1 / inverseDf, Source.MODEL);
    }

    /**
     * The fitted variances of a row that was not part of the joint fit (a learning-curve epoch),
     * with the column factors held fixed and only its own level estimated from its entries.
     */
    Map<String, Fitted> extraRow(List<Entry> row) {
        Map<String, Fitted> out = new LinkedHashMap<>();
        double sum = 0;
        int df = 0;
        for (Entry e : row) {
            Double b = columnFactor.get(e.column());
            if (e.df() > 0 && b != null && b > 0) {
                sum += e.df() * e.variance() / b;
                df += e.df();
            }
        }
        for (Entry e : row) {
            if (!measured()) {
                out.put(e.column(), new Fitted(assumed, Double.POSITIVE_INFINITY, Source.ASSUMED));
            } else if (e.df() >= OWN_DF_ENOUGH) {
                out.put(e.column(), new Fitted(e.variance(), e.df(), Source.OWN));
            } else if (df == 0 || sum == 0 || columnFactor.get(e.column()) == null) {
                // the curve row has no information of its own: use the final epochs' pooled level, labelled
                out.put(e.column(), new Fitted(pooled > 0 ? pooled : assumed, totalDf, Source.POOLED));
            } else {
                double a = sum / df;
                double fittedDf = 1 / (1.0 / df + 1.0 / (structure.columns ? columnDf.get(e.column()) : totalDf));
                out.put(e.column(), new Fitted(a * columnFactor.get(e.column()), fittedDf, Source.MODEL));
            }
        }
        return out;
    }

    private static String key(String row, String column) {
        return row + "\u0000" + column;
    }
}
