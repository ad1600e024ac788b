package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads an image-folder data set, the layout of torchvision's {@code ImageFolder} (and of
 * Imagenette after unpacking): {@code root/train/<class>/*.png|jpg|jpeg} and {@code
 * root/test/<class>/*}, or {@code root/val/<class>/*} when there is no {@code test/}.
 *
 * <ul>
 *   <li><b>Classes</b> are the folder names in {@code train/}, sorted by {@link String#compareTo}
 *       (torchvision's {@code sorted(entry.name)}); a class's label is its index. Images of a class
 *       are taken from its folder and its subfolders, in sorted order of their relative paths. The
 *       test split's class folders must be among train's; a train class without test images is
 *       allowed (its test folder may be missing).
 *   <li><b>Images</b> are files ending in {@code .png}, {@code .jpg} or {@code .jpeg} (any case),
 *       decoded by {@code javax.imageio} whatever their extension says, and converted to RGB as
 *       PIL's {@code convert("RGB")} does: alpha is dropped (not composited), a palette image takes
 *       its palette's colours, a grey image of value v becomes (v, v, v) exactly (read from its
 *       raster, never through a colour-space conversion; 16-bit samples are rounded to 8). Each
 *       image's shorter side is then resized to {@code imageSize} ({@link Resample}: area averaging
 *       when shrinking, bilinear when growing; skipped when already equal; the longer side becomes
 *       {@code floor(imageSize * long / short)}, as torchvision's {@code Resize}) and centre-cropped
 *       to {@code imageSize x imageSize} at offset {@code (length - imageSize) / 2}. Decoding uses a
 *       pool of one thread per core; the result does not depend on their number.
 *   <li><b>Other files</b>: files and folders whose names start with a dot are skipped silently
 *       ({@code .DS_Store}, the cache itself). Any other file that is not an image (a {@code
 *       README.txt}, a {@code .webp}) is skipped too, and the count of them is given once per
 *       decode as a one-line {@code cnnlab: warning:} on stderr, naming the first of them.
 *   <li><b>Cache</b>: the decoded splits are written once to {@code
 *       root/.cnnlab-cache/<imageSize>px-<key>.bin} ({@link ImageCache}), atomically (a temporary
 *       file moved into place), where the key is a hash of the source listing: every image's path
 *       relative to the root, its size and its modification time, plus the image size and the
 *       cache's format version. Every read recomputes the listing (a directory walk, no image is
 *       opened); an added, removed, renamed or touched image gives another key, so the folder is
 *       decoded again and never read stale. Writing a new cache deletes the older ones of the same
 *       size. A cache whose length, header or CRC32 is wrong is discarded with a one-line warning
 *       and rebuilt. When the cache cannot be written (a read-only root) the images are decoded
 *       anyway and a one-line warning says they will be decoded again next time.
 *   <li><b>Faults</b> give a one-line {@link CnnlabException} naming the file, folder or class and
 *       the fix, before any cache is written: no {@code train/} folder, fewer than 2 class folders,
 *       an empty class folder, no {@code test/} or {@code val/} split (or one without class
 *       folders, as Tiny ImageNet's {@code val/} before it is sorted into class folders by its
 *       {@code val_annotations.txt}, which cnnlab does not do), a test class that train lacks, and
 *       an image that cannot be read or decoded.
 * </ul>
 *
 * <p>The {@link DataRef} is {@code folder}/{@code classes} with the md5 of each split's bytes in
 * the cache's layout (labels as 4-byte big-endian ints, then the pixels), so it identifies the
 * decoded data, not the files.
 */
public final class ImageFolderReader {

    /** Progress of decoding, for long reads. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} images decoded so far, at {@code imagesPerSecond}. */
        void decoded(int done, int total, double imagesPerSecond);

        Progress SILENT = (done, total, rate) -> {};
    }

    /** The split folders, in order of preference for the test split. */
    static final List<String> TEST_DIRS = List.of("test", "val");

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
    private static final String LAYOUT =
            "an image folder holds train/<class>/*.png|jpg|jpeg and test/<class>/* (or val/<class>/*),"
                    + " torchvision ImageFolder's layout";
    private static final long REPORT_NANOS = 500_000_000L;
    private static final AtomicLong DECODED = new AtomicLong();

    private ImageFolderReader() {}

    /** Images decoded since the JVM started (for tests: a read from the cache decodes none). */
    static long imagesDecoded() {
        return DECODED.get();
    }

    /**
     * The data set at {@code root}, each image's shorter side resized to {@code imageSize} and
     * centre-cropped, read through a cache beside it.
     *
     * @throws CnnlabException naming the file, folder or class, when the folder is not a usable
     *     data set (see the class description)
     */
    public static Dataset read(Path root, int imageSize, Progress progress) {
        return read(root, imageSize, progress, line -> System.err.println("cnnlab: warning: " + line));
    }

    /** {@link #read(Path, int, Progress)} with the one-line warnings going to {@code warnings}. */
    static Dataset read(Path root, int imageSize, Progress progress, Consumer<String> warnings) {
        if (imageSize < 1) {
            throw new CnnlabException("image size " + imageSize + " must be at least 1 pixel");
        }
        Path dir = root.toAbsolutePath().normalize();
        Listing listing = list(dir);
        String key = listing.key(imageSize);
        Path cacheFile = ImageCache.file(dir, imageSize, key);
        ImageCache.Content content = null;
        if (Files.isRegularFile(cacheFile)) {
            try {
                content = ImageCache.read(cacheFile, imageSize, key);
                if (!content.classes().equals(listing.classes)
                        || !content.testDir().equals(listing.testDir)) {
                    throw new IOException("its classes or test folder differ from the folder's");
                }
            } catch (IOException | RuntimeException e) {
                content = null;
                warnings.accept("discarding the damaged image cache " + cacheFile + " ("
                        + CifarReader.oneLine(String.valueOf(e.getMessage())) + "); decoding the images again");
                try {
                    Files.deleteIfExists(cacheFile);
                } catch (IOException ignored) {
                    // the new cache replaces it, or decoding goes on without one
                }
            }
        }
        if (content == null) {
            if (listing.stray > 0) {
                warnings.accept("skipped " + listing.stray + " file" + (listing.stray == 1 ? "" : "s") + " in " + dir
                        + " that " + (listing.stray == 1 ? "is not a" : "are not") + " .png/.jpg/.jpeg image"
                        + (listing.stray == 1 ? "" : "s") + " (first: " + listing.firstStray + ")");
            }
            content = decode(listing, key, imageSize, progress);
            try {
                ImageCache.write(cacheFile, content);
            } catch (IOException | RuntimeException e) {
                warnings.accept("could not write the image cache " + cacheFile + " ("
                        + CifarReader.oneLine(String.valueOf(e.getMessage())) + "): the images will be decoded"
                        + " again on every read; make " + dir + " writable to keep them");
            }
        }
        DataRef ref = new DataRef(
                "folder",
                "classes",
                content.classes().size(),
                imageSize,
                ImageCache.md5(content.train()),
                ImageCache.md5(content.test()),
                content.train().size(),
                content.test().size(),
                DataRef.STRATIFIED);
        return new Dataset(content.train(), content.test(), content.classes(), ref, dir);
    }

    // ---------------------------------------------------------------- listing

    /** One image file: its path relative to the root ({@code /}-separated), size, mtime, label. */
    record Entry(Path path, String relative, long size, long modifiedNanos, int label) {}

    /** The images of both splits, in order, and what was skipped. */
    static final class Listing {
        final Path root;
        final List<String> classes;
        final String testDir;
        final List<Entry> train;
        final List<Entry> test;
        int stray;
        String firstStray;

        Listing(Path root, List<String> classes, String testDir, List<Entry> train, List<Entry> test) {
            this.root = root;
            this.classes = classes;
            this.testDir = testDir;
            this.train = train;
            this.test = test;
        }

        /** The cache key: 16 hex digits of the SHA-256 of everything the decoded data depends on. */
        String key(int imageSize) {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every Java platform has SHA-256
            }
            StringBuilder text = new StringBuilder();
            text.append("cnnlab image folder v")
                    .append(ImageCache.VERSION)
                    .append('\n')
                    .append(imageSize)
                    .append(" px\n");
            for (String name : classes) {
                text.append("class\t").append(name).append('\n');
            }
            for (List<Entry> split : List.of(train, test)) {
                for (Entry e : split) {
                    text.append(e.relative())
                            .append('\t')
                            .append(e.size())
                            .append('\t')
                            .append(e.modifiedNanos())
                            .append('\n');
                    if (text.length() > 1 << 16) {
                        sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
                        text.setLength(0);
                    }
                }
            }
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
    }

    static Listing list(Path root) {
        Path trainDir = root.resolve("train");
        if (!Files.isDirectory(trainDir)) {
            throw new CnnlabException(
                    (Files.isDirectory(root) ? "no train/ folder in " : "no image folder at ") + root + ": " + LAYOUT);
        }
        String testName = null;
        for (String name : TEST_DIRS) {
            if (Files.isDirectory(root.resolve(name))) {
                testName = name;
                break;
            }
        }
        if (testName == null) {
            throw new CnnlabException("no test/ or val/ folder in " + root + ": put the held-out images in"
                    + " test/<class>/ (or val/<class>/) with the class folder names of train/");
        }
        Listing listing = new Listing(root, new ArrayList<>(), testName, new ArrayList<>(), new ArrayList<>());
        Map<String, Path> trainClasses = classFolders(listing, trainDir);
        if (trainClasses.size() < 2) {
            throw new CnnlabException("train/ in " + root + " has " + trainClasses.size() + " class folder"
                    + (trainClasses.size() == 1
                            ? " (" + trainClasses.keySet().iterator().next() + ")"
                            : "s")
                    + looseImages(trainDir) + ": a classifier needs at least 2; put each class's images in its own"
                    + " folder train/<class>/ (" + LAYOUT + ")");
        }
        listing.classes.addAll(trainClasses.keySet());
        Path testDir = root.resolve(testName);
        Map<String, Path> testClasses = classFolders(listing, testDir);
        boolean tinyImageNet = testName.equals("val") && Files.isRegularFile(testDir.resolve("val_annotations.txt"));
        String tinyHint = "; Tiny ImageNet's val/ must first be sorted into val/<class>/ folders by its"
                + " val_annotations.txt (cnnlab does not do this)";
        if (testClasses.isEmpty()) {
            throw new CnnlabException(testName + "/ in " + root + " has no class folders" + looseImages(testDir)
                    + ": put its images in " + testName + "/<class>/ folders named as in train/"
                    + (tinyImageNet || testName.equals("val") ? tinyHint : ""));
        }
        for (String name : testClasses.keySet()) {
            if (!trainClasses.containsKey(name)) {
                throw new CnnlabException("class '" + name + "' has a folder in " + testName + "/ but not in train/ ("
                        + root + "): the classes are train/'s folders; add train/" + name + "/ with its images or"
                        + " remove " + testName + "/" + name + "/" + (tinyImageNet ? tinyHint : ""));
            }
        }
        for (Map.Entry<String, Path> c : trainClasses.entrySet()) {
            images(listing, c.getValue(), listing.classes.indexOf(c.getKey()), listing.train);
        }
        for (Map.Entry<String, Path> c : testClasses.entrySet()) {
            images(listing, c.getValue(), listing.classes.indexOf(c.getKey()), listing.test);
        }
        return listing;
    }

    /** The class folders in a split's folder, by sorted name; other files there count as stray. */
    private static Map<String, Path> classFolders(Listing listing, Path splitDir) {
        Map<String, Path> folders = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(splitDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    folders.put(name, p);
                } else {
                    stray(listing, p);
                }
            }
        } catch (IOException e) {
            throw new CnnlabException("could not list " + splitDir + ": "
                    + CifarReader.oneLine(String.valueOf(e.getMessage())) + "; check that it is readable");
        }
        return folders;
    }

    private static String looseImages(Path dir) {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && isImage(p.getFileName().toString())) {
                    n++;
                }
            }
        } catch (IOException e) {
            return "";
        }
        return n == 0 ? "" : " (" + n + " image" + (n == 1 ? " lies" : "s lie") + " directly in it)";
    }

    private static void stray(Listing listing, Path p) {
        if (listing.stray++ == 0) {
            listing.firstStray = relative(listing.root, p);
        }
    }

    static boolean isImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** The images of one class folder (and its subfolders), in sorted order of relative path. */
    private static void images(Listing listing, Path classDir, int label, List<Entry> into) {
        List<Entry> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    classDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                            return !d.equals(classDir)
                                            && d.getFileName().toString().startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            String name = f.getFileName().toString();
                            if (name.startsWith(".")) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isRegularFile() && isImage(name)) {
                                found.add(new Entry(
                                        f,
                                        relative(listing.root, f),
                                        attrs.size(),
                                        attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                                        label));
                            } else {
                                stray(listing, f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new CnnlabException("could not list " + classDir + ": "
                    + CifarReader.oneLine(String.valueOf(e.getMessage())) + "; check that it is readable");
        }
        if (found.isEmpty()) {
            throw new CnnlabException("class folder " + relative(listing.root, classDir) + "/ in " + listing.root
                    + " holds no .png/.jpg/.jpeg images: add its images or remove the folder");
        }
        found.sort(Comparator.comparing(Entry::relative));
        into.addAll(found);
    }

    // ---------------------------------------------------------------- decoding

    private static ImageCache.Content decode(Listing listing, String key, int imageSize, Progress progress) {
        int imageBytes = ImageSplit.CHANNELS * imageSize * imageSize;
        int total = listing.train.size() + listing.test.size();
        for (List<Entry> split : List.of(listing.train, listing.test)) {
            if ((long) split.size() * imageBytes > Integer.MAX_VALUE - 8) {
                throw new CnnlabException(split.size() + " images of " + imageSize + "x" + imageSize + " in "
                        + listing.root + " take more than the 2 GB a split may hold: use a smaller imageSize");
            }
        }
        byte[] trainPixels = new byte[listing.train.size() * imageBytes];
        byte[] testPixels = new byte[listing.test.size() * imageBytes];
        ImageIO.getImageReadersBySuffix("png"); // registers the plugins once, before the threads start
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int chunk = Math.max(1, Math.min(64, total / (threads * 8)));
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cnnlab-decode");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int first = 0; first < total; first += chunk) {
                int from = first;
                int to = Math.min(total, first + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        boolean isTrain = i < listing.train.size();
                        int k = isTrain ? i : i - listing.train.size();
                        Entry e = (isTrain ? listing.train : listing.test).get(k);
                        byte[] image = load(e.path(), imageSize);
                        System.arraycopy(image, 0, isTrain ? trainPixels : testPixels, k * imageBytes, imageBytes);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            long lastReport = start;
            for (Future<?> f : futures) {
                while (true) {
                    long wait = lastReport + REPORT_NANOS - System.nanoTime();
                    try {
                        f.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
                        break;
                    } catch (TimeoutException e) {
                        lastReport = System.nanoTime();
                        int d = done.get();
                        progress.decoded(d, total, d / ((lastReport - start) / 1e9));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CnnlabException("interrupted while decoding the images in " + listing.root);
        } finally {
            pool.shutdownNow();
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        progress.decoded(total, total, total / seconds);
        int[] trainLabels = listing.train.stream().mapToInt(Entry::label).toArray();
        int[] testLabels = listing.test.stream().mapToInt(Entry::label).toArray();
        return new ImageCache.Content(
                key,
                imageSize,
                listing.testDir,
                List.copyOf(listing.classes),
                new ImageSplit(trainPixels, trainLabels, imageSize),
                new ImageSplit(testPixels, testLabels, imageSize));
    }

    /** One image file, decoded, resized and centre-cropped to planar RGB {@code size x size}. */
    static byte[] load(Path file, int size) {
        BufferedImage image;
        try {
            image = decode(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new CnnlabException("could not read the image " + file + " ("
                    + CifarReader.oneLine(String.valueOf(e.getMessage())) + "): replace it with a readable"
                    + " PNG or JPEG, or remove it");
        }
        if (image == null) {
            throw new CnnlabException("could not decode the image " + file + ": it is not a PNG or JPEG that"
                    + " javax.imageio can read; replace it with one, or remove it");
        }
        DECODED.incrementAndGet();
        int h = image.getHeight();
        int w = image.getWidth();
        byte[] planar = planarRgb(image);
        int newH;
        int newW;
        if (h <= w) {
            newH = size;
            newW = (int) ((long) size * w / h);
        } else {
            newW = size;
            newH = (int) ((long) size * h / w);
        }
        if (newH != h || newW != w) {
            planar = Resample.resize(planar, ImageSplit.CHANNELS, h, w, newH, newW);
        }
        if (newH == size && newW == size) {
            return planar;
        }
        byte[] out = new byte[ImageSplit.CHANNELS * size * size];
        int top = (newH - size) / 2;
        int left = (newW - size) / 2;
        for (int c = 0; c < ImageSplit.CHANNELS; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(planar, c * newH * newW + (top + y) * newW + left, out, (c * size + y) * size, size);
            }
        }
        return out;
    }

    /** Decodes PNG or JPEG bytes, whatever the file's extension; null when no reader knows them. */
    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0, reader.getDefaultReadParam());
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The image as planar RGB bytes: grey images from their raster (v becomes (v, v, v) exactly,
     * with no colour-space conversion), the common byte and int layouts from their buffers, others
     * through {@link BufferedImage#getRGB}; alpha is dropped.
     */
    static byte[] planarRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        byte[] out = new byte[3 * plane];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            int bits = cm.getComponentSize(0);
            int max = (1 << bits) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int v = bits == 8 ? row[x] : (int) ((row[x] * 255L * 2 + max) / (2L * max));
                    byte b = (byte) v;
                    int at = y * w + x;
                    out[at] = b;
                    out[plane + at] = b;
                    out[2 * plane + at] = b;
                }
            }
            return out;
        }
        int type = image.getType();
        boolean simpleRaster = raster.getMinX() == 0
                && raster.getMinY() == 0
                && raster.getWidth() == w
                && raster.getHeight() == h
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
        if (simpleRaster && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)) {
            byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
            int step = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            int blue = step - 3; // ABGR: A, B, G, R; BGR: B, G, R
            if (data.length >= plane * step) {
                for (int i = 0; i < plane; i++) {
                    int o = i * step + blue;
                    out[2 * plane + i] = data[o];
                    out[plane + i] = data[o + 1];
                    out[i] = data[o + 2];
                }
                return out;
            }
        }
        if (simpleRaster && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)) {
            int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
            if (data.length >= plane) {
                unpack(data, out, plane);
                return out;
            }
        }
        int[] argb = new int[plane];
        image.getRGB(0, 0, w, h, argb, 0, w);
        unpack(argb, out, plane);
        return out;
    }

    private static void unpack(int[] argb, byte[] out, int plane) {
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            out[i] = (byte) (p >> 16);
            out[plane + i] = (byte) (p >> 8);
            out[2 * plane + i] = (byte) p;
        }
    }
}
