package dev.cnnlab.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from, in four groups: the data it was trained on, the software that trained
 * it, the hardware it ran on, and when.
 *
 * @param data the data's checksums and location
 * @param software cnnlab's commit and the Java, DJL and engine versions
 * @param hardware device, CPU, cores, threads and host
 * @param times when the run started and, for a resumed run, when it was resumed
 */
public record Provenance(Data data, Software software, Hardware hardware, Times times) {

    /**
     * @param trainMd5 md5 of the training file's bytes
     * @param testMd5 md5 of the test file's bytes
     * @param source where the data was read from
     */
    public record Data(String trainMd5, String testMd5, String source) {}

    /**
     * @param gitCommit commit of the cnnlab checkout ("-dirty" when it had local changes), or null
     * @param java Java runtime version
     * @param djl DJL version
     * @param engine deep-learning engine and its version
     */
    public record Software(String gitCommit, String java, String djl, String engine) {}

    /**
     * @param device device trained on (cpu() or gpu(n) with the GPU's name)
     * @param os operating system
     * @param cpu CPU model name
     * @param cores logical cores visible to the JVM
     * @param threads libtorch intra-op threads
     * @param host host name
     */
    public record Hardware(String device, String os, String cpu, int cores, int threads, String host) {}

    /**
     * @param startedAt when the run first started (UTC), also when it was resumed later
     *     (checkpoints written before the start was kept give the start of the process that
     *     resumed it)
     * @param resumedAt when the process that finished a resumed run started (UTC); null for a run
     *     trained in one go
     */
    public record Times(String startedAt, String resumedAt) {}

    /**
     * Collects provenance for a run of {@code data} on this machine.
     *
     * @param startedAt when the run first started
     * @param resumedAt when this process resumed it, or null
     */
    public static Provenance collect(Data data, int threads, String device, String startedAt, String resumedAt) {
        Engine engine = Engine.getInstance();
        return new Provenance(
                data,
                new Software(
                        currentGitCommit(),
                        System.getProperty("java.version"),
                        Engine.getDjlVersion(),
                        engine.getEngineName() + " " + engine.getVersion()),
                new Hardware(
                        device,
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"),
                        cpuModel(),
                        Runtime.getRuntime().availableProcessors(),
                        threads,
                        hostName()),
                new Times(startedAt, resumedAt));
    }

    /** The CPU model from /proc/cpuinfo, or the JVM's architecture name elsewhere. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The checkout's commit, found from where the cnnlab classes were loaded. */
    public static String currentGitCommit() {
        try {
            Path code = Path.of(Provenance.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return gitCommit(code.getParent() == null ? code : code.getParent().getParent());
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The commit checked out in {@code repo}, with "-dirty" when the work tree differs from it:
     * changed, staged or untracked files (an untracked source file changes what is built just as
     * an edit does; ignored files such as target/ do not count). Null outside a git checkout.
     */
    static String gitCommit(Path repo) {
        try {
            String head = run(repo, "git", "rev-parse", "HEAD");
            if (head == null || head.isBlank()) {
                return null;
            }
            String status = run(repo, "git", "status", "--porcelain");
            return head.trim() + (status != null && !status.isBlank() ? "-dirty" : "");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
            return null;
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
