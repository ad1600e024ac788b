package dev.cnnlab;

import dev.cnnlab.data.CifarData;
import dev.cnnlab.data.CifarReader;
import dev.cnnlab.data.Dataset;
import dev.cnnlab.torch.EngineSetup;
import dev.cnnlab.train.EpochStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.zip.CRC32;

/**
 * Shared test fixtures: the real CIFAR-100 (read once per JVM), the engine, and recorded reference
 * outputs of peer libraries (test resources, each beside the script that made it).
 */
public final class Fixtures {

    private static CifarData real;
    private static Dataset dataset;

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
    /** The real CIFAR-100 as cnnlab trains on it: the fine labels. */
    public static synchronized Dataset realDataset() {
        if (dataset == null) {
            dataset = realData().dataset("fine");
        }
        return dataset;
    }

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

    /** The lines of a test resource, e.g. {@code /dev/cnnlab/technique/torchvision_autoaugment.txt}. */
    public static List<String> resourceLines(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CRC32 of an image's bytes as 8 hex digits, the key of the recorded torchvision outputs. */
    public static String crc32(byte[] image) {
        CRC32 crc = new CRC32();
        crc.update(image);
        return String.format("%08x", crc.getValue());
    }

    /**
     * Checks that a random image transform has a reference library's output distribution: draws
     * {@code samples} outputs ({@code sample.apply(i)} for i = 0, 1, ...), requires every one to be
     * among {@code expected} (output CRC32 -> its probability), and requires the counts to agree
     * with the probabilities by Pearson's chi-square test (outcomes expected fewer than 5 times
     * pooled into one cell). The bound is df + 6 sqrt(2 df), about 6 sigma of the statistic's
     * distribution: a fair sampler essentially never exceeds it, while a wrong probability, a
     * biased sign coin or a missing outcome pushes the statistic into the hundreds or thousands.
     */
    public static void assertSameOutputDistribution(
            Map<String, Double> expected, int samples, LongFunction<byte[]> sample) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            byte[] out = sample.apply(i);
            String key = crc32(out);
            if (!expected.containsKey(key)) {
                throw new AssertionError("sample " + i + " gave output " + key + ", which the reference never gives");
            }
            counts.merge(key, 1, Integer::sum);
        }
        double chi2 = 0;
        double pooledExpected = 0;
        int pooledObserved = 0;
        int cells = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double exp = e.getValue() * samples;
            int obs = counts.getOrDefault(e.getKey(), 0);
            if (exp < 5) {
                pooledExpected += exp;
                pooledObserved += obs;
            } else {
                chi2 += (obs - exp) * (obs - exp) / exp;
                cells++;
            }
        }
        if (pooledExpected > 0) {
            chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        int df = cells - 1;
        double bound = df + 6 * Math.sqrt(2.0 * df);
        if (!(chi2 <= bound)) {
            throw new AssertionError(String.format(
                    java.util.Locale.ROOT,
                    "output frequencies differ from the reference's: chi-square %.1f > %.1f (df %d, %d outputs seen"
                            + " of %d)",
                    chi2,
                    bound,
                    df,
                    counts.size(),
                    expected.size()));
        }
    }

    /** The per-epoch learning-rate column equals hand-computed values (to 1e-12, for rounding). */
    public static void assertLrColumn(List<EpochStats> history, double... expected) {
        org.assertj.core.api.Assertions.assertThat(history).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            org.assertj.core.api.Assertions.assertThat(history.get(i).lr())
                    .as("lr of epoch %d", i + 1)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
