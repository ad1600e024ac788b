package dev.cnnlab.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The decoded-image cache of an image folder ({@link ImageFolderReader}): one file per image size,
 * {@code <root>/.cnnlab-cache/<size>px-<key>.bin}, where the key is a hash of the source listing.
 *
 * <p>Layout, big-endian: the magic {@code CNNLABIF}; the header's length (int); the header (format
 * version, image size, the listing key, the test split's folder name, the class names, the two
 * image counts); then per split (train, then test) its labels as 4-byte ints and its pixel bytes
 * (planar RGB per image, as {@link ImageSplit} holds them); last the CRC32 of everything before it
 * (8 bytes). A split's md5 (the {@link DataRef}'s) is the md5 of its labels' and pixels' bytes as
 * laid out here.
 */
final class ImageCache {

    /** The cache's folder in the data set's root. */
    static final String DIR = ".cnnlab-cache";
    /** Bumped whenever decoding or the layout changes: old caches then have another key. */
    static final int VERSION = 1;

    private static final byte[] MAGIC = "CNNLABIF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 16 << 20;

    private ImageCache() {}

    /** The decoded content of one cache file. */
    record Content(
            String key, int imageSize, String testDir, List<String> classes, ImageSplit train, ImageSplit test) {}

    /** Where the cache of {@code root} at {@code imageSize} with listing {@code key} lies. */
    static Path file(Path root, int imageSize, String key) {
        return root.resolve(DIR).resolve(imageSize + "px-" + key + ".bin");
    }

    /** A split's labels as the cache stores them: 4-byte big-endian ints. */
    static byte[] labelBytes(ImageSplit split) {
        ByteBuffer buf = ByteBuffer.allocate(4 * split.size());
        for (int i = 0; i < split.size(); i++) {
            buf.putInt(split.label(i));
        }
        return buf.array();
    }

    /** The md5 of a split's bytes in the cache's layout: its labels, then its pixels. */
    static String md5(ImageSplit split) {
        MessageDigest md = Checksums.newMd5();
        md.update(labelBytes(split));
        md.update(split.pixels());
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Writes the cache atomically: into a temporary file beside it, then moved into place. Other
     * caches of the same image size (of an earlier listing) are deleted afterwards.
     *
     * @throws IOException when the folder or file cannot be written (nothing is left behind)
     */
    static void write(Path file, Content c) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString() + ".", ".tmp");
        try {
            CRC32 crc = new CRC32();
            OutputStream raw = Files.newOutputStream(tmp);
            try (raw) {
                DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16));
                byte[] header = header(c);
                out.write(MAGIC);
                out.writeInt(header.length);
                out.write(header);
                for (ImageSplit split : List.of(c.train(), c.test())) {
                    out.write(labelBytes(split));
                    out.write(split.pixels());
                }
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        deleteOthers(file, c.imageSize());
    }

    private static byte[] header(Content c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(bytes);
        h.writeInt(VERSION);
        h.writeInt(c.imageSize());
        h.writeUTF(c.key());
        h.writeUTF(c.testDir());
        h.writeInt(c.classes().size());
        for (String name : c.classes()) {
            h.writeUTF(name);
        }
        h.writeInt(c.train().size());
        h.writeInt(c.test().size());
        h.flush();
        return bytes.toByteArray();
    }

    /** Caches of the same size left by an earlier listing of the folder: no read will match them. */
    private static void deleteOthers(Path keep, int imageSize) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keep.getParent(), imageSize + "px-*.bin")) {
            for (Path f : files) {
                if (!f.getFileName().equals(keep.getFileName())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale cache is never read (its key differs), only wastes space
        }
    }

    /**
     * Reads and verifies a cache file: magic, version, size, key, the lengths its header implies
     * and the CRC32 of its content.
     *
     * @throws IOException saying what is wrong, when the file is damaged or not this cache
     */
    static Content read(Path file, int imageSize, String key) throws IOException {
        long length = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a cnnlab image cache (wrong magic)");
            }
            int headerLength = in.readInt();
            if (headerLength < 0 || headerLength > MAX_HEADER || headerLength > length) {
                throw new IOException("header length " + headerLength + " is impossible");
            }
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            DataInputStream h = new DataInputStream(new ByteArrayInputStream(headerBytes));
            int version = h.readInt();
            if (version != VERSION) {
                throw new IOException("format version " + version + ", not " + VERSION);
            }
            int size = h.readInt();
            String storedKey = h.readUTF();
            if (size != imageSize || !storedKey.equals(key)) {
                throw new IOException(
                        "it is for " + size + " px and listing " + storedKey + ", not " + imageSize + " px and " + key);
            }
            String testDir = h.readUTF();
            int classCount = h.readInt();
            if (classCount < 0 || classCount > headerLength) {
                throw new IOException("class count " + classCount + " is impossible");
            }
            List<String> classes = new ArrayList<>(classCount);
            for (int k = 0; k < classCount; k++) {
                classes.add(h.readUTF());
            }
            int trainCount = h.readInt();
            int testCount = h.readInt();
            if (h.available() != 0) {
                throw new IOException("the header has " + h.available() + " bytes too many");
            }
            long imageBytes = (long) ImageSplit.CHANNELS * imageSize * imageSize;
            long expected = MAGIC.length + 4L + headerLength + (trainCount + (long) testCount) * (4 + imageBytes) + 8;
            if (trainCount < 0 || testCount < 0 || expected != length) {
                throw new IOException("it is " + length + " bytes, but its header (" + trainCount + " + " + testCount
                        + " images) implies " + expected);
            }
            ImageSplit train = readSplit(in, trainCount, imageSize, classCount);
            ImageSplit test = readSplit(in, testCount, imageSize, classCount);
            long computed = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != computed) {
                throw new IOException("its checksum does not match its content");
            }
            if (raw.read() != -1) {
                throw new IOException("it has bytes after its checksum");
            }
            return new Content(storedKey, size, testDir, classes, train, test);
        } catch (EOFException e) {
            throw new IOException("it ends early", e);
        }
    }

    private static ImageSplit readSplit(DataInputStream in, int n, int side, int classes) throws IOException {
        byte[] labelBytes = new byte[4 * n];
        in.readFully(labelBytes);
        ByteBuffer buf = ByteBuffer.wrap(labelBytes);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = buf.getInt();
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IOException("label " + labels[i] + " of image " + i + " is out of range");
            }
        }
        byte[] pixels = new byte[n * ImageSplit.CHANNELS * side * side];
        in.readFully(pixels);
        return new ImageSplit(pixels, labels, side);
    }
}
