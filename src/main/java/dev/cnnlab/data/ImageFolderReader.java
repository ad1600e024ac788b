package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.nio.file.Path;

/**
 * Reads an image-folder data set: {@code train/<class>/*.png|jpg|jpeg} and {@code test/<class>/*}
 * (or {@code val/}), the layout of torchvision's {@code ImageFolder}. (Being written: see the
 * branch that completes it.)
 */
public final class ImageFolderReader {

    /** Progress of decoding, for long reads. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} images decoded so far, at {@code imagesPerSecond}. */
        void decoded(int done, int total, double imagesPerSecond);

        Progress SILENT = (done, total, rate) -> {};
    }

    private ImageFolderReader() {}

    /**
     * The data set at {@code root}, each image's shorter side resized to {@code imageSize} and
     * centre-cropped, read through a cache beside it.
     */
    public static Dataset read(Path root, int imageSize, Progress progress) {
        throw new CnnlabException("image folders are not readable yet: " + root);
    }
}
