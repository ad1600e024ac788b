package dev.cnnlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A run's resumable state on disk: {@code checkpoint/} with the model parameters (including batch
 * norm running statistics), the optimizer's momentum buffers and {@code state.json}.
 *
 * <p>Written atomically: everything goes to {@code checkpoint.tmp/} first and is synced, then the
 * directory replaces the old one by renames. A crash at any instant leaves either the old or the
 * new checkpoint complete ({@code checkpoint.old/} covers the instant between the two renames).
 */
public final class Checkpoint {

    static final String DIR = "checkpoint";
    static final String PARAMS = "model.params";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.json";
    static final String AVERAGE = "ema.bin";

    private final Path runDir;

    public Checkpoint(Path runDir) {
        this.runDir = runDir;
    }

    /** Saves the state after a completed epoch. */
    public void save(Block model, SgdOptimizer optimizer, TrainState state) {
        save(model, optimizer, null, state);
    }

    /** Saves the state after a completed epoch, with the weight average when the run keeps one. */
    public void save(Block model, SgdOptimizer optimizer, WeightAverage average, TrainState state) {
        Path tmp = runDir.resolve(DIR + ".tmp");
        Path current = runDir.resolve(DIR);
        Path old = runDir.resolve(DIR + ".old");
        try {
            Files2.deleteTree(tmp);
            Files.createDirectories(tmp);
            writeSynced(tmp.resolve(PARAMS), out -> ArrayIo.write(ArrayIo.parameterArrays(model), out));
            writeSynced(tmp.resolve(OPTIMIZER), optimizer::save);
            if (average != null) {
                writeSynced(tmp.resolve(AVERAGE), average::save);
            }
            writeSynced(
                    tmp.resolve(STATE),
                    out -> out.write(RunRecords.json(state).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Files2.deleteTree(old);
            if (Files.exists(current)) {
                Files.move(current, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE);
            Files2.deleteTree(old);
        } catch (IOException e) {
            throw new CnnlabException("cannot write checkpoint in " + runDir + ": " + e.getMessage()
                    + "; check free disk space and permissions (the previous checkpoint is kept)");
        }
    }

    /** The directory of the newest complete checkpoint, if any. */
    public Optional<Path> latest() {
        for (String name : new String[] {DIR, DIR + ".old"}) {
            Path dir = runDir.resolve(name);
            if (Files.isRegularFile(dir.resolve(STATE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** Reads the saved state without touching the model. */
    public Optional<TrainState> peek() {
        return latest().map(dir -> RunRecords.readState(dir.resolve(STATE)));
    }

    /** Restores model parameters and optimizer state; returns the saved train state. */
    public TrainState restore(Block model, SgdOptimizer optimizer, NDManager manager) {
        return restore(model, optimizer, null, manager);
    }

    /** Restores model, optimizer and (if kept) weight average; returns the saved train state. */
    public TrainState restore(Block model, SgdOptimizer optimizer, WeightAverage average, NDManager manager) {
        Path dir = latest().orElseThrow(() -> new CnnlabException("no checkpoint in " + runDir));
        try (DataInputStream params = open(dir.resolve(PARAMS));
                DataInputStream momentum = open(dir.resolve(OPTIMIZER))) {
            ArrayIo.readInto(ArrayIo.parameterArrays(model), params, manager, "checkpoint " + dir);
            optimizer.load(momentum, manager);
            if (average != null) {
                try (DataInputStream in = open(dir.resolve(AVERAGE))) {
                    average.load(in, manager);
                }
            }
        } catch (CnnlabException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(dir, e);
        }
        return RunRecords.readState(dir.resolve(STATE));
    }

    private static CnnlabException damaged(Path dir, Exception e) {
        return new CnnlabException(
                "checkpoint " + dir + " is damaged (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null
                                ? ""
                                : ": " + e.getMessage().lines().findFirst().orElse(""))
                        + "): delete it to restart that run from scratch");
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeSynced(Path file, Writer writer) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            writer.write(out);
            out.flush();
            channel.force(true);
        }
    }
}
