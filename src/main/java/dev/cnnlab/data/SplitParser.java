package dev.cnnlab.data;

import static dev.cnnlab.data.Cifar100Split.COARSE_CLASSES;
import static dev.cnnlab.data.Cifar100Split.FINE_CLASSES;
import static dev.cnnlab.data.Cifar100Split.IMAGE_BYTES;
import static dev.cnnlab.data.Cifar100Split.RECORD_BYTES;

import dev.cnnlab.CnnlabException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the bytes of {@code train.bin} or {@code test.bin} into a validated {@link Cifar100Split}.
 *
 * <p>Reads in chunks of whole records straight into the split's arrays, so a 150 MB file needs
 * 150 MB of heap, not twice that, and the same code serves files and tar entries.
 */
final class SplitParser {

    /** What the user should do about a damaged file; shared by every message here. */
    static final String REFETCH = "re-download with `./cnnlab data fetch` or point --data at the official files";

    /** Records per read: about 1.5 MB, big enough that system calls cost nothing. */
    private static final int CHUNK_RECORDS = 512;

    private SplitParser() {}

    /**
     * Checks the byte size of a split file before anything is read, so a wrong file fails at
     * once with its size in the message.
     *
     * @param file     the file name for messages, e.g. {@code train.bin}
     * @param where    where it is, e.g. {@code /data/cifar-100-binary}
     * @param expected the number of records the file must hold
     */
    static int checkSize(long size, int expected, String file, String where) {
        if (size == 0) {
            throw new CnnlabException(
                    file + " in " + where + " is empty: the file is truncated or not CIFAR-100 binary; " + REFETCH);
        }
        if (size % RECORD_BYTES != 0) {
            throw new CnnlabException(file + " in " + where + " is " + size + " bytes, not a multiple of "
                    + RECORD_BYTES + ": the file is truncated or not CIFAR-100 binary; " + REFETCH);
        }
        long records = size / RECORD_BYTES;
        if (records != expected) {
            throw new CnnlabException(file + " in " + where + " holds " + records + " records, not " + expected
                    + ": the file is truncated or not CIFAR-100 binary; " + REFETCH);
        }
        return (int) records;
    }

    /**
     * Reads {@code size} bytes of records from {@code in} (which is not closed).
     *
     * @throws CnnlabException for a bad size, a short stream or a label out of range
     */
    static Cifar100Split parse(InputStream in, long size, int expected, String file, String where) throws IOException {
        int n = checkSize(size, expected, file, where);
        byte[] pixels = new byte[Math.multiplyExact(n, IMAGE_BYTES)];
        byte[] fine = new byte[n];
        byte[] coarse = new byte[n];
        byte[] chunk = new byte[RECORD_BYTES * Math.min(CHUNK_RECORDS, n)];
        for (int first = 0; first < n; first += CHUNK_RECORDS) {
            int count = Math.min(CHUNK_RECORDS, n - first);
            int want = count * RECORD_BYTES;
            int got = in.readNBytes(chunk, 0, want);
            if (got != want) {
                long had = (long) first * RECORD_BYTES + got;
                throw new CnnlabException(file + " in " + where + " ended after " + had + " of " + size
                        + " bytes: the file is truncated; " + REFETCH);
            }
            for (int k = 0; k < count; k++) {
                int off = k * RECORD_BYTES;
                int record = first + k;
                int c = chunk[off] & 0xFF;
                int f = chunk[off + 1] & 0xFF;
                if (c >= COARSE_CLASSES) {
                    throw badLabel(file, where, record, "coarse", c, (long) record * RECORD_BYTES, COARSE_CLASSES);
                }
                if (f >= FINE_CLASSES) {
                    throw badLabel(file, where, record, "fine", f, (long) record * RECORD_BYTES + 1, FINE_CLASSES);
                }
                coarse[record] = (byte) c;
                fine[record] = (byte) f;
                System.arraycopy(chunk, off + 2, pixels, record * IMAGE_BYTES, IMAGE_BYTES);
            }
        }
        return new Cifar100Split(pixels, fine, coarse);
    }

    private static CnnlabException badLabel(
            String file, String where, int record, String kind, int value, long byteOffset, int classes) {
        return new CnnlabException(file + " in " + where + ": record " + record + " has " + kind + " label "
                + value + " (byte offset " + byteOffset + "), but CIFAR-100 " + kind + " labels are 0.."
                + (classes - 1) + ": the file is corrupt or not CIFAR-100 binary; " + REFETCH);
    }
}
