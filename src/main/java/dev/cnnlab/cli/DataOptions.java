package dev.cnnlab.cli;

import dev.cnnlab.data.CifarData;
import dev.cnnlab.data.CifarReader;
import dev.cnnlab.data.DataLocation;
import dev.cnnlab.data.DataSpec;
import dev.cnnlab.data.Dataset;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data options shared by every command that reads data: where, which format, which labels, what size. */
final class DataOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "data directory: CIFAR-100 (binary directory or cifar-100-binary.tar.gz), CIFAR-10"
                    + " (cifar-10-batches-bin/) or an image folder (train/<class>/, test/<class>/); default:"
                    + " $CNNLAB_DATA, else ~/.cnnlab/data/cifar-100-binary")
    Path data;

    @Option(
            names = "--dataset",
            paramLabel = "FORMAT",
            description = "cifar100, cifar10 or folder (default: recognised from the directory's layout)")
    String format;

    @Option(
            names = "--labels",
            paramLabel = "L",
            description = "CIFAR-100's labels: fine (100 classes, default) or coarse (the 20 superclasses)")
    String labels;

    @Option(
            names = "--image-size",
            paramLabel = "PX",
            description = "an image folder's images are decoded to PX x PX (shorter side resized, centre crop;"
                    + " default " + DataSpec.DEFAULT_FOLDER_SIZE + ")")
    Integer imageSize;

    /** What was given, every part optional. */
    DataSpec spec() {
        try {
            return new DataSpec(format, data, labels, imageSize);
        } catch (IllegalArgumentException e) {
            throw new dev.cnnlab.CnnlabException(
                    "--" + e.getMessage().replaceFirst("^data ", "").replace("imageSize", "image-size"));
        }
    }

    Path location() {
        return DataLocation.resolve(data);
    }

    /** The data set asked for. */
    Dataset read() {
        return spec().read();
    }

    /** CIFAR-100's files themselves (for {@code data verify}), from an explicit path or the default. */
    static CifarData readCifar100(Path explicitOrNull) {
        return CifarReader.read(DataLocation.resolve(explicitOrNull));
    }
}
