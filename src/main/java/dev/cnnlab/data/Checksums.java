package dev.cnnlab.data;

import static dev.cnnlab.data.Cifar100Split.IMAGE_BYTES;
import static dev.cnnlab.data.Cifar100Split.RECORD_BYTES;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 checksums of the CIFAR-100 files, and the official values to compare them with. */
public final class Checksums {

    /** md5 of the official {@code cifar-100-binary.tar.gz}. */
    public static final String ARCHIVE_MD5 = "03b5dce01913d631647c71ecec9e9cb8";
    /** md5 of the official {@code train.bin}. */
    public static final String TRAIN_MD5 = "6172c7755cfe09b2fe270c85cebc1b15";
    /** md5 of the official {@code test.bin}. */
    public static final String TEST_MD5 = "4499cfba6c016c1be1438163640a0898";

    /** Records re-serialised per digest update: about 1.5 MB, cache-friendly and few calls. */
    private static final int CHUNK_RECORDS = 512;

    private Checksums() {}

    /**
     * Lower-case hex md5 of a file, read as a stream.
     *
     * @throws CnnlabException if the file cannot be read
     */
    public static String md5(Path file) {
        MessageDigest md = newMd5();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        } catch (IOException e) {
            throw new CnnlabException(
                    "could not read " + file + " to compute its md5: "
                            + CifarReader.oneLine(String.valueOf(e.getMessage()))
                            + "; check that it exists and is readable",
                    e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Lower-case hex md5 of the bytes. */
    public static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(newMd5().digest(bytes));
    }

    /**
     * The md5 the split's file ({@code train.bin} or {@code test.bin}) has: the records are
     * re-serialised in file order (coarse label, fine label, 3,072 pixel bytes), which reproduces
     * the file byte for byte. Works the same whether the data came from a directory or from the
     * archive, and needs no second read of the disk.
     */
    public static String md5(Cifar100Split split) {
        MessageDigest md = newMd5();
        byte[] px = split.pixels();
        int n = split.size();
        byte[] chunk = new byte[RECORD_BYTES * Math.max(1, Math.min(CHUNK_RECORDS, n))];
        for (int first = 0; first < n; first += CHUNK_RECORDS) {
            int count = Math.min(CHUNK_RECORDS, n - first);
            for (int k = 0; k < count; k++) {
                int i = first + k;
                int off = k * RECORD_BYTES;
                chunk[off] = (byte) split.coarseLabel(i);
                chunk[off + 1] = (byte) split.fineLabel(i);
                System.arraycopy(px, i * IMAGE_BYTES, chunk, off + 2, IMAGE_BYTES);
            }
            md.update(chunk, 0, count * RECORD_BYTES);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide MD5
            throw new IllegalStateException(e);
        }
    }
}
