package dev.cnnlab.technique;

/**
 * SGDR, cosine annealing with warm restarts (Loshchilov and Hutter, ICLR 2017): the rate anneals
 * from the base rate to 0 over a cycle of {@code t0} epochs, jumps back to the base rate, and each
 * following cycle is {@code tmult} times longer; per batch, replacing the run's curve (a warm-up
 * technique still goes in front). PyTorch's {@code CosineAnnealingWarmRestarts} with eta_min 0.
 */
public final class WarmRestarts implements Technique {

    public static final String NAME = "sgdr";

    private final double t0;
    private final int tmult;

    /**
     * @param t0 epochs of the first cycle (&gt; 0; the paper's CIFAR runs use 10)
     * @param tmult growth factor of each next cycle, a whole number &gt;= 1 (2 in the paper)
     */
    public WarmRestarts(double t0, int tmult) {
        if (!(t0 > 0) || Double.isInfinite(t0)) {
            throw new IllegalArgumentException("t0 must be > 0 epochs, got " + t0);
        }
        if (tmult < 1) {
            throw new IllegalArgumentException("tmult must be >= 1, got " + tmult);
        }
        this.t0 = t0;
        this.tmult = tmult;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SchedulePlan schedule(SchedulePlan plan) {
        double base = plan.baseLr();
        LrSchedule restarts = progress -> {
            double[] cycle = cycleAt(Math.max(0, progress));
            return 0.5 * base * (1 + Math.cos(Math.PI * cycle[0] / cycle[1]));
        };
        return plan.withCurve(restarts);
    }

    /** Epochs into the current cycle and that cycle's length, at {@code progress} epochs. */
    private double[] cycleAt(double progress) {
        if (tmult == 1) {
            double into = progress % t0;
            return new double[] {into, t0};
        }
        // cycle n starts at t0 (tmult^n - 1) / (tmult - 1); the logarithm finds n, the loops fix its rounding
        int n = (int) Math.floor(Math.log(progress / t0 * (tmult - 1) + 1) / Math.log(tmult));
        while (n > 0 && start(n) > progress) {
            n--;
        }
        while (start(n + 1) <= progress) {
            n++;
        }
        return new double[] {progress - start(n), t0 * Math.pow(tmult, n)};
    }

    private double start(int cycle) {
        return t0 * (Math.pow(tmult, cycle) - 1) / (tmult - 1);
    }
}
