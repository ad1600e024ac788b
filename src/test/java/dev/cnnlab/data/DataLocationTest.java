package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataLocationTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void explicitPathWins() {
        assertThat(DataLocation.resolve(Path.of("/x"), Map.of("CNNLAB_DATA", "/env"), HOME)).isEqualTo(Path.of("/x"));
    }

    @Test
    void environmentComesNext() {
        assertThat(DataLocation.resolve(null, Map.of("CNNLAB_DATA", " /env/data "), HOME))
                .isEqualTo(Path.of("/env/data"));
    }

    @Test
    void blankEnvironmentFallsBackToTheHomeDefault() {
        Path expected = Path.of("/home/someone/.cnnlab/data/cifar-100-binary");
        assertThat(DataLocation.resolve(null, Map.of("CNNLAB_DATA", "  "), HOME)).isEqualTo(expected);
        assertThat(DataLocation.resolve(null, Map.of(), HOME)).isEqualTo(expected);
    }

    @Test
    void publicOverloadHonoursExplicitPath() {
        assertThat(DataLocation.resolve(Path.of("rel"))).isEqualTo(Path.of("rel"));
        assertThat(DataLocation.resolve(null)).isNotNull();
    }
}
