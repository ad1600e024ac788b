package dev.cnnlab.data;

import java.nio.file.Path;
import java.util.Map;

/** Decides where the CIFAR-100 data lives when the user did not say. */
public final class DataLocation {

    /** Environment variable that overrides the default data location. */
    public static final String ENV_VAR = "CNNLAB_DATA";

    private DataLocation() {}

    /**
     * The data location, by precedence: {@code explicitOrNull} (from {@code --data}) if given; else
     * the environment variable {@value #ENV_VAR} if set and not blank; else
     * {@code ~/.cnnlab/data/cifar-100-binary}. The path is not checked for existence.
     */
    public static Path resolve(Path explicitOrNull) {
        return resolve(explicitOrNull, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #resolve(Path)} with the environment and home directory passed in, for tests. */
    static Path resolve(Path explicitOrNull, Map<String, String> env, Path home) {
        if (explicitOrNull != null) {
            return explicitOrNull;
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        return defaultLocation(home);
    }

    /** {@code HOME/.cnnlab/data/cifar-100-binary}: where {@code ./cnnlab data fetch} puts the data. */
    static Path defaultLocation(Path home) {
        return home.resolve(".cnnlab").resolve("data").resolve(CifarReader.ARCHIVE_DIR);
    }
}
