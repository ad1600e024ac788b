package dev.cnnlab.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs cnnlab in a child JVM, as a user would, capturing exit status, stdout and stderr. */
final class CliProcess {

    record Outcome(int exitCode, String stdout, String stderr) {}

    private CliProcess() {}

    /** A user error: exit 2, exactly one line on stderr that says what and how, no stack trace. */
    static void assertOneLineError(Outcome outcome, String... fragments) {
        org.assertj.core.api.Assertions.assertThat(outcome.exitCode())
                .as(outcome.stderr())
                .isEqualTo(2);
        List<String> lines = outcome.stderr().lines().filter(l -> !l.isBlank()).toList();
        org.assertj.core.api.Assertions.assertThat(lines).as(outcome.stderr()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(lines.get(0))
                .startsWith("cnnlab: error: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        for (String fragment : fragments) {
            org.assertj.core.api.Assertions.assertThat(lines.get(0)).contains(fragment);
        }
    }

    /**
     * Starts cnnlab in the background, its stdout and stderr going to {@code log}; the caller
     * waits for it or kills it.
     */
    static Process start(File log, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-cp",
                classPath,
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        process.getOutputStream().close();
        return process;
    }

    static Outcome run(String... args) throws Exception {
        return runWithClassPathFirst(null, args);
    }

    /** As {@link #run}, with {@code first} (a directory or jar, or null) ahead of the class path. */
    static Outcome runWithClassPathFirst(Path first, String... args) throws Exception {
        // surefire's own class path property: java.class.path may be a manifest-only booter jar
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String classPath = first == null ? testClassPath : first + File.pathSeparator + testClassPath;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-cp",
                classPath,
                Main.class.getName()));
        command.addAll(List.of(args));
        File out = File.createTempFile("cnnlab-out", ".txt");
        File err = File.createTempFile("cnnlab-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out)
                    .redirectError(err)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("cnnlab " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Outcome(
                    process.exitValue(),
                    java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
