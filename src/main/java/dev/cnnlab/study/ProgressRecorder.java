package dev.cnnlab.study;

import dev.cnnlab.model.ModelSummary;
import dev.cnnlab.train.EpochStats;
import dev.cnnlab.train.Provenance;
import dev.cnnlab.train.RunEta;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.train.TrainListener;
import dev.cnnlab.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a cell's {@link CellProgress} file up to date while it trains: at every epoch boundary
 * and every {@link CellProgress#HEARTBEAT} from a daemon thread (so a long evaluation or
 * checkpoint does not look like a dead process). Passes every event on to the cell's own listener.
 */
final class ProgressRecorder implements TrainListener, AutoCloseable {

    private final Path file;
    private final TrainListener next;
    private final RunEta eta = new RunEta();
    private final long pid = ProcessHandle.current().pid();
    private final String host = Provenance.hostName();
    private final ScheduledExecutorService heartbeat;
    private int epoch;
    private int epochs;
    private int batch;
    private int batches;
    private double imagesPerSecond;
    private long flopsPerImage;
    private int trainImages;
    private boolean over;

    private ProgressRecorder(Path runDir, TrainListener next) {
        this.file = runDir.resolve(CellProgress.FILE);
        this.next = next;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cnnlab-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts recording the progress of the cell whose run directory is {@code runDir}. */
    static ProgressRecorder start(Path runDir, int epochs, TrainListener next) {
        ProgressRecorder recorder = new ProgressRecorder(runDir, next);
        recorder.epochs = epochs;
        recorder.write();
        long period = CellProgress.HEARTBEAT.toMillis();
        recorder.heartbeat.scheduleAtFixedRate(recorder::write, period, period, TimeUnit.MILLISECONDS);
        return recorder;
    }

    @Override
    public void started(TrainConfig config, ModelSummary model, int firstEpoch, int trainImages, int testImages) {
        synchronized (this) {
            this.flopsPerImage = model.flopsPerImage();
            this.trainImages = trainImages;
            this.epochs = config.epochs();
        }
        next.started(config, model, firstEpoch, trainImages, testImages);
    }

    @Override
    public void epochStarted(int epoch, int epochs, double lr, int batches) {
        synchronized (this) {
            this.epoch = epoch;
            this.epochs = epochs;
            this.batches = batches;
            this.batch = 0;
            eta.epochStarted(epoch, epochs, batches);
        }
        write();
        next.epochStarted(epoch, epochs, lr, batches);
    }

    @Override
    public void batchDone(int batch, int batches, double meanLoss, double imagesPerSecond) {
        synchronized (this) {
            this.batch = batch;
            this.imagesPerSecond = imagesPerSecond;
            eta.batchDone(batch, System.nanoTime());
        }
        next.batchDone(batch, batches, meanLoss, imagesPerSecond);
    }

    @Override
    public void epochDone(EpochStats stats, int epochs) {
        synchronized (this) {
            eta.epochDone(System.nanoTime());
        }
        write();
        next.epochDone(stats, epochs);
    }

    @Override
    public void message(String text) {
        next.message(text);
    }

    /** The cell finished: its result says the rest, so the progress file goes. */
    synchronized void finished() {
        over = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file is harmless: the result wins over it
        }
    }

    /** The cell failed: the file keeps the one-line reason for {@code cnnlab status}. */
    synchronized void failed(String problem) {
        over = true;
        Json.writeAtomically(file, snapshot(CellProgress.FAILED, problem));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    private synchronized void write() {
        if (over) {
            return;
        }
        try {
            Json.writeAtomically(file, snapshot(CellProgress.RUNNING, null));
        } catch (RuntimeException e) {
            // progress is for onlookers: a full or flaky disk must not stop the training
        }
    }

    private CellProgress snapshot(String state, String problem) {
        return new CellProgress(
                state,
                epoch,
                epochs,
                batch,
                batches,
                imagesPerSecond,
                finite(eta.epochSeconds()),
                finite(eta.runSeconds()),
                flopsPerImage,
                trainImages,
                pid,
                host,
                Instant.now().toString(),
                problem);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
