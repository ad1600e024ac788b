package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.technique.TechniqueSpec;
import dev.cnnlab.train.ConfigOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySpecTest {

    private static final String VALID = """
            name: t
            models:
              - {depth: 11}
              - {name: big, depth: 29}
            techniques:
              baseline: {}
              se: {se: {}}
              mixup: {mixup: {alpha: 0.4}}
            seeds: [1, 2]
            protocol:
              epochs: 3
              trainLimit: 100
            reference:
              se: {big: 76.7}
            """;

    @Test
    void shippedSpecsParseAndTheReferenceStudyHasEightCells() {
        StudySpec reference = StudySpecReader.read(Path.of("studies/reference.yaml"));
        assertThat(reference.cells()).hasSize(8);
        assertThat(reference.protocol())
                .isEqualTo(Protocol.of(ConfigOverrides.builder()
                        .epochs(160)
                        .lr(0.1)
                        .lrMilestones(List.of(80, 120))
                        .lrGamma(0.1)
                        .batchSize(128)
                        .weightDecay(1e-4)
                        .momentum(0.9)
                        .trainLimit(0)
                        .testLimit(0)
                        .precision("fp32")
                        .build()));
        assertThat(reference.reference().get("se+mixup")).containsEntry("ResNet-164", 79.40);
        StudySpec quick = StudySpecReader.read(Path.of("studies/quick.yaml"));
        assertThat(quick.cells()).hasSize(8);
        assertThat(quick.techniqueSet("se+mixup"))
                .extracting(TechniqueSpec::name)
                .containsExactly("se", "mixup");
        StudySpec techniques = StudySpecReader.read(Path.of("studies/techniques-quick.yaml"));
        assertThat(techniques.cells()).hasSize(12);
        assertThat(techniques.techniqueSet("nesterov+cosine"))
                .extracting(TechniqueSpec::name)
                .containsExactly("nesterov", "cosine");
    }

    @Test
    void cellsAreModelsTimesSetsTimesSeedsInAFixedOrderWithDefaultsFilledIn() {
        StudySpec spec = StudySpecReader.parse(VALID, "t.yaml");
        List<Cell> cells = spec.cells();
        assertThat(cells).hasSize(2 * 3 * 2);
        assertThat(cells).extracting(Cell::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(cells.get(0).id()).isEqualTo("ResNet-11_baseline_s1");
        assertThat(cells.get(1).id()).isEqualTo("ResNet-11_baseline_s2");
        assertThat(cells.get(5).id()).isEqualTo("ResNet-11_mixup_s2");
        assertThat(cells.get(6).fidelity().name()).isEqualTo("big");
        assertThat(cells.get(5).techniques()).containsExactly(new TechniqueSpec("mixup", Map.of("alpha", 0.4)));
        assertThat(spec.baseline()).isEqualTo("baseline");
        assertThat(spec.protocol().lr()).isEqualTo(0.1);
        // epochs: 3 without milestones: the reference's 80, 120 of 160 moved to 3 epochs (1.5 and 2.25 both round to 2)
        assertThat(spec.protocol().lrMilestones()).containsExactly(2);
        assertThat(cells.get(3).config(spec.protocol(), 2).epochs()).isEqualTo(3);
        assertThat(cells.get(3).config(spec.protocol(), 2).seed()).isEqualTo(2);
    }

    @Test
    void aStudyCanRunEveryCellInBf16() {
        StudySpec spec = StudySpecReader.parse(VALID.replace("epochs: 3", "epochs: 3\n  precision: bf16"), "t.yaml");
        assertThat(spec.cells().get(0).config(spec.protocol(), 2).precision()).isEqualTo("bf16");
        assertThat(StudySpecReader.parse(VALID, "t.yaml").protocol().precision())
                .isEqualTo("fp32");
    }

    @Test
    void overridesShrinkTheProtocolAndReplaceSeeds() {
        StudySpec base = StudySpecReader.parse(VALID, "t.yaml");
        StudySpec spec = base.with(ConfigOverrides.builder()
                        .epochs(1)
                        .trainLimit(50)
                        .batchSize(32)
                        .testLimit(20)
                        .precision("BF16")
                        .build())
                .withSeeds(List.of(7L));
        assertThat(spec.cells()).hasSize(6);
        assertThat(spec.protocol().settings())
                .isEqualTo(ConfigOverrides.builder()
                        .epochs(1)
                        .lr(0.1)
                        .lrMilestones(List.of())
                        .lrGamma(0.1)
                        .batchSize(32)
                        .weightDecay(1e-4)
                        .momentum(0.9)
                        .trainLimit(50)
                        .testLimit(20)
                        .precision("bf16")
                        .resolution(0)
                        .build());
        assertThat(spec.cells().get(0).seed()).isEqualTo(7);
    }

    private static void assertRejected(String yaml, String... fragments) {
        assertThatThrownBy(() -> StudySpecReader.parse(yaml, "bad.yaml"))
                .isInstanceOf(CnnlabException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n").startsWith("bad.yaml");
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }

    @Test
    void invalidSpecsAreRefusedWithTheLineAndTheFix() {
        assertRejected(VALID.replace("epochs: 3", "epoch: 3"), "line 11", "unknown key 'epoch'", "epochs");
        assertRejected(
                VALID.replace("mixup: {mixup: {alpha: 0.4}}", "mixup: {mixpu: {alpha: 0.4}}"),
                "line 8",
                "unknown technique 'mixpu'");
        assertRejected(VALID.replace("{alpha: 0.4}", "{beta: 0.4}"), "line 8", "no option 'beta'");
        assertRejected(VALID.replace("{depth: 11}", "{depth: 12}"), "line 3", "9n+2");
        assertRejected(VALID.replace("seeds: [1, 2]", "seeds: [1, 2]\nbaseline: nothing"), "baseline 'nothing'");
        assertRejected(VALID.replace("se: {big: 76.7}", "se: {huge: 76.7}"), "model 'huge'");
        assertRejected(VALID.replace("epochs: 3", "epochs: three"), "line 11");
        assertRejected(
                VALID.replace("epochs: 3", "epochs: 3\n  precision: fp16"),
                "line 12",
                "unknown precision 'fp16'",
                "fp32 or bf16");
        assertRejected("models: [", "bad.yaml");
    }
}
