package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @Test
    void knownVectors() {
        assertThat(Checksums.md5(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(Checksums.md5("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    }

    @Test
    void realSplitsReproduceTheOfficialFileChecksums() {
        CifarData data = Fixtures.realData();
        assertThat(Checksums.md5(data.train())).isEqualTo(Checksums.TRAIN_MD5);
        assertThat(Checksums.md5(data.test())).isEqualTo(Checksums.TEST_MD5);
    }

    @Test
    void fileChecksumOfTheRealTestFile() {
        assertThat(Checksums.md5(Fixtures.dataDir().resolve("test.bin"))).isEqualTo(Checksums.TEST_MD5);
    }

    @Test
    void splitChecksumEqualsTheChecksumOfItsFile(@TempDir Path tmp) throws Exception {
        byte[] records = Synthetic.records(1500, 7); // spans several internal chunks
        Path file = Files.write(tmp.resolve("x.bin"), records);
        String expected = Checksums.md5(records);
        assertThat(Checksums.md5(file)).isEqualTo(expected);
        assertThat(Checksums.md5(Synthetic.split(1500, 7))).isEqualTo(expected);
        assertThat(Checksums.md5(Synthetic.split(1500, 8))).isNotEqualTo(expected);
    }
}
