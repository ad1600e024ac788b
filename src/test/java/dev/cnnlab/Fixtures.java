package dev.cnnlab;

import dev.cnnlab.data.CifarData;
import dev.cnnlab.data.CifarReader;
import dev.cnnlab.train.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared test fixtures: the real CIFAR-100 (read once per JVM) and the engine. */
public final class Fixtures {

    private static CifarData real;

    private Fixtures() {}

    /**
     * The data directory: system property {@code cnnlab.testData} if set (surefire passes an
     * unresolved {@code ${...}} when it is not), else {@code ../shared/data/cifar-100-binary}.
     */
    public static Path dataDir() {
        String prop = System.getProperty("cnnlab.testData");
        Path dir = prop != null && !prop.isBlank() && !prop.startsWith("${")
                ? Path.of(prop)
                : Path.of("../shared/data/cifar-100-binary");
        if (!Files.isRegularFile(dir.resolve(CifarReader.TRAIN_FILE))) {
            throw new IllegalStateException("real CIFAR-100 data expected at " + dir.toAbsolutePath()
                    + " (set -Dcnnlab.testData=DIR to point elsewhere)");
        }
        return dir;
    }

    /** The real data set, shared by all test classes. */
    public static synchronized CifarData realData() {
        if (real == null) {
            real = CifarReader.read(dataDir());
        }
        return real;
    }

    /** The engine with the machine's cores as threads (tests that compare runs use the same count). */
    public static void engine() {
        EngineSetup.start(EngineSetup.defaultThreads());
    }
}
