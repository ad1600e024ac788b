package dev.cnnlab;

import dev.cnnlab.data.Cifar100Split;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Image folders written from the real CIFAR-100 for tests: {@code root/train/<superclass>/*.png}
 * and {@code root/test/<superclass>/*.png}, each class one of CIFAR-100's superclasses, so the
 * images and their labels are real and a network can learn them.
 */
public final class FolderFixture {

    private FolderFixture() {}

    /**
     * Writes the first {@code perTrain} training and {@code perTest} test images of each of the
     * superclasses {@code coarse} (their names become the folder names) and returns {@code root}.
     */
    public static Path write(Path root, List<Integer> coarse, int perTrain, int perTest) {
        for (String split : List.of("train", "test")) {
            Cifar100Split images = split.equals("train")
                    ? Fixtures.realData().train()
                    : Fixtures.realData().test();
            int per = split.equals("train") ? perTrain : perTest;
            for (int c : coarse) {
                Path dir = root.resolve(split)
                        .resolve(Fixtures.realData().coarseNames().get(c));
                int written = 0;
                for (int i = 0; i < images.size() && written < per; i++) {
                    if (images.coarseLabel(i) == c) {
                        png(images.pixels(), i, dir.resolve(String.format("%05d.png", i)));
                        written++;
                    }
                }
            }
        }
        return root;
    }

    /** Image {@code i} of CIFAR's planar 32x32 bytes as a PNG file. */
    public static void png(byte[] pixels, int i, Path file) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        int base = i * Cifar100Split.IMAGE_BYTES;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int k = base + y * 32 + x;
                img.setRGB(x, y, (pixels[k] & 0xFF) << 16 | (pixels[k + 1024] & 0xFF) << 8 | (pixels[k + 2048] & 0xFF));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
