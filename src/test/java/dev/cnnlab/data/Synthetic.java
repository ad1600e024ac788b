package dev.cnnlab.data;

import static dev.cnnlab.data.Cifar100Split.IMAGE_BYTES;
import static dev.cnnlab.data.Cifar100Split.RECORD_BYTES;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small fake CIFAR-100 files in the official layout, for tests that must not touch the real data. */
final class Synthetic {

    private Synthetic() {}

    /** {@code n} records in file layout: coarse = i % 20, fine = i % 100, random pixels. */
    static byte[] records(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] out = new byte[n * RECORD_BYTES];
        for (int i = 0; i < n; i++) {
            int off = i * RECORD_BYTES;
            out[off] = (byte) (i % Cifar100Split.COARSE_CLASSES);
            out[off + 1] = (byte) (i % Cifar100Split.FINE_CLASSES);
            for (int k = 0; k < IMAGE_BYTES; k++) {
                out[off + 2 + k] = (byte) rng.nextInt(256);
            }
        }
        return out;
    }

    /** A split with the same content as {@link #records(int, long)}. */
    /** {@link #split(int, long)} as cnnlab trains on it: the fine labels. */
    static ImageSplit images(int n, long seed) {
        return split(n, seed).images(false);
    }

    static Cifar100Split split(int n, long seed) {
        byte[] rec = records(n, seed);
        byte[] px = new byte[n * IMAGE_BYTES];
        byte[] fine = new byte[n];
        byte[] coarse = new byte[n];
        for (int i = 0; i < n; i++) {
            coarse[i] = rec[i * RECORD_BYTES];
            fine[i] = rec[i * RECORD_BYTES + 1];
            System.arraycopy(rec, i * RECORD_BYTES + 2, px, i * IMAGE_BYTES, IMAGE_BYTES);
        }
        return new Cifar100Split(px, fine, coarse);
    }

    static String names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The four files of a data directory, by name. */
    static Map<String, byte[]> files(int nTrain, int nTest) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CifarReader.FINE_NAMES_FILE, names("fine", 100).getBytes(StandardCharsets.UTF_8));
        files.put(CifarReader.TRAIN_FILE, records(nTrain, 1));
        files.put(CifarReader.TEST_FILE, records(nTest, 2));
        files.put(CifarReader.COARSE_NAMES_FILE, names("coarse", 20).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Writes {@code files} into {@code dir} (created) and returns it. */
    static Path writeDir(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    /** Writes a .tar.gz holding a directory entry {@code prefix} and each file as {@code prefix + name}. */
    static Path writeTarGz(Path archive, String prefix, Map<String, byte[]> files) throws IOException {
        try (OutputStream raw = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(raw))) {
            tar.putArchiveEntry(new TarArchiveEntry(prefix));
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(prefix + e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}
