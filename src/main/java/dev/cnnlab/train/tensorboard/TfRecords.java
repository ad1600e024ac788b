package dev.cnnlab.train.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * TFRecord framing, the container of TensorBoard's event files. Each record is
 *
 * <pre>
 * uint64 length, uint32 masked CRC-32C of length, byte[length] data, uint32 masked CRC-32C of data
 * </pre>
 *
 * all little-endian (TensorFlow's {@code io::RecordWriter}).
 */
public final class TfRecords {

    private static final int HEADER = Long.BYTES + Integer.BYTES;
    private static final int FOOTER = Integer.BYTES;

    private TfRecords() {}

    /** One record's bytes, framed. */
    public static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(HEADER + data.length + FOOTER).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(MaskedCrc32c.of(record.array(), 0, Long.BYTES));
        record.put(data);
        record.putInt(MaskedCrc32c.of(data, 0, data.length));
        return record.array();
    }

    /**
     * The records of a file's bytes, up to the first record that is incomplete or whose checksums
     * do not match (a writer killed mid-record leaves such a tail).
     *
     * @param records the data of every whole, intact record, in order
     * @param intactLength the bytes those records take; anything after them is damaged
     */
    public record Scan(List<byte[]> records, long intactLength) {

        public Scan {
            records = List.copyOf(records);
        }
    }

    /** Reads the intact records at the start of {@code bytes}. */
    public static Scan scan(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> records = new ArrayList<>();
        while (in.remaining() >= HEADER) {
            int start = in.position();
            long length = in.getLong();
            int lengthCrc = in.getInt();
            if (lengthCrc != MaskedCrc32c.of(bytes, start, Long.BYTES)
                    || length < 0
                    || length > in.remaining() - FOOTER) {
                break;
            }
            byte[] data = new byte[(int) length];
            in.get(data);
            if (in.getInt() != MaskedCrc32c.of(data, 0, data.length)) {
                break;
            }
            records.add(data);
        }
        long intact =
                records.stream().mapToLong(r -> HEADER + r.length + FOOTER).sum();
        return new Scan(records, intact);
    }
}
