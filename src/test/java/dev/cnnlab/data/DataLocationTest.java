package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the data is looked for: {@code --data}, else $CNNLAB_DATA (stripped, ignored when blank),
 * else {@code ~/.cnnlab/data/cifar-100-binary}. The public {@link DataLocation#resolve(Path)} reads
 * the real environment and home directory, so it is checked in a child JVM with a chosen
 * environment and {@code user.home}.
 */
class DataLocationTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void explicitPathWins() {
        assertThat(DataLocation.resolve(Path.of("/x"), Map.of("CNNLAB_DATA", "/env"), HOME))
                .isEqualTo(Path.of("/x"));
    }

    @Test
    void environmentComesNext() {
        assertThat(DataLocation.resolve(null, Map.of("CNNLAB_DATA", " /env/data "), HOME))
                .isEqualTo(Path.of("/env/data"));
    }

    @Test
    void blankEnvironmentFallsBackToTheHomeDefault() {
        Path expected = Path.of("/home/someone/.cnnlab/data/cifar-100-binary");
        assertThat(DataLocation.resolve(null, Map.of("CNNLAB_DATA", "  "), HOME))
                .isEqualTo(expected);
        assertThat(DataLocation.resolve(null, Map.of(), HOME)).isEqualTo(expected);
    }

    @Test
    void thePublicResolveUsesTheRealEnvironmentAndHomeInThatOrder(@TempDir Path home) throws Exception {
        String defaultDir = home.resolve(".cnnlab/data/cifar-100-binary").toString();
        // explicit beats a set $CNNLAB_DATA
        assertThat(resolveInChild("/explicit/dir", "/from/env", home)).isEqualTo("/explicit/dir");
        // $CNNLAB_DATA beats the home default, stripped of surrounding blanks
        assertThat(resolveInChild(null, "  /from/env  ", home)).isEqualTo("/from/env");
        // no or a blank $CNNLAB_DATA: the home default, under the JVM's user.home
        assertThat(resolveInChild(null, null, home)).isEqualTo(defaultDir);
        assertThat(resolveInChild(null, " ", home)).isEqualTo(defaultDir);
    }

    /** Prints {@code DataLocation.resolve(args[0] or null)}: the child JVM's entry point. */
    public static final class PrintLocation {
        public static void main(String[] args) {
            System.out.print(DataLocation.resolve(args.length == 0 ? null : Path.of(args[0])));
        }
    }

    /** DataLocation.resolve in a fresh JVM with $CNNLAB_DATA = {@code env} (unset when null) and user.home. */
    private static String resolveInChild(String explicit, String env, Path home) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-cp",
                classPath,
                PrintLocation.class.getName()));
        if (explicit != null) {
            command.add(explicit);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(DataLocation.ENV_VAR);
        if (env != null) {
            builder.environment().put(DataLocation.ENV_VAR, env);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
