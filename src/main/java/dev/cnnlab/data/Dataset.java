package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A labelled image data set as cnnlab trains on it, whatever its format: two splits of square RGB
 * images, the class names, and the {@link DataRef} a run records.
 */
public final class Dataset {

    private final ImageSplit train;
    private final ImageSplit test;
    private final List<String> classNames;
    private final DataRef ref;
    private final Path source;
    /** Lower resolutions made so far: a study's cells at one resolution share one copy. */
    private final Map<Integer, Dataset> lower = new ConcurrentHashMap<>();

    /**
     * @param train the training split
     * @param test the test split, with images of the same size
     * @param classNames class names, index = label
     * @param ref what a run records of this data
     * @param source where it was read from
     */
    public Dataset(ImageSplit train, ImageSplit test, List<String> classNames, DataRef ref, Path source) {
        this(train, test, classNames, ref, source, ref.imageSize());
    }

    private Dataset(ImageSplit train, ImageSplit test, List<String> classNames, DataRef ref, Path source, int side) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        this.classNames = List.copyOf(classNames);
        this.ref = Objects.requireNonNull(ref, "ref");
        this.source = Objects.requireNonNull(source, "source");
        if (train.side() != side || test.side() != side || classNames.size() != ref.classes()) {
            throw new IllegalArgumentException("inconsistent data set: train " + train + ", test " + test + ", "
                    + classNames.size() + " class names, " + ref);
        }
    }

    public ImageSplit train() {
        return train;
    }

    public ImageSplit test() {
        return test;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classes() {
        return classNames.size();
    }

    /** Width and height of these images (the data's, or a lower resolution's). */
    public int side() {
        return train.side();
    }

    public DataRef ref() {
        return ref;
    }

    public Path source() {
        return source;
    }

    /**
     * These images at {@code resolution x resolution} ({@link Resample}: area averaging), made once
     * per resolution; the data itself for 0 or its own size. The ref stays the data's: a run
     * records its resolution in its config.
     *
     * @throws CnnlabException for a resolution above the data's (cnnlab does not upsample)
     */
    public Dataset atResolution(int resolution) {
        if (resolution == 0 || resolution == side()) {
            return this;
        }
        if (resolution < 0 || resolution > side()) {
            throw new CnnlabException("resolution " + resolution + " must be between 1 and the data's image size "
                    + side() + " (0 = the data's)");
        }
        return lower.computeIfAbsent(
                resolution, r -> new Dataset(train.resized(r), test.resized(r), classNames, ref, source, r));
    }
}
