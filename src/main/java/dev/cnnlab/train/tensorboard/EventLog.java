package dev.cnnlab.train.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.proto.Event;

/**
 * A folder of TensorBoard event files ({@code events.out.tfevents.<time>.<host>}: TFRecords of
 * {@link Event}s), opened to append to. TensorBoard reads every event file of a folder as one run,
 * in file-name order, and picks up what is appended while it runs.
 *
 * <p>Opening reads the events already there and cuts off a damaged tail (a writer killed in the
 * middle of a record), so appended events follow the last intact one.
 */
public final class EventLog {

    /** The name every event file starts with: TensorBoard reads only files named so. */
    public static final String FILE_PREFIX = "events.out.tfevents.";

    /** The first event of every file: the format version TensorBoard expects. */
    static final String FILE_VERSION = "brain.Event:2";

    private final Path dir;
    private final String host;
    private final List<Event> events;
    private Path file;

    private EventLog(Path dir, String host, List<Event> events, Path file) {
        this.dir = dir;
        this.host = host;
        this.events = events;
        this.file = file;
    }

    /**
     * Opens the log in {@code dir} (created when missing), ready to append to its newest file.
     *
     * @param host the machine's name, part of the name of a file this log starts
     * @throws CnnlabException when the folder or its files cannot be read or written
     */
    public static EventLog open(Path dir, String host) {
        Files2.createDirectories(dir, "the run's TensorBoard folder");
        List<Event> events = new ArrayList<>();
        List<Path> files = files(dir);
        for (Path file : files) {
            events.addAll(readIntact(file));
        }
        return new EventLog(dir, host, events, files.isEmpty() ? null : files.get(files.size() - 1));
    }

    /** The event files of {@code dir}, oldest first (their names start with their creation time). */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(FILE_PREFIX) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CnnlabException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** The events that were in the folder when it was opened, and those written since. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * Deletes the folder's event files, for a run whose logged history is not the one it continues;
     * the next event starts a new file.
     */
    public void clear() {
        for (Path old : files(dir)) {
            try {
                Files.delete(old);
            } catch (IOException e) {
                throw new CnnlabException("cannot delete " + old + " (" + e.getMessage() + "): delete the folder " + dir
                        + " by hand, or train with --no-tensorboard");
            }
        }
        events.clear();
        file = null;
    }

    /** Appends {@code event}, starting a file (with its version event) when there is none. */
    public void write(Event event) {
        if (file == null) {
            file = dir.resolve(FILE_PREFIX + (long) Math.floor(event.getWallTime()) + "." + host);
            append(Event.newBuilder()
                    .setWallTime(event.getWallTime())
                    .setFileVersion(FILE_VERSION)
                    .build());
        }
        append(event);
    }

    private void append(Event event) {
        try {
            Files.write(
                    file, TfRecords.frame(event.toByteArray()), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CnnlabException("cannot write " + file + ": " + e.getMessage()
                    + "; check free disk space, or train with --no-tensorboard");
        }
        events.add(event);
    }

    /** The file's intact events, after cutting off a damaged tail so that appends follow them. */
    private static List<Event> readIntact(Path file) {
        TfRecords.Scan scan = TfRecords.scan(bytes(file));
        if (scan.intactLength() < file.toFile().length()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(scan.intactLength());
            } catch (IOException e) {
                throw new CnnlabException("cannot repair " + file + " (a damaged last record): " + e.getMessage()
                        + "; delete the file, or train with --no-tensorboard");
            }
        }
        return parse(file, scan.records());
    }

    private static List<Event> parse(Path file, List<byte[]> records) {
        List<Event> events = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                events.add(Event.parseFrom(record));
            } catch (InvalidProtocolBufferException e) {
                throw new CnnlabException(
                        file + " holds a record that is not a TensorBoard event: delete the file to rewrite it");
            }
        }
        return events;
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CnnlabException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
