package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the data can be wrong gives a one-line message naming the file and the fix. */
class CifarReaderErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void missingLocation() {
        Path nowhere = tmp.resolve("nowhere");
        fails(() -> CifarReader.read(nowhere))
                .hasMessageContaining("no CIFAR-100 data at " + nowhere)
                .hasMessageContaining("./cnnlab data fetch")
                .hasMessageContaining("CNNLAB_DATA");
    }

    @Test
    void emptyDirectory() {
        fails(() -> CifarReader.read(tmp)).hasMessageContaining("no CIFAR-100 data in " + tmp);
    }

    @Test
    void missingTestFile() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.remove(CifarReader.TEST_FILE);
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp, 10, 5))
                .hasMessageStartingWith("test.bin is missing in " + tmp)
                .hasMessageContaining("./cnnlab data fetch");
    }

    @Test
    void truncatedTrainFile() throws Exception {
        // the first 10 records of the real file plus part of the 11th
        byte[] prefix = new byte[3074 * 10 + 1000];
        try (var in = Files.newInputStream(Fixtures.dataDir().resolve("train.bin"))) {
            assertThat(in.readNBytes(prefix, 0, prefix.length)).isEqualTo(prefix.length);
        }
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.put(CifarReader.TRAIN_FILE, prefix);
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp))
                .hasMessage("train.bin in " + tmp + " is 31740 bytes, not a multiple of 3074: the file is truncated"
                        + " or not CIFAR-100 binary; re-download with `./cnnlab data fetch` or point --data at the"
                        + " official files");
    }

    @Test
    void emptyTrainFile() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.put(CifarReader.TRAIN_FILE, new byte[0]);
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp)).hasMessageStartingWith("train.bin in " + tmp + " is empty");
    }

    @Test
    void wrongRecordCounts() throws Exception {
        Synthetic.writeDir(tmp, Synthetic.files(10, 5));
        fails(() -> CifarReader.read(tmp))
                .hasMessageStartingWith("train.bin in " + tmp + " holds 10 records, not 50000");
        fails(() -> CifarReader.read(tmp, 10, 10000))
                .hasMessageStartingWith("test.bin in " + tmp + " holds 5 records, not 10000");
    }

    @Test
    void fineLabelOutOfRange() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.get(CifarReader.TRAIN_FILE)[7 * 3074 + 1] = (byte) 100; // the first invalid value
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp, 10, 5))
                .hasMessageStartingWith("train.bin in " + tmp + ": record 7 has fine label 100 (byte offset 21519)")
                .hasMessageContaining("0..99");
    }

    @Test
    void labelBytesAreUnsigned() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.get(CifarReader.TRAIN_FILE)[2 * 3074 + 1] = (byte) 0xFF;
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp, 10, 5)).hasMessageContaining("record 2 has fine label 255");
    }

    @Test
    void coarseLabelOutOfRange() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.get(CifarReader.TEST_FILE)[3 * 3074] = (byte) 20;
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp, 10, 5))
                .hasMessageStartingWith("test.bin in " + tmp + ": record 3 has coarse label 20 (byte offset 9222)")
                .hasMessageContaining("0..19");
    }

    @Test
    void labelNameFileWithWrongLineCount() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.put(CifarReader.FINE_NAMES_FILE, Synthetic.names("f", 99).getBytes(StandardCharsets.UTF_8));
        Synthetic.writeDir(tmp, files);
        fails(() -> CifarReader.read(tmp, 10, 5))
                .hasMessageStartingWith("fine_label_names.txt in " + tmp + " has 99 lines, not 100");
    }

    @Test
    void trailingBlankLinesAndCrlfInNameFilesAreFine() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        String crlf = Synthetic.names("c", 20).replace("\n", "\r\n") + "\r\n\n";
        files.put(CifarReader.COARSE_NAMES_FILE, crlf.getBytes(StandardCharsets.UTF_8));
        Synthetic.writeDir(tmp, files);
        assertThat(CifarReader.read(tmp, 10, 5).coarseNames()).hasSize(20).startsWith("c0", "c1");
    }

    @Test
    void plainFileThatIsNoArchive() throws Exception {
        Path file = Files.write(tmp.resolve("train.bin"), new byte[3074]);
        fails(() -> CifarReader.read(file)).hasMessageContaining("is a file but not a .tar.gz");
    }

    @Test
    void archiveMissingAnEntry() throws Exception {
        Map<String, byte[]> files = Synthetic.files(10, 5);
        files.remove(CifarReader.COARSE_NAMES_FILE);
        Path archive = Synthetic.writeTarGz(tmp.resolve("cifar-100-binary.tar.gz"), "cifar-100-binary/", files);
        fails(() -> CifarReader.read(archive, 10, 5))
                .hasMessageStartingWith("coarse_label_names.txt is missing in " + archive)
                .hasMessageContaining("cifar-100-binary/coarse_label_names.txt");
    }

    @Test
    void archiveThatIsNotGzip() throws Exception {
        Path archive = Files.write(tmp.resolve("cifar-100-binary.tar.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));
        fails(() -> CifarReader.read(archive))
                .hasMessageStartingWith("could not read " + archive)
                .hasMessageContaining("damaged");
    }

    @Test
    void truncatedArchive() throws Exception {
        Path full = Synthetic.writeTarGz(tmp.resolve("full.tar.gz"), "cifar-100-binary/", Synthetic.files(10, 5));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        fails(() -> CifarReader.read(cut, 10, 5)).hasMessageContaining(cut.toString());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Runnable r) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(CnnlabException.class);
        assertThat(t.getMessage()).as("one-line message").doesNotContain("\n").doesNotContain("\r");
        return assertThat(t);
    }
}
