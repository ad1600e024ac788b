package dev.cnnlab.train.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The checksum of TFRecord framing against published and hand-computed values. */
class MaskedCrc32cTest {

    private static int crc(byte[] data) {
        return MaskedCrc32c.crc32c(data, 0, data.length);
    }

    /** RFC 3720 (iSCSI), appendix B.4: CRC-32C of four 32-byte messages. */
    @Test
    void theCrcMatchesTheRfc3720TestVectors() {
        byte[] zeros = new byte[32];
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 0xFF);
        byte[] incrementing = new byte[32];
        byte[] decrementing = new byte[32];
        for (int i = 0; i < 32; i++) {
            incrementing[i] = (byte) i;
            decrementing[i] = (byte) (31 - i);
        }
        assertThat(crc(zeros)).isEqualTo(0x8A9136AA);
        assertThat(crc(ones)).isEqualTo(0x62A8AB43);
        assertThat(crc(incrementing)).isEqualTo(0x46DD794E);
        assertThat(crc(decrementing)).isEqualTo(0x113FDB5C);
    }

    /**
     * TensorFlow's mask, by hand: 0x8A9136AA rotated right by 15 bits is 0x6D551522 (its low 15
     * bits 0x36AA move to the top, its high 17 bits 0x11522 to the bottom); plus 0xA282EAD8 that is
     * 0x10FD7FFFA, or 0x0FD7FFFA in 32 bits.
     */
    @Test
    void theMaskRotatesRightBy15AndAddsTensorFlowsDelta() {
        assertThat(MaskedCrc32c.mask(0x8A9136AA)).isEqualTo(0x0FD7FFFA);
        assertThat(MaskedCrc32c.mask(0)).isEqualTo(0xA282EAD8);
        assertThat(MaskedCrc32c.mask(0xFFFFFFFF)).isEqualTo(0xA282EAD7);
        assertThat(MaskedCrc32c.of(new byte[32], 0, 32)).isEqualTo(0x0FD7FFFA);
    }

    @Test
    void anOffsetAndLengthSelectTheBytesChecked() {
        byte[] padded = new byte[40];
        Arrays.fill(padded, (byte) 0xFF);
        Arrays.fill(padded, 5, 37, (byte) 0);
        assertThat(MaskedCrc32c.crc32c(padded, 5, 32)).isEqualTo(0x8A9136AA);
    }
}
