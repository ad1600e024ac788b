package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Files2;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Downloads the official CIFAR-100 binary archive and installs it as a directory.
 *
 * <p>Nothing half-done is ever left at the target: the archive goes to a temporary file next to
 * the target, is checked against {@link Checksums#ARCHIVE_MD5}, is unpacked into a temporary
 * directory next to the target, and the finished {@code cifar-100-binary} directory is moved into
 * place with one atomic rename. Temporary files are removed on every path.
 */
public final class DataFetcher {

    /** The official download address. */
    public static final URI OFFICIAL_URI = URI.create("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");

    /** The checksums a download and an installed directory must match. */
    record Expected(String archiveMd5, String trainMd5, String testMd5) {
        static final Expected OFFICIAL = new Expected(Checksums.ARCHIVE_MD5, Checksums.TRAIN_MD5, Checksums.TEST_MD5);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Time allowed until the response headers arrive; the body itself may take long on slow links. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;

    private DataFetcher() {}

    /**
     * Makes sure {@code targetDir} holds the official CIFAR-100 binary files, downloading them if
     * needed (about 161 MB).
     *
     * @param targetDir the directory to create, e.g. {@code ~/.cnnlab/data/cifar-100-binary}
     * @param progress  receives human-readable progress lines, at most one every 0.5 s while downloading
     * @return {@code targetDir}
     * @throws CnnlabException when offline, on a bad download, or when the target holds something else
     */
    public static Path fetch(Path targetDir, Consumer<String> progress) {
        return fetch(targetDir, OFFICIAL_URI, Expected.OFFICIAL, progress);
    }

    /** {@link #fetch(Path, Consumer)} from another address with other checksums, for tests. */
    static Path fetch(Path targetDir, URI uri, Expected expected, Consumer<String> progress) {
        Path target = targetDir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            String problem = problemWith(target, expected);
            if (problem == null) {
                progress.accept("CIFAR-100 is already present and valid at " + target);
                return target;
            }
            throw new CnnlabException(target + " already exists but " + problem
                    + ": delete it (or choose another directory) and run `./cnnlab data fetch` again");
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw new CnnlabException("cannot install CIFAR-100 at " + target + ": choose a directory below it,"
                    + " e.g. " + target.resolve(CifarReader.ARCHIVE_DIR));
        }
        Path part;
        try {
            Files.createDirectories(parent);
            part = Files.createTempFile(parent, ".cifar-100-binary-", ".tar.gz.part");
        } catch (IOException e) {
            throw new CnnlabException(
                    "cannot write to " + parent + ": " + CifarReader.oneLine(String.valueOf(e.getMessage()))
                            + "; set CNNLAB_DATA or pass --data to a writable directory",
                    e);
        }
        try {
            progress.accept("downloading " + uri);
            String md5 = download(uri, part, progress);
            if (!md5.equals(expected.archiveMd5())) {
                throw new CnnlabException("the archive downloaded from " + uri + " has md5 " + md5 + ", not "
                        + expected.archiveMd5()
                        + ": the download is corrupt or the file changed; run `./cnnlab data fetch`"
                        + " again, or download cifar-100-binary.tar.gz elsewhere and pass --data PATH");
            }
            progress.accept("md5 OK, unpacking");
            install(part, target, expected);
            progress.accept("CIFAR-100 is ready at " + target);
            return target;
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Unpacks a checked archive next to {@code target} and renames the result into place. If
     * another process installed a valid copy meanwhile, that copy is kept.
     */
    static void install(Path archive, Path target, Expected expected) {
        Path parent = target.getParent();
        Path tmp;
        try {
            tmp = Files.createTempDirectory(parent, ".cifar-100-binary-unpack-");
        } catch (IOException e) {
            throw new CnnlabException(
                    "cannot write to " + parent + ": " + CifarReader.oneLine(String.valueOf(e.getMessage()))
                            + "; set CNNLAB_DATA or pass --data to a writable directory",
                    e);
        }
        try {
            Path unpacked = ArchiveExtractor.extract(archive, tmp);
            String problem = problemWith(unpacked, expected);
            if (problem != null) {
                throw new CnnlabException("the archive " + archive + " unpacked, but " + problem
                        + ": it is not the official CIFAR-100 binary; " + SplitParser.REFETCH);
            }
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                if (problemWith(target, expected) != null) {
                    throw new CnnlabException(
                            target + " appeared while unpacking and is not valid CIFAR-100:"
                                    + " delete it and run `./cnnlab data fetch` again",
                            e);
                }
            } catch (AtomicMoveNotSupportedException e) {
                throw new CnnlabException(
                        "cannot rename " + unpacked + " to " + target + " atomically: "
                                + "choose a data directory on a local file system (set CNNLAB_DATA or pass --data)",
                        e);
            } catch (IOException e) {
                throw new CnnlabException(
                        "cannot move " + unpacked + " to " + target + ": "
                                + CifarReader.oneLine(String.valueOf(e.getMessage())) + "; check permissions of "
                                + parent,
                        e);
            }
        } finally {
            Files2.deleteTreeQuietly(tmp);
        }
    }

    /** Why {@code dir} is not an installed copy of the expected files, or null if it is one. */
    static String problemWith(Path dir, Expected expected) {
        if (!Files.isDirectory(dir)) {
            return "is not a directory";
        }
        for (String f : new String[] {CifarReader.FINE_NAMES_FILE, CifarReader.COARSE_NAMES_FILE}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return f + " is missing";
            }
        }
        String[][] checks = {{CifarReader.TRAIN_FILE, expected.trainMd5()}, {CifarReader.TEST_FILE, expected.testMd5()}
        };
        for (String[] check : checks) {
            Path file = dir.resolve(check[0]);
            if (!Files.isRegularFile(file)) {
                return check[0] + " is missing";
            }
            String md5 = Checksums.md5(file);
            if (!md5.equals(check[1])) {
                return check[0] + " has md5 " + md5 + ", not " + check[1];
            }
        }
        return null;
    }

    /** Streams the body to {@code file}, reporting progress; returns the body's md5. */
    private static String download(URI uri, Path file, Consumer<String> progress) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw offline(uri, "the server answered HTTP " + response.statusCode(), null);
                }
                long total =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1L);
                return copyWithProgress(body, file, total, progress);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CnnlabException("download of " + uri + " was interrupted; run `./cnnlab data fetch` again", e);
        } catch (IOException e) {
            throw offline(uri, Files2.describe(e), e);
        }
    }

    private static String copyWithProgress(InputStream body, Path file, long total, Consumer<String> progress)
            throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long start = System.nanoTime();
        long lastReport = start;
        long done = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new DigestInputStream(body, md);
                OutputStream out = Files.newOutputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                done += r;
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    progress.accept(progressLine(done, total, now - start));
                }
            }
        }
        if (total >= 0 && done != total) {
            throw new IOException("connection closed after " + done + " of " + total + " bytes");
        }
        progress.accept(progressLine(done, total, System.nanoTime() - start));
        return HexFormat.of().formatHex(md.digest());
    }

    /** E.g. {@code 12.3 / 161.2 MB (7.6%), 5.1 MB/s}. */
    static String progressLine(long done, long total, long elapsedNanos) {
        double mb = done / 1e6;
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        double rate = mb / seconds;
        if (total > 0) {
            return String.format(
                    Locale.ROOT, "%.1f / %.1f MB (%.1f%%), %.1f MB/s", mb, total / 1e6, 100.0 * done / total, rate);
        }
        return String.format(Locale.ROOT, "%.1f MB, %.1f MB/s", mb, rate);
    }

    private static CnnlabException offline(URI uri, String reason, Throwable cause) {
        return new CnnlabException(
                "could not download CIFAR-100 from " + uri + ": " + reason
                        + "; this machine may be offline: download cifar-100-binary.tar.gz elsewhere and pass --data PATH"
                        + " (directory or .tar.gz)",
                cause);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover .part file is harmless; the next fetch uses a fresh name
            }
        }
    }
}
