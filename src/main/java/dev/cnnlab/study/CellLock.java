package dev.cnnlab.study;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive, process-wide claim on one cell: an OS file lock on {@code runs/<id>/.lock}.
 *
 * <p>The operating system drops the lock when its process dies, even by SIGKILL, so a killed
 * study never leaves a cell blocked; a second process that tries the same cell simply skips it.
 * The file names its last holder ({@code pid@host}) for people looking at the directory.
 */
public final class CellLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private CellLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims the cell whose run directory is {@code runDir}, or returns empty if another process holds it. */
    public static Optional<CellLock> tryAcquire(Path runDir) {
        try {
            Files.createDirectories(runDir);
            FileChannel channel =
                    FileChannel.open(runDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(
                        (ProcessHandle.current().pid() + "@" + dev.cnnlab.train.Provenance.hostName() + "\n")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return Optional.of(new CellLock(channel, lock));
            } catch (OverlappingFileLockException e) {
                channel.close(); // held by this very process
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new CnnlabException(
                    "cannot lock " + runDir + ": " + e.getMessage() + "; check that --out is writable");
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
