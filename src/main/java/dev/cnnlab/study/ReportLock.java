package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Takes turns at writing a study's report among the processes sharing its directory: an OS file
 * lock on {@code DIR/.report.lock}, waited for.
 *
 * <p>Every job array task rewrites the report when its cell is done. Without turns, two tasks
 * finishing together could each read the study before the other's result existed and the slower
 * writer would leave a report missing a finished cell. Each task writes its result before it
 * queues here, so whichever writes last reads every result written before it.
 */
public final class ReportLock implements AutoCloseable {

    static final String FILE = ".report.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ReportLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other process is writing the report of the study in {@code studyDir}. */
    public static ReportLock acquire(Path studyDir) {
        try {
            FileChannel channel =
                    FileChannel.open(studyDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new ReportLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new CnnlabException("cannot lock " + studyDir.resolve(FILE) + ": " + e.getMessage()
                    + "; check that --out is writable (and, on a shared filesystem, that it supports file locks)");
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
    }
}
