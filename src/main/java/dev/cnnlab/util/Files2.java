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
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong()));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
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
            throw new CnnlabException("cannot use " + dir + " as " + what + " (" + describe(e)
                    + "): choose a writable directory");
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

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
