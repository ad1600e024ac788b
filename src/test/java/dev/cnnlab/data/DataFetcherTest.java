package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cnnlab.CnnlabException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Download failure, verification and the atomic install, without touching the internet. */
@Timeout(30)
class DataFetcherTest {

    @TempDir
    Path tmp;

    private Map<String, byte[]> files;
    private byte[] archive;
    private DataFetcher.Expected expected;
    private HttpServer server;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void fakeArchive() throws Exception {
        files = Synthetic.files(20, 10);
        Path a = Synthetic.writeTarGz(tmp.resolve("fake.tar.gz"), "cifar-100-binary/", files);
        archive = Files.readAllBytes(a);
        Files.delete(a);
        expected = new DataFetcher.Expected(
                Checksums.md5(archive), Checksums.md5(files.get("train.bin")), Checksums.md5(files.get("test.bin")));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A local server answering {@code /a.tar.gz} with the fake archive. */
    private URI serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/a.tar.gz", exchange -> {
            exchange.sendResponseHeaders(200, archive.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(archive);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/a.tar.gz");
    }

    private List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .toList();
        }
    }

    @Test
    void offlineGivesTheAdvice() {
        Path target = tmp.resolve("data/cifar-100-binary");
        assertThatThrownBy(() -> DataFetcher.fetch(
                        target,
                        URI.create("http://127.0.0.1:9/cifar-100-binary.tar.gz"),
                        DataFetcher.Expected.OFFICIAL,
                        progress::add))
                .isInstanceOf(CnnlabException.class)
                .hasMessageStartingWith(
                        "could not download CIFAR-100 from http://127.0.0.1:9/cifar-100-binary.tar.gz: ")
                .hasMessageEndingWith("this machine may be offline: download cifar-100-binary.tar.gz elsewhere and"
                        + " pass --data PATH (directory or .tar.gz)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(target).doesNotExist();
        assertThat(tmp.resolve("data")).isEmptyDirectory();
    }

    @Test
    void installUnpacksAndMovesIntoPlace() throws Exception {
        Path a = Files.write(tmp.resolve("a.tar.gz"), archive);
        Path target = tmp.resolve("cifar-100-binary");
        DataFetcher.install(a, target, expected);
        assertThat(target.resolve("train.bin")).hasBinaryContent(files.get("train.bin"));
        assertThat(target.resolve("fine_label_names.txt")).hasBinaryContent(files.get("fine_label_names.txt"));
        assertThat(CifarReader.read(target, 20, 10).train().size()).isEqualTo(20);
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void installRefusesAnArchiveWithOtherFiles() throws Exception {
        Path a = Files.write(tmp.resolve("a.tar.gz"), archive);
        Path target = tmp.resolve("cifar-100-binary");
        assertThatThrownBy(() -> DataFetcher.install(a, target, DataFetcher.Expected.OFFICIAL))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("train.bin has md5");
        assertThat(target).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void downloadVerifyInstallThenAlreadyPresent() throws Exception {
        URI uri = serve();
        Path target = tmp.resolve("home/.cnnlab/data/cifar-100-binary");
        assertThat(DataFetcher.fetch(target, uri, expected, progress::add)).isEqualTo(target);
        assertThat(CifarReader.read(target, 20, 10).test().size()).isEqualTo(10);
        assertThat(progress).anyMatch(l -> l.contains("MB")).last().asString().contains("ready at " + target);
        assertThat(leftovers(target.getParent())).isEmpty();

        progress.clear();
        DataFetcher.fetch(target, uri, expected, progress::add);
        assertThat(progress).containsExactly("CIFAR-100 is already present and valid at " + target);
    }

    @Test
    void checksumMismatchDeletesTheDownload() throws Exception {
        URI uri = serve();
        Path target = tmp.resolve("d/cifar-100-binary");
        DataFetcher.Expected wrong =
                new DataFetcher.Expected(Checksums.ARCHIVE_MD5, expected.trainMd5(), expected.testMd5());
        assertThatThrownBy(() -> DataFetcher.fetch(target, uri, wrong, progress::add))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("has md5 " + expected.archiveMd5() + ", not " + Checksums.ARCHIVE_MD5);
        assertThat(target).doesNotExist();
        assertThat(tmp.resolve("d")).isEmptyDirectory();
    }

    @Test
    void existingInvalidTargetIsNotTouched() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("cifar-100-binary"));
        Files.write(target.resolve("mine.txt"), new byte[] {1});
        assertThatThrownBy(() -> DataFetcher.fetch(target, URI.create("http://127.0.0.1:9/x"), expected, progress::add))
                .isInstanceOf(CnnlabException.class)
                .hasMessageContaining("already exists but")
                .hasMessageContaining("delete it");
        assertThat(target.resolve("mine.txt")).exists();
    }

    @Test
    void progressLines() {
        assertThat(DataFetcher.progressLine(50_000_000, 200_000_000, 10_000_000_000L))
                .isEqualTo("50.0 / 200.0 MB (25.0%), 5.0 MB/s");
        assertThat(DataFetcher.progressLine(3_000_000, -1, 1_000_000_000L)).isEqualTo("3.0 MB, 3.0 MB/s");
    }
}
