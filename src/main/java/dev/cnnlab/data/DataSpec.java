package dev.cnnlab.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cnnlab.CnnlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which data to train on, as a study spec's {@code data:} block or the command line gives it;
 * every component may be left out (null).
 *
 * @param format {@code cifar100}, {@code cifar10} or {@code folder}; null: recognised by the
 *     location's layout ({@link #formatOf})
 * @param path where the data is; null: {@code $CNNLAB_DATA}, else {@code
 *     ~/.cnnlab/data/cifar-100-binary} ({@link DataLocation})
 * @param labels for CIFAR-100: {@code fine} (100 classes, the default) or {@code coarse} (the 20
 *     superclasses)
 * @param imageSize for an image folder: the side images are decoded to (default {@value
 *     #DEFAULT_FOLDER_SIZE})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(String format, Path path, String labels, Integer imageSize) {

    public static final List<String> FORMATS = List.of("cifar100", "cifar10", "folder");

    /** The side an image folder is decoded to when no {@code imageSize} is given. */
    public static final int DEFAULT_FOLDER_SIZE = 32;

    /** The default: CIFAR-100 with its fine labels at the default location. */
    public static final DataSpec DEFAULT = new DataSpec(null, null, null, null);

    /** @throws IllegalArgumentException naming the key, for a value no data set can have */
    public DataSpec {
        if (format != null && !FORMATS.contains(format)) {
            throw new IllegalArgumentException(
                    "data format '" + format + "' is not one of " + String.join(", ", FORMATS));
        }
        if (labels != null && !List.of("fine", "coarse").contains(labels)) {
            throw new IllegalArgumentException("data labels '" + labels + "' must be fine or coarse (CIFAR-100's)");
        }
        if (imageSize != null && (imageSize < 8 || imageSize > 512)) {
            throw new IllegalArgumentException("data imageSize " + imageSize + " must be between 8 and 512 pixels");
        }
    }

    /** This spec with {@code other}'s set values laid over it (a command line over a study spec). */
    public DataSpec with(DataSpec other) {
        return new DataSpec(
                other.format != null ? other.format : format,
                other.path != null ? other.path : path,
                other.labels != null ? other.labels : labels,
                other.imageSize != null ? other.imageSize : imageSize);
    }

    /** Where the data is: the path, else the default location. */
    public Path location() {
        return DataLocation.resolve(path);
    }

    /**
     * Reads the data set, recognising its format when none is given.
     *
     * @throws CnnlabException for missing or damaged data, or an option the format does not have
     */
    public Dataset read() {
        Path where = location();
        String f = format != null ? format : formatOf(where);
        if (labels != null && !f.equals("cifar100")) {
            throw new CnnlabException(
                    "labels: " + labels + " is for CIFAR-100 only, but " + where + " is " + f + ": leave labels out");
        }
        if (imageSize != null && !f.equals("folder")) {
            throw new CnnlabException("imageSize is for image folders only, but " + where + " is " + f + " (its"
                    + " images are 32x32): leave it out, or use a resolution fidelity to train smaller");
        }
        return switch (f) {
            case "cifar100" -> CifarReader.read(where).dataset(labels == null ? "fine" : labels);
            case "cifar10" -> Cifar10Reader.read(where);
            default ->
                ImageFolderReader.read(
                        where, imageSize == null ? DEFAULT_FOLDER_SIZE : imageSize, ImageFolderReader.Progress.SILENT);
        };
    }

    /**
     * The format of the data at {@code where}, by its layout: CIFAR-10's {@code data_batch_1.bin}
     * (or its {@code cifar-10-batches-bin/}), an image folder's {@code train/} directory, else
     * CIFAR-100 (whose reader explains what is missing).
     */
    public static String formatOf(Path where) {
        if (Cifar10Reader.recognises(where) || Cifar10Reader.recognises(where.resolve(Cifar10Reader.ARCHIVE_DIR))) {
            return "cifar10";
        }
        if (Files.isDirectory(where.resolve("train"))) {
            return "folder";
        }
        return "cifar100";
    }
}
