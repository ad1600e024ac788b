package dev.cnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command's process does around its work: logging that reaches stderr without
 * SLF4J's own complaints, and no network access at run time.
 */
class CliEnvironmentTest {

    private record Outcome(int exitCode, String stdout, String stderr) {}

    /** Runs {@code mainClass} in a child JVM with extra JVM options and environment variables. */
    private static Outcome runJava(List<String> jvmOptions, Map<String, String> env, String mainClass, String... args)
            throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        File out = File.createTempFile("cnnlab-out", ".txt");
        File err = File.createTempFile("cnnlab-err", ".txt");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass + " " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Outcome(
                    process.exitValue(),
                    Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }

    @Test
    void commandsPrintNoSlf4jComplaints() throws Exception {
        Outcome model = runJava(List.of(), Map.of(), Main.class.getName(), "model", "--depth", "11");
        assertThat(model.exitCode()).as(model.stderr()).isZero();
        assertThat(model.stderr().lines()).as(model.stderr()).noneMatch(line -> line.startsWith("SLF4J:"));
    }

    @Test
    void djlWarningsReachStderr() throws Exception {
        Outcome probe = runJava(List.of(), Map.of(), DjlWarningProbe.class.getName());
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        assertThat(probe.stderr()).contains("WARN").contains(DjlWarningProbe.WARNING);
        assertThat(probe.stderr().lines()).noneMatch(line -> line.startsWith("SLF4J:"));
    }

    /**
     * A tiny real training run under {@link NetworkGuard}, which reports and refuses every
     * connection, with DJL's caches in empty directories: it trains, nothing tries to connect
     * (DJL 0.25 calls EC2's metadata service, bypassing any proxy, when its engine loads unless
     * its {@code offline} property is set, and would fetch natives it cannot find), and the caches
     * hold only what the bundled native jars extract.
     */
    @Test
    void trainingMakesNoNetworkAttemptAndDownloadsNothing(@TempDir Path dir) throws Exception {
        Path engineCache = Files.createDirectories(dir.resolve("engine-cache"));
        Path djlCache = Files.createDirectories(dir.resolve("djl-cache"));
        // the CLI as a user starts it with a plain java command: no offline property given
        Outcome train = runJava(
                List.of("-Djava.security.manager=allow"),
                Map.of("ENGINE_CACHE_DIR", engineCache.toString(), "DJL_CACHE_DIR", djlCache.toString()),
                NetworkGuard.class.getName(),
                "train",
                "--data",
                Fixtures.dataDir().toString(),
                "--depth",
                "11",
                "--epochs",
                "1",
                "--batch-size",
                "32",
                "--train-limit",
                "64",
                "--test-limit",
                "32",
                "--threads",
                "1",
                "--workers",
                "1",
                "--quiet",
                "--out",
                dir.resolve("run").toString());
        assertThat(train.stderr()).doesNotContain(NetworkGuard.ATTEMPT);
        assertThat(train.exitCode()).as(train.stderr()).isZero();
        assertThat(dir.resolve("run").resolve("result.json")).exists();

        Set<String> bundled = bundledNativeNames();
        try (Stream<Path> files = Stream.concat(Files.walk(engineCache), Files.walk(djlCache))) {
            List<String> cached = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertThat(cached).isNotEmpty(); // the natives are extracted here, from the jars
            // the JNI library is stored as <djl version>-<name>; nothing else (no index, no download)
            assertThat(cached)
                    .allMatch(
                            name -> bundled.contains(name) || bundled.contains(name.replaceFirst("^[0-9.]+-", "")),
                            "only files of the bundled jars " + bundled);
        }
    }

    /** File names inside the pytorch-native and pytorch-jni jars of the test class path. */
    private static Set<String> bundledNativeNames() throws IOException {
        Set<String> names = new HashSet<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith("pytorch-native-") || file.startsWith("pytorch-jni-")) {
                try (JarFile jar = new JarFile(entry)) {
                    jar.stream()
                            .filter(e -> !e.isDirectory())
                            .forEach(e ->
                                    names.add(e.getName().substring(e.getName().lastIndexOf('/') + 1)));
                }
            }
        }
        assertThat(names).as("bundled native jars on " + classPath).isNotEmpty();
        return names;
    }
}
