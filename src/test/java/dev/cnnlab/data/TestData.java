package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real CIFAR-100 files for tests, read once per JVM (reading takes a fraction of a second). */
final class TestData {

    private static CifarData real;

    private TestData() {}

    /**
     * The data directory: system property {@code cnnlab.testData} if set (surefire passes an
     * unresolved {@code ${...}} when it is not), else {@code ../shared/data/cifar-100-binary}.
     */
    static Path dir() {
        String prop = System.getProperty("cnnlab.testData");
        Path dir = prop != null && !prop.isBlank() && !prop.startsWith("${")
                ? Path.of(prop)
                : Path.of("../shared/data/cifar-100-binary");
        assertThat(Files.isRegularFile(dir.resolve(CifarReader.TRAIN_FILE)))
                .as("real CIFAR-100 data expected at %s (set -Dcnnlab.testData=DIR to point elsewhere)",
                        dir.toAbsolutePath())
                .isTrue();
        return dir;
    }

    /** The real data set, shared by all test classes. */
    static synchronized CifarData real() {
        if (real == null) {
            real = CifarReader.read(dir());
        }
        return real;
    }
}
