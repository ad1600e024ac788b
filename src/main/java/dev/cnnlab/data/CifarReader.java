package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads CIFAR-100 (binary version) from a directory or from the official archive.
 *
 * <p>Accepted locations: a directory holding {@value #TRAIN_FILE}, {@value #TEST_FILE},
 * {@value #FINE_NAMES_FILE} and {@value #COARSE_NAMES_FILE}; the official
 * {@value #ARCHIVE_FILE} (read as a stream, nothing is unpacked to disk); or a directory that
 * contains a {@value #ARCHIVE_DIR} subdirectory or the archive. Everything is validated (sizes,
 * record counts, label ranges, name counts) and every problem is a {@link CnnlabException} whose
 * one-line message names the file and the fix.
 */
public final class CifarReader {

    /** The training split file. */
    public static final String TRAIN_FILE = "train.bin";
    /** The test split file. */
    public static final String TEST_FILE = "test.bin";
    /** Fine class names, one a line. */
    public static final String FINE_NAMES_FILE = "fine_label_names.txt";
    /** Coarse class names, one a line. */
    public static final String COARSE_NAMES_FILE = "coarse_label_names.txt";
    /** The official archive's file name. */
    public static final String ARCHIVE_FILE = "cifar-100-binary.tar.gz";
    /** The directory the official archive unpacks to. */
    public static final String ARCHIVE_DIR = "cifar-100-binary";
    /** Records in the official training split. */
    public static final int TRAIN_RECORDS = 50_000;
    /** Records in the official test split. */
    public static final int TEST_RECORDS = 10_000;

    private static final String NO_DATA_FIX = "run `./cnnlab data fetch` or pass --data DIR / set CNNLAB_DATA";
    private static final List<String> DATA_FILES = List.of(TRAIN_FILE, TEST_FILE, FINE_NAMES_FILE, COARSE_NAMES_FILE);
    /** Label-name files are under 1 KB; a larger entry is not one and is not read into memory. */
    private static final long MAX_NAMES_BYTES = 1 << 20;

    private CifarReader() {}

    /**
     * Reads and validates the data at {@code location} (see the class comment for what it may be).
     *
     * @throws CnnlabException when the data is missing, incomplete or damaged
     */
    public static CifarData read(Path location) {
        return read(location, TRAIN_RECORDS, TEST_RECORDS);
    }

    /** {@link #read(Path)} with other record counts, so tests can use small synthetic files. */
    static CifarData read(Path location, int trainRecords, int testRecords) {
        Path abs = location.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new CnnlabException("no CIFAR-100 data at " + abs + ": " + NO_DATA_FIX);
        }
        if (Files.isRegularFile(abs)) {
            if (!isTarGz(abs)) {
                throw new CnnlabException(abs + " is a file but not a .tar.gz: pass the directory holding " + TRAIN_FILE
                        + " and " + TEST_FILE + " or the official " + ARCHIVE_FILE);
            }
            return readArchive(abs, trainRecords, testRecords);
        }
        if (DATA_FILES.stream().anyMatch(f -> Files.exists(abs.resolve(f)))) {
            return readDirectory(abs, trainRecords, testRecords);
        }
        Path sub = abs.resolve(ARCHIVE_DIR);
        if (Files.isDirectory(sub)) {
            return readDirectory(sub, trainRecords, testRecords);
        }
        Path archive = abs.resolve(ARCHIVE_FILE);
        if (Files.isRegularFile(archive)) {
            return readArchive(archive, trainRecords, testRecords);
        }
        throw new CnnlabException("no CIFAR-100 data in " + abs + " (expected " + TRAIN_FILE + ", " + TEST_FILE
                + ", the label-name files, a " + ARCHIVE_DIR + "/ directory or " + ARCHIVE_FILE + "): " + NO_DATA_FIX);
    }

    private static boolean isTarGz(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".tar.gz") || name.endsWith(".tgz");
    }

    private static CifarData readDirectory(Path dir, int trainRecords, int testRecords) {
        String where = dir.toString();
        for (String f : DATA_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new CnnlabException(f + " is missing in " + where + ": a CIFAR-100 binary directory holds "
                        + String.join(", ", DATA_FILES) + "; " + SplitParser.REFETCH);
            }
        }
        List<String> fine = LabelNames.parse(
                readSmall(dir.resolve(FINE_NAMES_FILE)), Cifar100Split.FINE_CLASSES, FINE_NAMES_FILE, where);
        List<String> coarse = LabelNames.parse(
                readSmall(dir.resolve(COARSE_NAMES_FILE)), Cifar100Split.COARSE_CLASSES, COARSE_NAMES_FILE, where);
        Cifar100Split train = readSplitFile(dir.resolve(TRAIN_FILE), trainRecords, where);
        Cifar100Split test = readSplitFile(dir.resolve(TEST_FILE), testRecords, where);
        return new CifarData(train, test, fine, coarse, dir);
    }

    private static Cifar100Split readSplitFile(Path file, int expected, String where) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            SplitParser.checkSize(size, expected, name, where);
            try (InputStream in = Files.newInputStream(file)) {
                return SplitParser.parse(in, size, expected, name, where);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static byte[] readSmall(Path file) {
        try {
            if (Files.size(file) > MAX_NAMES_BYTES) {
                throw new CnnlabException(file + " is too large for a label-name file; " + SplitParser.REFETCH);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static CnnlabException unreadable(Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
        return new CnnlabException(
                "could not read " + file + ": " + oneLine(reason) + "; check that the file exists and is readable");
    }

    /** Streams the archive once, parsing each wanted entry as it passes by. */
    private static CifarData readArchive(Path archive, int trainRecords, int testRecords) {
        String where = archive.toString();
        Map<String, Object> found = new HashMap<>();
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry entry;
            while (found.size() < DATA_FILES.size() && (entry = tar.getNextEntry()) != null) {
                String file = wantedFile(entry);
                if (file == null || found.containsKey(file)) {
                    continue;
                }
                switch (file) {
                    case TRAIN_FILE ->
                        found.put(file, SplitParser.parse(tar, entry.getSize(), trainRecords, file, where));
                    case TEST_FILE ->
                        found.put(file, SplitParser.parse(tar, entry.getSize(), testRecords, file, where));
                    default -> {
                        if (entry.getSize() > MAX_NAMES_BYTES) {
                            throw new CnnlabException(file + " in " + where + " is too large for a label-name file; "
                                    + SplitParser.REFETCH);
                        }
                        found.put(file, tar.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new CnnlabException(
                    "could not read " + archive + ": " + oneLine(String.valueOf(e.getMessage()))
                            + ": the archive is damaged or not a .tar.gz; " + SplitParser.REFETCH,
                    e);
        }
        for (String f : DATA_FILES) {
            if (!found.containsKey(f)) {
                throw new CnnlabException(f + " is missing in " + where + " (expected entry " + ARCHIVE_DIR + "/" + f
                        + "): the archive is incomplete or not the official CIFAR-100 binary; " + SplitParser.REFETCH);
            }
        }
        List<String> fine = LabelNames.parse(
                (byte[]) found.get(FINE_NAMES_FILE), Cifar100Split.FINE_CLASSES, FINE_NAMES_FILE, where);
        List<String> coarse = LabelNames.parse(
                (byte[]) found.get(COARSE_NAMES_FILE), Cifar100Split.COARSE_CLASSES, COARSE_NAMES_FILE, where);
        return new CifarData(
                (Cifar100Split) found.get(TRAIN_FILE), (Cifar100Split) found.get(TEST_FILE), fine, coarse, archive);
    }

    /** The data file an entry holds, or null: only files directly under {@code cifar-100-binary/} count. */
    private static String wantedFile(TarArchiveEntry entry) {
        if (!entry.isFile()) {
            return null;
        }
        String name = entry.getName();
        if (name.startsWith("./")) {
            name = name.substring(2);
        }
        String prefix = ARCHIVE_DIR + "/";
        if (!name.startsWith(prefix)) {
            return null;
        }
        String rest = name.substring(prefix.length());
        return DATA_FILES.contains(rest) ? rest : null;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
