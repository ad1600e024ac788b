package dev.cnnlab.cli;

import dev.cnnlab.data.CifarData;
import dev.cnnlab.data.CifarReader;
import dev.cnnlab.data.DataLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option shared by every command that reads CIFAR-100. */
final class DataOptions {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "CIFAR-100 binary directory or cifar-100-binary.tar.gz (default: $CNNLAB_DATA, else ~/.cnnlab/data/cifar-100-binary)")
    Path data;

    Path location() {
        return DataLocation.resolve(data);
    }

    CifarData read() {
        return read(data);
    }

    /** Reads the data from an explicit path, or the default location when null. */
    static CifarData read(Path explicitOrNull) {
        return CifarReader.read(DataLocation.resolve(explicitOrNull));
    }
}
