package dev.cnnlab.train.tensorboard;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC-32C (Castagnoli, the JDK's {@link CRC32C}) masked as
 * TensorFlow's {@code crc32c::Mask} does, so that a CRC computed over data that itself holds CRCs
 * does not degenerate.
 */
public final class MaskedCrc32c {

    /** TensorFlow's {@code kMaskDelta}. */
    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {}

    /** The plain CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
    public static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    /** TensorFlow's mask of a CRC: rotate right by 15 bits, add a constant. */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** The masked CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        return mask(crc32c(data, offset, length));
    }
}
