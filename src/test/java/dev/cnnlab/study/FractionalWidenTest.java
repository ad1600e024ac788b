package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.train.TrainConfig;
import dev.cnnlab.util.Json;
import org.junit.jupiter.api.Test;

/** A fractional widen through study specs and stored configs; older integer files still read the same. */
class FractionalWidenTest {

    private static final String SPEC = """
            name: f
            models:
              - {depth: 11, widen: 0.5}
              - {name: wide, depth: 11, widen: 2}
            techniques: {baseline: {}}
            seeds: [0]
            protocol: {epochs: 2}
            """;

    @Test
    void aSpecTakesAFractionalWidenAndNamesTheModelAfterIt() {
        StudySpec spec = StudySpecReader.parse(SPEC, "f.yaml");
        assertThat(spec.cells())
                .extracting(c -> c.fidelity().name())
                .containsExactlyInAnyOrder("ResNet-11x0.5", "wide");
        Cell half = spec.cells().stream()
                .filter(c -> c.fidelity().name().equals("ResNet-11x0.5"))
                .findFirst()
                .orElseThrow();
        assertThat(half.config(spec.protocol(), 0).widen()).isEqualTo(0.5);
        assertThat(half.fidelity().modelSpec().displayName()).isEqualTo("ResNet-11x0.5");
    }

    @Test
    void aWidenOfZeroOrLessIsRejectedOnOneLine() {
        for (String bad : new String[] {"0", "-1", "-0.5"}) {
            assertThatThrownBy(() -> StudySpecReader.parse(SPEC.replace("widen: 0.5", "widen: " + bad), "bad.yaml"))
                    .isInstanceOf(CnnlabException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("\n")
                            .startsWith("bad.yaml")
                            .contains("'widen' must be a number > 0"));
        }
    }

    @Test
    void configsWrittenWithAnIntegerWidenReadEqualToTodays() throws Exception {
        TrainConfig reference = TrainConfig.REFERENCE;
        String today = Json.write(reference);
        assertThat(today).contains("\"widen\": 1.0");
        TrainConfig fromInteger =
                Json.MAPPER.readValue(today.replace("\"widen\": 1.0", "\"widen\": 1"), TrainConfig.class);
        assertThat(fromInteger).isEqualTo(reference).isEqualTo(Json.MAPPER.readValue(today, TrainConfig.class));
        TrainConfig half = reference.toBuilder().widen(0.5).build();
        assertThat(Json.MAPPER.readValue(Json.write(half), TrainConfig.class)).isEqualTo(half);
    }
}
