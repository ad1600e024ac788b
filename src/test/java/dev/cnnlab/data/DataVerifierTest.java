package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataVerifierTest {

    @Test
    void realDataIsTheOfficialDataSet() {
        VerifyReport r = DataVerifier.verify(Fixtures.realData());
        assertThat(r.ok()).isTrue();
        assertThat(r.trainCount()).isEqualTo(50_000);
        assertThat(r.testCount()).isEqualTo(10_000);
        assertThat(r.trainMd5()).isEqualTo(Checksums.TRAIN_MD5);
        assertThat(r.testMd5()).isEqualTo(Checksums.TEST_MD5);
        assertThat(r.trainMd5Ok()).isTrue();
        assertThat(r.testMd5Ok()).isTrue();
        assertThat(r.perClassOk()).isTrue();
        assertThat(r.trainPerClass()).hasSize(100).containsOnly(500);
        String text = r.render();
        assertThat(text)
                .contains("train.bin", "50000", Checksums.TRAIN_MD5, "test.bin", "10000", Checksums.TEST_MD5)
                .contains("0.5071  0.4865  0.4409")
                .contains("0.2673  0.2564  0.2762")
                .doesNotContain("MISMATCH");
        assertThat(text.lines().filter(l -> l.contains("OK"))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void syntheticDataFailsEveryCheck() {
        CifarData fake =
                new CifarData(Synthetic.split(300, 1), Synthetic.split(150, 2), List.of(), List.of(), Path.of("fake"));
        VerifyReport r = DataVerifier.verify(fake);
        assertThat(r.ok()).isFalse();
        assertThat(r.trainMd5Ok()).isFalse();
        assertThat(r.perClassOk()).isFalse();
        assertThat(r.trainPerClass()[0]).isEqualTo(3);
        assertThat(r.render())
                .contains("MISMATCH (expected " + Checksums.TRAIN_MD5 + ")")
                .contains("100 classes differ")
                .contains("class 0 has 3 train / 2 test")
                .contains("NOT OK");
    }
}
