package dev.cnnlab.train.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** TFRecord framing: the layout of one record, and where reading stops in a damaged file. */
class TfRecordsTest {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** 32 zero bytes framed: their CRC is the RFC 3720 vector 0x8A9136AA, masked 0x0FD7FFFA. */
    @Test
    void aRecordIsLengthItsCrcDataAndTheDatasCrcLittleEndian() {
        byte[] record = TfRecords.frame(new byte[32]);
        ByteBuffer in = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(record).hasSize(8 + 4 + 32 + 4);
        assertThat(in.getLong()).isEqualTo(32);
        assertThat(in.getInt()).isEqualTo(MaskedCrc32c.of(record, 0, 8));
        assertThat(Arrays.copyOfRange(record, 12, 44)).isEqualTo(new byte[32]);
        assertThat(in.getInt(44)).isEqualTo(0x0FD7FFFA);
    }

    @Test
    void scanningReturnsEveryIntactRecordInOrder() {
        byte[] file = concat(TfRecords.frame(text("one")), TfRecords.frame(new byte[0]), TfRecords.frame(text("two")));
        TfRecords.Scan scan = TfRecords.scan(file);
        assertThat(scan.records()).containsExactly(text("one"), new byte[0], text("two"));
        assertThat(scan.intactLength()).isEqualTo(file.length);
    }

    /** A writer killed mid-record leaves any prefix of it: every cut stops before the broken record. */
    @Test
    void scanningStopsBeforeAPartialLastRecordWhereverItWasCut() {
        byte[] whole = TfRecords.frame(text("first"));
        byte[] last = TfRecords.frame(text("second record"));
        for (int cut = 1; cut < last.length; cut++) {
            TfRecords.Scan scan = TfRecords.scan(concat(whole, Arrays.copyOf(last, cut)));
            assertThat(scan.records()).as("cut after %d bytes", cut).containsExactly(text("first"));
            assertThat(scan.intactLength()).isEqualTo(whole.length);
        }
    }

    @Test
    void scanningStopsAtARecordWhoseDataOrLengthDoesNotMatchItsCrc() {
        byte[] whole = TfRecords.frame(text("first"));
        byte[] data = TfRecords.frame(text("second"));
        data[14] ^= 1; // a data byte
        assertThat(TfRecords.scan(concat(whole, data)).records()).containsExactly(text("first"));

        byte[] length = TfRecords.frame(text("second"));
        length[0] ^= 1; // the length, now 7: its CRC no longer matches
        assertThat(TfRecords.scan(concat(whole, length)).intactLength()).isEqualTo(whole.length);
    }
}
