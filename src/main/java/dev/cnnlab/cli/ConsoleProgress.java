package dev.cnnlab.cli;

import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.RunEta;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.TrainListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on stderr: a live bar per epoch (rate, loss, ETA of the epoch and of the run) on a
 * terminal, a few plain lines per epoch otherwise, and one summary row per epoch always.
 */
final class ConsoleProgress implements TrainListener {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean live;
    private final boolean bar;
    private int epoch;
    private int epochs;
    private final java.util.function.LongSupplier clock;
    private final RunEta eta = new RunEta();
    private int lastPlainDecile;

    ConsoleProgress(PrintStream out, boolean showProgress) {
        this(out, showProgress, System.console() != null, System::nanoTime);
    }

    /** With {@code terminal} (a live bar, else plain lines) and a nanosecond {@code clock} of the caller's. */
    ConsoleProgress(PrintStream out, boolean showProgress, boolean terminal, java.util.function.LongSupplier clock) {
        this.out = out;
        this.live = showProgress;
        this.bar = showProgress && terminal && !"plain".equals(System.getenv("CNNLAB_PROGRESS"));
        this.clock = clock;
    }

    @Override
    public void started(TrainConfig config, ModelSummary model, int first, int trainImages, int testImages) {
        out.printf(
                Locale.ROOT,
                "%s: %,d params, %.3f GFLOPs/image; %d train / %d test images; %d threads; epochs %d..%d" + " (%s)%n",
                model.spec().displayName(),
                model.params(),
                model.flopsPerImage() / 1e9,
                trainImages,
                testImages,
                config.threads(),
                first,
                config.epochs(),
                ConsoleStudyProgress.drops(config.lrMilestones()));
        out.println("epoch       lr  train_loss  train_top1  test_loss  test_top1  test_top5   seconds  img/s");
    }

    @Override
    public void epochStarted(int epoch, int epochs, double lr, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.lastPlainDecile = 0;
        eta.epochStarted(epoch, epochs, batches);
    }

    @Override
    public void batchDone(int batch, int batches, double meanLoss, double imagesPerSecond) {
        eta.batchDone(batch, clock.getAsLong());
        if (!live) {
            return;
        }
        double epochEta = eta.epochSeconds();
        String runEta = duration(eta.runSeconds());
        if (bar) {
            int filled = (int) Math.round((double) BAR * batch / batches);
            out.printf(
                    Locale.ROOT,
                    "\repoch %d/%d [%s%s] %d/%d %.0f img/s loss %.4f ETA %s (run %s)   ",
                    epoch,
                    epochs,
                    "#".repeat(filled),
                    ".".repeat(BAR - filled),
                    batch,
                    batches,
                    imagesPerSecond,
                    meanLoss,
                    duration(epochEta),
                    runEta);
            out.flush();
        } else {
            int decile = batch * 4 / batches;
            if (decile > lastPlainDecile && batch < batches) {
                lastPlainDecile = decile;
                out.printf(
                        Locale.ROOT,
                        "  epoch %d/%d: %d/%d batches, %.0f img/s, loss %.4f, ETA %s (run %s)%n",
                        epoch,
                        epochs,
                        batch,
                        batches,
                        imagesPerSecond,
                        meanLoss,
                        duration(epochEta),
                        runEta);
            }
        }
    }

    @Override
    public void epochDone(EpochStats s, int epochs) {
        eta.epochDone(clock.getAsLong());
        if (bar) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.printf(
                Locale.ROOT,
                "%3d/%-3d %8.5f %11.4f %10.2f%% %10.4f %9.2f%% %9.2f%% %9.1f %6.0f%n",
                s.epoch(),
                epochs,
                s.lr(),
                s.trainLoss(),
                s.trainTop1(),
                s.testLoss(),
                s.testTop1(),
                s.testTop5(),
                s.seconds(),
                s.trainImagesPerSecond());
        out.flush();
    }

    @Override
    public void message(String text) {
        out.println(text);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
