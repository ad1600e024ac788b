package dev.cnnlab.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A technique set's gain over the baseline at one fidelity's final epoch: the mean of the per-seed
 * differences (paired) with its Student-t interval, the probability that it is positive, and the
 * range of seeds a paired test would need to tell it from zero.
 *
 * @param fidelity the fidelity
 * @param set the technique set
 * @param gain the gain in points with its 95% interval
 * @param n seeds behind it
 * @param paired whether set and baseline share their seeds (else the unpaired estimate)
 * @param standardError the gain's standard error, points
 * @param df degrees of freedom of its t distribution (infinite: assumed noise)
 * @param noiseSource where its noise comes from
 * @param perSeedSd the standard deviation of one seed's difference, points
 * @param probabilityPositive P(gain > 0) under the t model with a flat prior
 */
public record GainEstimate(
        String fidelity,
        String set,
        Estimate gain,
        int n,
        boolean paired,
        double standardError,
        double df,
        VarianceModel.Source noiseSource,
        double perSeedSd,
        double probabilityPositive) {

    /**
     * Seeds needed, as a range over the gain's interval.
     *
     * @param fewest for a true gain at the interval's end farthest from 0
     * @param most for a true gain at its end nearest to 0; empty when the interval includes 0
     *     (then no number of seeds is sure to be enough)
     * @param max the largest number searched (a bound above it reads "more than max")
     */
    public record SeedsNeeded(int fewest, java.util.OptionalInt most, int max) {}

    /** The power a paired test is sized for. */
    static final double POWER = 0.8;
    /** Its two-sided level. */
    static final double ALPHA = 0.05;
    /** The most seeds a search tries. */
    static final int MAX_SEEDS = 1000;

    /** Every final-epoch gain of every fidelity with runs of the set and the baseline. */
    static List<GainEstimate> all(GainModel model) {
        List<GainEstimate> gains = new ArrayList<>();
        for (String fidelity : model.evidence().fidelityNames()) {
            Optional<GainView> view = model.view(fidelity, 0, Set.of());
            if (view.isEmpty()) {
                continue;
            }
            for (GainView.Gain g : view.get().gains().values()) {
                gains.add(of(fidelity, g, model.noise(view.get()).get(g.set())));
            }
        }
        return List.copyOf(gains);
    }

    static GainEstimate of(String fidelity, GainView.Gain g, GainModel.Noise noise) {
        double half = noise.critical95() * noise.se();
        Estimate gain = Estimate.interval(g.mean(), g.mean() - half, g.mean() + half);
        double probability = noise.se() == 0 ? (g.mean() > 0 ? 1 : 0) : Stats.tCdf(g.mean() / noise.se(), noise.df());
        // the sd of one seed's difference: se × √n paired; unpaired, the per-run noise × √2
        double perSeed = g.paired()
                ? noise.se() * Math.sqrt(g.n())
                : noise.se() / Math.sqrt(1.0 / g.setRuns() + 1.0 / g.baselineRuns()) * Math.sqrt(2);
        return new GainEstimate(
                fidelity,
                g.set(),
                gain,
                g.n(),
                g.paired(),
                noise.se(),
                noise.df(),
                noise.source(),
                perSeed,
                probability);
    }

    /**
     * Seeds per cell for a two-sided 5% paired t-test with 80% power, at the interval's far end
     * (fewest) and near end (most). Computed on request: each is a power search.
     */
    public SeedsNeeded seedsNeeded() {
        return seedsNeeded(gain, perSeedSd);
    }

    /** The range of seeds needed over the interval of {@code gain}, with noise {@code perSeedSd} per seed. */
    static SeedsNeeded seedsNeeded(Estimate gain, double perSeedSd) {
        double low = gain.low().orElse(gain.value().getAsDouble());
        double high = gain.high().orElse(gain.value().getAsDouble());
        double far = Math.max(Math.abs(low), Math.abs(high));
        boolean straddles = low <= 0 && high >= 0;
        double near = straddles ? 0 : Math.min(Math.abs(low), Math.abs(high));
        int fewest = search(far, perSeedSd);
        java.util.OptionalInt most =
                straddles ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(search(near, perSeedSd));
        return new SeedsNeeded(fewest, most, MAX_SEEDS);
    }

    /** Binary search on n (power rises with n): the smallest n with power ≥ POWER, MAX_SEEDS + 1 if none. */
    private static int search(double effect, double sd) {
        if (effect == 0) {
            return MAX_SEEDS + 1;
        }
        if (sd <= 0) {
            return 2;
        }
        if (Stats.pairedTPower(effect, sd, MAX_SEEDS, ALPHA) < POWER) {
            return MAX_SEEDS + 1;
        }
        int lo = 2;
        int hi = MAX_SEEDS;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Stats.pairedTPower(effect, sd, mid, ALPHA) >= POWER) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
