package dev.cnnlab.report;

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
 * <p>Fit: maximum likelihood for independent scaled chi-square variances (a gamma GLM with log
 * link and known shapes), by alternating the two closed-form updates. Rows fitted jointly are the
 * final-epoch views ({@link #fit}); a learning-curve row is fitted afterwards with the set factors
 * held fixed ({@link #extraRow}), since its runs are the same as a final row's and must not count
 * twice. Effective degrees of freedom of a fitted value follow its leverage: {@code 1 / (1/df_row
 * + 1/df_col - 1/df_all)}, exact for a complete balanced table.
 */
final class VarianceModel {

    /** A gain's own degrees of freedom from which its own variance is used instead of the model's. */
    static final int OWN_DF_ENOUGH = 9;

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
    enum Source {
        /** The row × column model. */
        MODEL,
        /** The gain's own seeds (enough degrees of freedom). */
        OWN,
        /** One variance pooled over every gain (row or column has no information). */
        POOLED,
        /** No gain has two seeds: an assumed noise level. */
        ASSUMED
    }

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
        List<Entry> informative =
                fitted.stream().filter(e -> e.df() > 0).toList();
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
        if (df == 0 || pooled == 0) {
            return;
        }
        rowDf.keySet().forEach(r -> rowFactor.put(r, 1.0));
        columnDf.keySet().forEach(c -> columnFactor.put(c, pooled));
        for (int i = 0; i < ITERATIONS; i++) {
            boolean moved = update(informative, true) | update(informative, false);
            if (!moved) {
                break;
            }
        }
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

    /** Whether any entry had two or more seeds. */
    boolean measured() {
        return totalDf > 0;
    }

    /** Degrees of freedom of all entries together. */
    int totalDf() {
        return totalDf;
    }

    /** The variance pooled over every entry, or NaN when nothing is measured. */
    double pooledVariance() {
        return pooled;
    }

    /** The row factors (a view's noise level relative to the others). */
    Map<String, Double> rowFactors() {
        return Map.copyOf(rowFactor);
    }

    /** The column factors (a set's noise, the variance of one paired difference at a row factor of 1). */
    Map<String, Double> columnFactors() {
        return Map.copyOf(columnFactor);
    }

    /** The fitted variance of a final-epoch entry. */
    Fitted fitted(String row, String column) {
        Entry own = entries.get(key(row, column));
        if (!measured()) {
            return new Fitted(assumed, Double.POSITIVE_INFINITY, Source.ASSUMED);
        }
        if (own != null && own.df() >= OWN_DF_ENOUGH) {
            return new Fitted(own.variance(), own.df(), Source.OWN);
        }
        Double a = rowFactor.get(row);
        Double b = columnFactor.get(column);
        if (a == null || b == null || a * b <= 0) {
            return new Fitted(pooled > 0 ? pooled : assumed, totalDf, Source.POOLED);
        }
        double leverage = 1.0 / rowDf.get(row) + 1.0 / columnDf.get(column) - 1.0 / totalDf;
        double df = leverage <= 0 ? totalDf : Math.min(totalDf, 1 / leverage);
        return new Fitted(a * b, df, Source.MODEL);
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
                double fittedDf = 1 / (1.0 / df + 1.0 / columnDf.get(e.column()));
                out.put(e.column(), new Fitted(a * columnFactor.get(e.column()), fittedDf, Source.MODEL));
            }
        }
        return out;
    }

    /** Every entry given to the fit, in order. */
    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    private static String key(String row, String column) {
        return row + "\u0000" + column;
    }
}
