package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole CIFAR-100 data set as read by {@link CifarReader}.
 *
 * @param train       the 50,000 training images
 * @param test        the 10,000 test images
 * @param fineNames   the 100 fine class names, index = fine label
 * @param coarseNames the 20 coarse class names, index = coarse label
 * @param source      where it was read from (a directory or a {@code .tar.gz})
 */
public record CifarData(
        Cifar100Split train, Cifar100Split test, List<String> fineNames, List<String> coarseNames, Path source) {

    /** Checks for nulls and freezes the name lists. */
    public CifarData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        fineNames = List.copyOf(fineNames);
        coarseNames = List.copyOf(coarseNames);
        Objects.requireNonNull(source, "source");
    }

    /**
     * The data set cnnlab trains on: these images with their {@code fine} (100 classes) or
     * {@code coarse} (the 20 superclasses) labels.
     *
     * @throws CnnlabException for another label name
     */
    public Dataset dataset(String labels) {
        boolean coarse = switch (labels) {
            case "fine" -> false;
            case "coarse" -> true;
            default ->
                throw new CnnlabException("CIFAR-100 labels are fine (100 classes) or coarse (the 20"
                        + " superclasses), not '" + labels + "'");
        };
        DataRef ref = new DataRef(
                "cifar100",
                labels,
                coarse ? Cifar100Split.COARSE_CLASSES : Cifar100Split.FINE_CLASSES,
                Cifar100Split.IMAGE_SIDE,
                Checksums.md5(train),
                Checksums.md5(test),
                train.size(),
                test.size(),
                DataRef.STRATIFIED);
        return new Dataset(train.images(coarse), test.images(coarse), coarse ? coarseNames : fineNames, ref, source);
    }
}
