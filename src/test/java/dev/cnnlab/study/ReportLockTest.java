package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLockTest {

    /** The child process: holds the study's report lock until its standard input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (ReportLock held = ReportLock.acquire(Path.of(args[0]))) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
            }
        }
    }

    @Test
    void aSecondProcessWaitsForTheReportLockUntilTheFirstLetsGo(@TempDir Path study) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        Holder.class.getName(),
                        study.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");

            CompletableFuture<ReportLock> mine = CompletableFuture.supplyAsync(() -> ReportLock.acquire(study));
            try {
                mine.get(1, TimeUnit.SECONDS);
                throw new AssertionError("the report lock was granted while another process held it");
            } catch (TimeoutException expected) {
                // still waiting: right
            }
            holder.getOutputStream().close(); // the holder releases and exits
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (ReportLock granted = mine.get(30, TimeUnit.SECONDS)) {
                assertThat(granted).isNotNull();
            }
        } finally {
            holder.destroyForcibly();
        }
        try (ReportLock again = ReportLock.acquire(study)) { // released: free again at once
            assertThat(study.resolve(ReportLock.FILE)).exists();
        }
    }
}
