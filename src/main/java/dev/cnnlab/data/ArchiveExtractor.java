package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks the {@code cifar-100-binary/} part of a CIFAR-100 archive, and nothing else. */
final class ArchiveExtractor {

    private ArchiveExtractor() {}

    /**
     * Extracts every regular file under {@code cifar-100-binary/} of the {@code .tar.gz} into
     * {@code destDir}, keeping that prefix, and returns {@code destDir/cifar-100-binary}. Entries
     * that would land outside {@code destDir} (e.g. {@code ../x}) are refused.
     */
    static Path extract(Path archive, Path destDir) {
        Path root = destDir.toAbsolutePath().normalize();
        Path out = root.resolve(CifarReader.ARCHIVE_DIR);
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            Files.createDirectories(out);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (!entry.isFile() || !name.startsWith(CifarReader.ARCHIVE_DIR + "/")) {
                    continue;
                }
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(out)) {
                    throw new CnnlabException(archive + " has an entry pointing outside its directory (" + name
                            + "): it is not the official CIFAR-100 archive; " + SplitParser.REFETCH);
                }
                Files.createDirectories(file.getParent());
                Files.copy(tar, file);
            }
        } catch (IOException e) {
            throw new CnnlabException(
                    "could not unpack " + archive + " into " + root + ": "
                            + CifarReader.oneLine(String.valueOf(e.getMessage()))
                            + "; check free disk space and that the archive is a complete .tar.gz",
                    e);
        }
        return out;
    }
}
