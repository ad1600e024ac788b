package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImageFolderReader} on folders written from the real CIFAR-100: exact read-back of PNGs
 * (RGB, grey, palette, RGBA), JPEG within a tolerance, resizing and centre cropping against
 * {@link Resample}, the cache (reused, invalidated by a touched image, per size, damaged, not
 * writable), every fault's one-line message with no cache left behind, stray files, and the decode
 * speed.
 */
class ImageFolderReaderTest {

    private static final int SIDE = 32;
    private static final int BYTES = 3 * SIDE * SIDE;
    /** Deliberately not in case-insensitive order: classes sort by String.compareTo, as torchvision. */
    private static final List<String> CLASSES = List.of("bee", "Zebra", "apple", "cat_2");

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    /** CIFAR-100 training image {@code i}, planar 32x32. */
    private static byte[] cifar(int i) {
        return Arrays.copyOfRange(Fixtures.realData().train().pixels(), i * BYTES, (i + 1) * BYTES);
    }

    /** A planar RGB image as a BufferedImage of {@code type} (INT_RGB or INT_ARGB with alpha 128). */
    private static BufferedImage toImage(byte[] planar, int h, int w, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int rgb = (planar[i] & 0xFF) << 16 | (planar[plane + i] & 0xFF) << 8 | (planar[2 * plane + i] & 0xFF);
                img.setRGB(x, y, type == BufferedImage.TYPE_INT_ARGB ? 0x80000000 | rgb : rgb);
            }
        }
        return img;
    }

    private static void write(BufferedImage img, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(img, format, file.toFile())) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePng(byte[] planar, int h, int w, Path file) {
        write(toImage(planar, h, w, BufferedImage.TYPE_INT_RGB), "png", file);
    }

    /**
     * {@code root/train/<class>/img_NNN.png} (perTrain per class) and {@code root/<testDir>/...}
     * (perTest per class) from consecutive CIFAR images at 32 px; returns the images in read order
     * (classes sorted, files sorted), train then test.
     */
    private static List<byte[]> pngFolder(Path root, String testDir, int perTrain, int perTest) {
        List<byte[]> images = new ArrayList<>();
        int next = 0;
        for (String split : List.of("train", testDir)) {
            int per = split.equals("train") ? perTrain : perTest;
            for (String c : CLASSES.stream().sorted().toList()) {
                for (int j = 0; j < per; j++) {
                    byte[] img = cifar(next++);
                    writePng(img, SIDE, SIDE, root.resolve(split).resolve(c).resolve(String.format("img_%03d.png", j)));
                    images.add(img);
                }
            }
        }
        return images;
    }

    private Dataset read(Path root, int size) {
        return ImageFolderReader.read(root, size, ImageFolderReader.Progress.SILENT, warnings::add);
    }

    private static byte[] image(ImageSplit split, int i) {
        int b = split.imageBytes();
        return Arrays.copyOfRange(split.pixels(), i * b, (i + 1) * b);
    }

    /** md5 of labels as 4-byte big-endian ints, then the pixels: the DataRef's definition. */
    private static String md5(ImageSplit split) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        ByteBuffer labels = ByteBuffer.allocate(4 * split.size());
        for (int i = 0; i < split.size(); i++) {
            labels.putInt(split.label(i));
        }
        md.update(labels.array());
        md.update(split.pixels());
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<Path> caches(Path root) throws IOException {
        Path dir = root.resolve(ImageCache.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    // ---------------------------------------------------------------- reading back

    @Test
    void pngsReadBackBitExactWithSortedClassesAndLabels() throws Exception {
        Path root = tmp.resolve("set");
        List<byte[]> images = pngFolder(root, "test", 3, 2);
        Dataset d = read(root, SIDE);
        assertThat(d.classNames()).containsExactly("Zebra", "apple", "bee", "cat_2");
        assertThat(d.side()).isEqualTo(SIDE);
        assertThat(d.train().size()).isEqualTo(12);
        assertThat(d.test().size()).isEqualTo(8);
        for (int i = 0; i < 12; i++) {
            assertThat(d.train().label(i)).as("train label %d", i).isEqualTo(i / 3);
            assertThat(image(d.train(), i)).as("train image %d", i).isEqualTo(images.get(i));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(d.test().label(i)).as("test label %d", i).isEqualTo(i / 2);
            assertThat(image(d.test(), i)).as("test image %d", i).isEqualTo(images.get(12 + i));
        }
        assertThat(d.ref())
                .isEqualTo(new DataRef(
                        "folder",
                        "classes",
                        4,
                        SIDE,
                        md5(d.train()),
                        md5(d.test()),
                        d.train().size(),
                        d.test().size(),
                        DataRef.STRATIFIED));
        assertThat(d.source()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(warnings).isEmpty();
    }

    @Test
    void valIsTheTestSplitWhenThereIsNoTestAndATestClassMayBeMissing() throws IOException {
        Path root = tmp.resolve("set");
        List<byte[]> images = pngFolder(root, "val", 2, 1);
        Dataset d = read(root, SIDE);
        assertThat(d.test().size()).isEqualTo(4);
        assertThat(image(d.test(), 3)).isEqualTo(images.get(8 + 3));
        // a train class without test images is allowed: labels stay train's
        Path root2 = tmp.resolve("set2");
        pngFolder(root2, "test", 2, 1);
        deleteTree(root2.resolve("test/Zebra"));
        Dataset d2 = read(root2, SIDE);
        assertThat(d2.test().size()).isEqualTo(3);
        assertThat(d2.test().label(0)).isEqualTo(1); // apple
    }

    @Test
    void greyPaletteRgbaAndJpegConvertToRgb() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 1, 1); // 4 classes with one image each; ours go in extra files
        Path cls = root.resolve("train/apple");
        // grey PNG: v must become (v, v, v) exactly (no gamma or colour-space conversion)
        byte[] src = cifar(100);
        BufferedImage grey = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster gr = grey.getRaster();
        for (int i = 0; i < SIDE * SIDE; i++) {
            gr.setSample(i % SIDE, i / SIDE, 0, src[i] & 0xFF);
        }
        write(grey, "png", cls.resolve("b_grey.png"));
        // palette PNG with a random palette: each pixel becomes its palette colour
        Random random = new Random(7);
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        IndexColorModel palette = new IndexColorModel(8, 256, r, g, b);
        BufferedImage indexed = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] expectedPalette = new byte[BYTES];
        for (int i = 0; i < SIDE * SIDE; i++) {
            int idx = src[1024 + i] & 0xFF;
            indexed.getRaster().setSample(i % SIDE, i / SIDE, 0, idx);
            expectedPalette[i] = r[idx];
            expectedPalette[1024 + i] = g[idx];
            expectedPalette[2048 + i] = b[idx];
        }
        write(indexed, "png", cls.resolve("c_palette.png"));
        // RGBA PNG: alpha dropped, colours kept
        byte[] rgba = cifar(101);
        write(toImage(rgba, SIDE, SIDE, BufferedImage.TYPE_INT_ARGB), "png", cls.resolve("d_rgba.PNG"));
        // JPEG (colour and grey), upper-case extensions too
        byte[] jpeg = cifar(102);
        write(toImage(jpeg, SIDE, SIDE, BufferedImage.TYPE_INT_RGB), "jpeg", cls.resolve("e_colour.JPG"));
        write(grey, "jpeg", cls.resolve("f_grey.jpeg"));

        Dataset d = read(root, SIDE);
        // train: Zebra 0, apple 1..6 (b_grey, c_palette, d_rgba, e_colour, f_grey, img_000), bee, cat_2
        assertThat(d.train().size()).isEqualTo(9);
        byte[] greyRead = image(d.train(), 1);
        for (int i = 0; i < SIDE * SIDE; i++) {
            assertThat(new int[] {greyRead[i], greyRead[1024 + i], greyRead[2048 + i]})
                    .as("grey pixel %d", i)
                    .containsExactly(src[i], src[i], src[i]);
        }
        assertThat(image(d.train(), 2)).as("palette").isEqualTo(expectedPalette);
        assertThat(image(d.train(), 3)).as("rgba").isEqualTo(rgba);
        assertThat(meanAbsoluteError(image(d.train(), 4), jpeg))
                .as("colour JPEG")
                .isLessThan(8);
        byte[] greyJpeg = image(d.train(), 5);
        assertThat(Arrays.copyOfRange(greyJpeg, 0, 1024))
                .isEqualTo(Arrays.copyOfRange(greyJpeg, 1024, 2048))
                .isEqualTo(Arrays.copyOfRange(greyJpeg, 2048, 3072));
        byte[] greyPlanes = new byte[BYTES];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(src, 0, greyPlanes, c * 1024, 1024);
        }
        assertThat(meanAbsoluteError(greyJpeg, greyPlanes)).as("grey JPEG").isLessThan(8);
        assertThat(d.train().label(5)).isEqualTo(1);
        assertThat(d.train().label(6)).isEqualTo(1);
        assertThat(d.train().label(7)).isEqualTo(2);
    }

    private static double meanAbsoluteError(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    @Test
    void largerImagesAreAreaDownscaledAndReadExactlyAtTheirOwnSize() {
        Path root = tmp.resolve("set64");
        List<byte[]> big = new ArrayList<>();
        int next = 200;
        for (String split : List.of("test", "train")) {
            for (String c : CLASSES.stream().sorted().toList()) {
                // bilinear upscale then a per-pixel pattern, so 2x2 blocks are not uniform
                byte[] img = Resample.square(cifar(next++), SIDE, 64);
                for (int i = 0; i < img.length; i += 7) {
                    img[i] ^= 0x55;
                }
                writePng(img, 64, 64, root.resolve(split).resolve(c).resolve("x.png"));
                if (split.equals("train")) {
                    big.add(img);
                }
            }
        }
        Dataset at32 = read(root, 32);
        Dataset at64 = read(root, 64);
        for (int i = 0; i < 4; i++) {
            assertThat(image(at64.train(), i)).as("64 px image %d", i).isEqualTo(big.get(i));
            assertThat(image(at32.train(), i)).as("32 px image %d", i).isEqualTo(Resample.square(big.get(i), 64, 32));
        }
    }

    @Test
    void nonSquareImagesAreResizedOnTheShorterSideAndCentreCropped() {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 1, 1);
        Random random = new Random(3);
        byte[] wide = new byte[3 * 32 * 48]; // 48 wide, 32 tall
        random.nextBytes(wide);
        writePng(wide, 32, 48, root.resolve("train/apple/wide.png"));
        byte[] tall = new byte[3 * 45 * 32]; // 32 wide, 45 tall
        random.nextBytes(tall);
        writePng(tall, 45, 32, root.resolve("train/bee/tall.png"));

        // at 32: the wide image keeps its height, columns 8..39 survive
        Dataset d32 = read(root, 32);
        byte[] wideRead = image(d32.train(), 2); // Zebra, apple/img_000, apple/wide
        assertThat(wideRead).isEqualTo(crop(wide, 32, 48, 32, 0, 8));
        assertThat(wideRead[0]).isEqualTo(wide[8]); // top-left red = source (row 0, column 8)
        byte[] tallRead = image(d32.train(), 4); // bee/img_000, bee/tall
        assertThat(tallRead).isEqualTo(crop(tall, 45, 32, 32, 6, 0)); // (45 - 32) / 2 = 6

        // at 16: 32x48 -> 16x24 by area averaging, crop from column 4; 45x32 -> floor(16*45/32)=22 x 16, row 3
        Dataset d16 = read(root, 16);
        assertThat(image(d16.train(), 2)).isEqualTo(crop(Resample.resize(wide, 3, 32, 48, 16, 24), 16, 24, 16, 0, 4));
        assertThat(image(d16.train(), 4)).isEqualTo(crop(Resample.resize(tall, 3, 45, 32, 22, 16), 22, 16, 16, 3, 0));
    }

    private static byte[] crop(byte[] planar, int h, int w, int size, int top, int left) {
        byte[] out = new byte[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                System.arraycopy(planar, c * h * w + (top + y) * w + left, out, (c * size + y) * size, size);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- cache

    @Test
    void theCacheIsReusedAndRebuiltWhenAnImageIsTouchedOrTheSizeChanges() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 3, 2);
        long before = ImageFolderReader.imagesDecoded();
        Dataset first = read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before).isEqualTo(20);
        List<Path> caches = caches(root);
        assertThat(caches).hasSize(1);
        assertThat(caches.get(0).getFileName().toString()).matches("32px-[0-9a-f]{16}\\.bin");

        before = ImageFolderReader.imagesDecoded();
        Dataset second = read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before)
                .as("images decoded by the second read")
                .isZero();
        assertThat(second.ref()).isEqualTo(first.ref());
        assertThat(second.classNames()).isEqualTo(first.classNames());
        assertThat(second.train().pixels()).isEqualTo(first.train().pixels());
        assertThat(second.test().pixels()).isEqualTo(first.test().pixels());

        // a touched image: another key, decoded again, the stale cache replaced
        Path touched = root.resolve("train/bee/img_001.png");
        Files.setLastModifiedTime(
                touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 5_000));
        before = ImageFolderReader.imagesDecoded();
        Dataset third = read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before)
                .as("after a touch")
                .isEqualTo(20);
        assertThat(third.ref()).isEqualTo(first.ref());
        assertThat(caches(root)).hasSize(1).doesNotContain(caches.get(0));

        // an added image too
        writePng(cifar(500), SIDE, SIDE, root.resolve("test/bee/new.png"));
        before = ImageFolderReader.imagesDecoded();
        assertThat(read(root, SIDE).test().size()).isEqualTo(9);
        assertThat(ImageFolderReader.imagesDecoded() - before)
                .as("after an addition")
                .isEqualTo(21);

        // another size: its own cache beside the first
        before = ImageFolderReader.imagesDecoded();
        Dataset small = read(root, 16);
        assertThat(ImageFolderReader.imagesDecoded() - before).isEqualTo(21);
        assertThat(small.ref().imageSize()).isEqualTo(16);
        assertThat(caches(root)).hasSize(2);
        before = ImageFolderReader.imagesDecoded();
        read(root, 16);
        read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before).isZero();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDamagedCacheIsDiscardedWithAWarningAndRebuilt() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        Dataset first = read(root, SIDE);
        Path cache = caches(root).get(0);
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 1; // one pixel bit
        Files.write(cache, bytes);
        long before = ImageFolderReader.imagesDecoded();
        Dataset again = read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before).isEqualTo(12);
        assertThat(again.ref()).isEqualTo(first.ref());
        assertThat(warnings).singleElement().asString().contains("damaged image cache", "checksum");

        Files.write(cache, Arrays.copyOf(Files.readAllBytes(cache), 100)); // truncated
        warnings.clear();
        assertThat(read(root, SIDE).ref()).isEqualTo(first.ref());
        assertThat(warnings).singleElement().asString().contains("damaged image cache");
        assertThat(Files.size(caches(root).get(0))).isEqualTo(bytes.length);
    }

    @Test
    void anUnwritableCacheFolderOnlyWarns() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        Files.writeString(root.resolve(ImageCache.DIR), "in the way"); // a file where the folder would go
        Dataset d = read(root, SIDE);
        assertThat(d.train().size()).isEqualTo(8);
        assertThat(warnings).singleElement().asString().contains("could not write the image cache", "decoded again");
        long before = ImageFolderReader.imagesDecoded();
        read(root, SIDE);
        assertThat(ImageFolderReader.imagesDecoded() - before).isEqualTo(12);
    }

    // ---------------------------------------------------------------- faults

    /** Reading fails with a one-line CnnlabException and leaves no cache (nor its folder). */
    private AbstractThrowableAssert<?, ? extends Throwable> fails(Path root) {
        Throwable t = catchThrowable(() -> read(root, SIDE));
        assertThat(t).isInstanceOf(CnnlabException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        assertThat(Files.exists(root.resolve(ImageCache.DIR)))
                .as("cache folder after a fault")
                .isFalse();
        return assertThat(t);
    }

    @Test
    void aCorruptImageIsNamed() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        Path bad = root.resolve("test/bee/img_000.png");
        Files.write(bad, "not an image at all".getBytes(StandardCharsets.UTF_8));
        fails(root).hasMessageContaining(bad.toString()).hasMessageContaining("remove it");
    }

    @Test
    void aTruncatedImageIsNamed() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        Path bad = root.resolve("train/cat_2/img_001.png");
        byte[] png = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(png, png.length / 2));
        fails(root).hasMessageContaining(bad.toString());
    }

    @Test
    void aClassOnlyInTestIsNamed() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        writePng(cifar(0), SIDE, SIDE, root.resolve("test/dog/a.png"));
        fails(root)
                .hasMessageContaining("class 'dog'")
                .hasMessageContaining("test/")
                .hasMessageContaining("train/dog/");
    }

    @Test
    void anEmptyClassFolderIsNamed() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        Files.createDirectories(root.resolve("train/empty"));
        Files.writeString(root.resolve("train/empty/.DS_Store"), "x");
        fails(root).hasMessageContaining("train/empty/").hasMessageContaining("no .png/.jpg/.jpeg images");
        // in the test split as well
        Files.delete(root.resolve("train/empty/.DS_Store"));
        Files.delete(root.resolve("train/empty"));
        deleteTree(root.resolve("test/bee"));
        Files.createDirectories(root.resolve("test/bee"));
        fails(root).hasMessageContaining("test/bee/");
    }

    @Test
    void fewerThanTwoClassesOrNoClassFolders() throws Exception {
        Path root = tmp.resolve("one");
        writePng(cifar(0), SIDE, SIDE, root.resolve("train/only/a.png"));
        writePng(cifar(1), SIDE, SIDE, root.resolve("test/only/a.png"));
        fails(root).hasMessageContaining("1 class folder (only)").hasMessageContaining("at least 2");

        Path loose = tmp.resolve("loose");
        writePng(cifar(0), SIDE, SIDE, loose.resolve("train/a.png"));
        writePng(cifar(1), SIDE, SIDE, loose.resolve("train/b.png"));
        writePng(cifar(2), SIDE, SIDE, loose.resolve("test/x/b.png"));
        fails(loose).hasMessageContaining("train/ in " + loose).hasMessageContaining("0 class folders (2 images lie");

        Path none = tmp.resolve("none");
        Files.createDirectories(none);
        fails(none).hasMessageContaining("no train/ folder in " + none);
        fails(tmp.resolve("nowhere")).hasMessageContaining("no image folder at " + tmp.resolve("nowhere"));
    }

    @Test
    void aMissingOrUnsortedTestSplit() throws Exception {
        Path root = tmp.resolve("set");
        pngFolder(root, "test", 2, 1);
        deleteTree(root.resolve("test"));
        fails(root).hasMessageContaining("no test/ or val/ folder in " + root);

        // Tiny ImageNet's val/ as unpacked: val/images/*.JPEG and val_annotations.txt
        writePng(cifar(0), SIDE, SIDE, root.resolve("val/images/val_0.JPEG"));
        Files.writeString(root.resolve("val/val_annotations.txt"), "val_0.JPEG\tn01443537\t0\t0\t62\t62\n");
        fails(root).hasMessageContaining("class 'images'").hasMessageContaining("val_annotations.txt");

        // val/ with its images lying loose
        deleteTree(root.resolve("val"));
        writePng(cifar(0), SIDE, SIDE, root.resolve("val/val_0.png"));
        fails(root).hasMessageContaining("val/ in " + root).hasMessageContaining("no class folders (1 image lies");
    }

    // ---------------------------------------------------------------- stray files

    @Test
    void strayFilesAreSkippedAndCountedOnceHiddenOnesSilently() throws Exception {
        Path root = tmp.resolve("set");
        List<byte[]> images = pngFolder(root, "test", 2, 1);
        Files.writeString(root.resolve("train/apple/README.txt"), "about apples");
        Files.writeString(root.resolve("train/apple/.DS_Store"), "x");
        Files.writeString(root.resolve(".DS_Store"), "x");
        Files.createDirectories(root.resolve("train/bee/.thumbs"));
        Files.writeString(root.resolve("train/bee/.thumbs/t.png"), "not even a png");
        Dataset d = read(root, SIDE);
        assertThat(d.train().size()).isEqualTo(8);
        assertThat(image(d.train(), 2)).isEqualTo(images.get(2));
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("skipped 1 file", "train/apple/README.txt")
                .doesNotContain("DS_Store");
    }

    // ---------------------------------------------------------------- speed

    @Test
    void decodeSpeed() throws Exception {
        Path root = tmp.resolve("speed");
        int n = 2000;
        for (int i = 0; i < n; i++) {
            String split = i < 1600 ? "train" : "test";
            writePng(
                    cifar(i),
                    SIDE,
                    SIDE,
                    root.resolve(split).resolve(CLASSES.get(i % 4)).resolve(i + ".png"));
        }
        double[] rate = new double[1];
        int[] calls = new int[1];
        long start = System.nanoTime();
        Dataset d = ImageFolderReader.read(
                root,
                SIDE,
                (done, total, perSecond) -> {
                    calls[0]++;
                    rate[0] = perSecond;
                    assertThat(total).isEqualTo(n);
                },
                warnings::add);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cachedStart = System.nanoTime();
        Dataset cached = read(root, SIDE);
        double cachedSeconds = (System.nanoTime() - cachedStart) / 1e9;
        System.out.printf(
                java.util.Locale.ROOT,
                "ImageFolderReader: %d 32-px PNGs decoded at %.0f images/s (%.2f s with listing and cache write, %d"
                        + " threads); cached read %.3f s%n",
                n,
                rate[0],
                seconds,
                Runtime.getRuntime().availableProcessors(),
                cachedSeconds);
        assertThat(calls[0]).isGreaterThanOrEqualTo(1);
        assertThat(cached.ref()).isEqualTo(d.ref());
        assertThat(d.train().size() + d.test().size()).isEqualTo(n);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
