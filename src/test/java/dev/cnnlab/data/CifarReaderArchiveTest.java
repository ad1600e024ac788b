package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive and the nested-directory forms of a data location, on small synthetic files. */
class CifarReaderArchiveTest {

    private static final int TRAIN = 700; // more than one 512-record read chunk
    private static final int TEST = 30;

    @TempDir
    Path tmp;

    @Test
    void archiveReadsLikeTheDirectory() throws Exception {
        Map<String, byte[]> files = Synthetic.files(TRAIN, TEST);
        Path dir = Synthetic.writeDir(tmp.resolve("dir"), files);
        Path archive = Synthetic.writeTarGz(tmp.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary/", files);

        CifarData fromDir = CifarReader.read(dir, TRAIN, TEST);
        CifarData fromTar = CifarReader.read(archive, TRAIN, TEST);

        assertThat(fromTar.source()).isEqualTo(archive);
        assertThat(fromTar.train().pixels()).isEqualTo(fromDir.train().pixels());
        assertThat(fromTar.test().pixels()).isEqualTo(fromDir.test().pixels());
        assertThat(Checksums.md5(fromTar.train())).isEqualTo(Checksums.md5(files.get("train.bin")));
        assertThat(Checksums.md5(fromTar.test())).isEqualTo(Checksums.md5(files.get("test.bin")));
        assertThat(fromTar.fineNames()).isEqualTo(fromDir.fineNames()).hasSize(100);
        assertThat(fromTar.coarseNames()).isEqualTo(fromDir.coarseNames()).hasSize(20);
        assertThat(fromTar.train().fineLabel(123)).isEqualTo(23);
        assertThat(fromTar.train().coarseLabel(123)).isEqualTo(3);
    }

    @Test
    void dotSlashEntryNamesAreAccepted() throws Exception {
        Path archive = Synthetic.writeTarGz(tmp.resolve("x.tgz"), "./cifar-100-binary/", Synthetic.files(TRAIN, TEST));
        assertThat(CifarReader.read(archive, TRAIN, TEST).train().size()).isEqualTo(TRAIN);
    }

    @Test
    void directoryHoldingTheArchive() throws Exception {
        Synthetic.writeTarGz(tmp.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary/", Synthetic.files(TRAIN, TEST));
        CifarData data = CifarReader.read(tmp, TRAIN, TEST);
        assertThat(data.source()).isEqualTo(tmp.resolve("cifar-100-binary.tar.gz"));
    }

    @Test
    void directoryHoldingTheUnpackedDirectory() throws Exception {
        Path sub = Synthetic.writeDir(tmp.resolve("cifar-100-binary"), Synthetic.files(TRAIN, TEST));
        // an archive next to it is ignored: the unpacked files win
        Files.write(tmp.resolve("cifar-100-binary.tar.gz"), new byte[] {1, 2, 3});
        CifarData data = CifarReader.read(tmp, TRAIN, TEST);
        assertThat(data.source()).isEqualTo(sub);
        assertThat(data.test().size()).isEqualTo(TEST);
    }
}
