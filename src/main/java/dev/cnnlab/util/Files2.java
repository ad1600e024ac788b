package dev.cnnlab.util;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/** File operations that never leave a half-written result behind. */
public final class Files2 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Files2() {}

    /**
     * Writes text to a sibling temporary file, then renames it over {@code file}. The temporary
     * name is unique to this write, so processes rewriting the same file at once (job array tasks
     * sharing a study directory) never rename each other's half-written file or lose theirs.
     */
    public static void writeAtomically(Path file, String text) {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #writeAtomically(Path, String)} for bytes. */
    public static void writeAtomically(Path file, byte[] bytes) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong()));
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the error below is the one that matters
            }
            throw new CnnlabException("cannot write " + file + ": " + e.getMessage()
                    + "; check that the directory is writable and the disk not full");
        }
    }

    /** Creates a directory (and parents), with a one-line error when that is impossible. */
    public static Path createDirectories(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new IOException("not writable");
            }
            return dir;
        } catch (IOException e) {
            throw new CnnlabException(
                    "cannot use " + dir + " as " + what + " (" + describe(e) + "): choose a writable directory");
        }
    }

    /** Deletes a file tree if present. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file tree if present, leaving whatever cannot be deleted (for clean-up after a failure). */
    public static void deleteTreeQuietly(Path root) {
        try {
            if (root != null) {
                deleteTree(root);
            }
        } catch (UncheckedIOException e) {
            // leftovers of a failed attempt are harmless; nothing more useful to do
        }
    }

    /**
     * An exception and its causes as one short line, e.g. {@code Connect <- ClosedChannel: reset}:
     * class names without "Exception" (the messages shown to users never read like stack traces),
     * and messages flattened, since JDK clients often leave the outer message null.
     */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 200; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName().replace("Exception", ""));
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                sb.append(": ")
                        .append(t.getMessage()
                                .replaceAll("\\s*[\\r\\n]+\\s*", " ")
                                .strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
