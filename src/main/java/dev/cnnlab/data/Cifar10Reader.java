package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads CIFAR-10 in its official binary layout ({@code cifar-10-batches-bin/}): {@code
 * data_batch_1.bin} .. {@code data_batch_5.bin} (10,000 records each, the training split),
 * {@code test_batch.bin} and {@code batches.meta.txt} (the 10 class names). A record is one label
 * byte and 3,072 pixel bytes, planar R, G, B of 32x32. Sizes, label ranges and the per-class
 * counts (5,000 and 1,000) are checked as for CIFAR-100.
 */
public final class Cifar10Reader {

    /** The directory the official archive unpacks to. */
    public static final String ARCHIVE_DIR = "cifar-10-batches-bin";
    /** The official archive. */
    public static final String ARCHIVE_FILE = "cifar-10-binary.tar.gz";
    /** Its md5, from https://www.cs.toronto.edu/~kriz/cifar.html. */
    public static final String ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

    public static final String FIRST_TRAIN_FILE = "data_batch_1.bin";
    public static final String TEST_FILE = "test_batch.bin";
    public static final String NAMES_FILE = "batches.meta.txt";

    static final int CLASSES = 10;
    static final int RECORDS_PER_FILE = 10_000;
    static final int TRAIN_FILES = 5;
    private static final int SIDE = 32;
    private static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    private static final int RECORD_BYTES = IMAGE_BYTES + 1;
    private static final String FIX = "download the official " + ARCHIVE_FILE
            + " (https://www.cs.toronto.edu/~kriz/cifar.html, md5 " + ARCHIVE_MD5 + "), unpack it and point --data"
            + " at its " + ARCHIVE_DIR + "/ directory";

    private Cifar10Reader() {}

    /** Whether {@code dir} looks like CIFAR-10 (it holds the first training batch). */
    static boolean recognises(Path dir) {
        return Files.isRegularFile(dir.resolve(FIRST_TRAIN_FILE));
    }

    /**
     * Reads and checks the data set in {@code dir} (or its {@value #ARCHIVE_DIR} subdirectory).
     *
     * @throws CnnlabException naming the file, when something is missing, of the wrong size, or
     *     holds a label out of range or a wrong class balance
     */
    public static Dataset read(Path location) {
        return read(location, RECORDS_PER_FILE);
    }

    /** {@link #read(Path)} with another record count per file, so tests can write small sets. */
    static Dataset read(Path location, int recordsPerFile) {
        Path dir = location.toAbsolutePath().normalize();
        if (!recognises(dir) && recognises(dir.resolve(ARCHIVE_DIR))) {
            dir = dir.resolve(ARCHIVE_DIR);
        }
        List<String> names = names(dir);
        MessageDigest trainDigest = Checksums.newMd5();
        int trainRecords = TRAIN_FILES * recordsPerFile;
        byte[] trainPixels = new byte[trainRecords * IMAGE_BYTES];
        int[] trainLabels = new int[trainRecords];
        for (int f = 1; f <= TRAIN_FILES; f++) {
            read(
                    dir.resolve("data_batch_" + f + ".bin"),
                    recordsPerFile,
                    trainPixels,
                    trainLabels,
                    (f - 1) * recordsPerFile,
                    trainDigest);
        }
        MessageDigest testDigest = Checksums.newMd5();
        byte[] testPixels = new byte[recordsPerFile * IMAGE_BYTES];
        int[] testLabels = new int[recordsPerFile];
        read(dir.resolve(TEST_FILE), recordsPerFile, testPixels, testLabels, 0, testDigest);
        ImageSplit train = new ImageSplit(trainPixels, trainLabels, SIDE);
        ImageSplit test = new ImageSplit(testPixels, testLabels, SIDE);
        checkBalance(train, TRAIN_FILES * recordsPerFile / CLASSES, "the training batches", dir);
        checkBalance(test, recordsPerFile / CLASSES, TEST_FILE, dir);
        DataRef ref = new DataRef(
                "cifar10",
                "classes",
                CLASSES,
                SIDE,
                HexFormat.of().formatHex(trainDigest.digest()),
                HexFormat.of().formatHex(testDigest.digest()),
                train.size(),
                test.size(),
                DataRef.STRATIFIED);
        return new Dataset(train, test, names, ref, dir);
    }

    private static List<String> names(Path dir) {
        Path file = dir.resolve(NAMES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CnnlabException(NAMES_FILE + " is missing in " + dir + ": " + FIX);
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new CnnlabException("could not read " + file + ": " + e.getMessage());
        }
        if (names.size() != CLASSES) {
            throw new CnnlabException(
                    NAMES_FILE + " in " + dir + " names " + names.size() + " classes, not " + CLASSES + ": " + FIX);
        }
        return names;
    }

    private static void read(Path file, int records, byte[] pixels, int[] labels, int first, MessageDigest digest) {
        String name = file.getFileName().toString();
        String where = file.getParent().toString();
        if (!Files.isRegularFile(file)) {
            throw new CnnlabException(name + " is missing in " + where + ": " + FIX);
        }
        try {
            long size = Files.size(file);
            if (size != (long) records * RECORD_BYTES) {
                throw new CnnlabException(name + " in " + where + " is " + size + " bytes, not " + records + " records"
                        + " of " + RECORD_BYTES + ": the file is truncated or not CIFAR-10 binary; " + FIX);
            }
            byte[] record = new byte[RECORD_BYTES];
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (int r = 0; r < records; r++) {
                    if (in.readNBytes(record, 0, RECORD_BYTES) != RECORD_BYTES) {
                        throw new CnnlabException(name + " in " + where + " ended early: " + FIX);
                    }
                    digest.update(record);
                    int label = record[0] & 0xFF;
                    if (label >= CLASSES) {
                        throw new CnnlabException(name + " in " + where + ": record " + r + " has label " + label
                                + " (byte " + (long) r * RECORD_BYTES + "), but CIFAR-10 labels are 0.." + (CLASSES - 1)
                                + ": the file is damaged; " + FIX);
                    }
                    labels[first + r] = label;
                    System.arraycopy(record, 1, pixels, (first + r) * IMAGE_BYTES, IMAGE_BYTES);
                }
            }
        } catch (IOException e) {
            throw new CnnlabException("could not read " + file + ": " + e.getMessage() + "; check that it is readable");
        }
    }

    private static void checkBalance(ImageSplit split, int expected, String what, Path dir) {
        int[] counts = split.perClass(CLASSES);
        for (int c = 0; c < CLASSES; c++) {
            if (counts[c] != expected) {
                throw new CnnlabException(what + " in " + dir + " hold " + counts[c] + " images of class " + c
                        + ", not " + expected + ": the files are not the official CIFAR-10; " + FIX);
            }
        }
    }
}
