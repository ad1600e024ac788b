package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.train.TrainConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Fidelities in a spec: overrides, the milestones actually used, the target and the promotion's cell plan. */
class FidelitySpecTest {

    private static final String SPEC = """
            name: f
            models:
              - {name: big, depth: 29}
              - {name: small, depth: 11}
              - {name: short, depth: 29, epochs: 2}
              - {name: few, depth: 29, trainLimit: 1000}
              - {name: wide, depth: 11, widen: 2, lrMilestones: [1]}
            techniques: {baseline: {}, se: {se: {}}, mixup: {mixup: {}}, both: {se: {}, mixup: {}}}
            promote: {from: small, to: big, keep: 2}
            seeds: [0, 1]
            protocol: {epochs: 4, trainLimit: 4000}
            """;

    private static StudySpec spec() {
        return StudySpecReader.parse(SPEC, "f.yaml");
    }

    private static TrainConfig config(StudySpec spec, String fidelity) {
        return spec.cells().stream()
                .filter(c -> c.fidelity().name().equals(fidelity))
                .findFirst()
                .orElseThrow()
                .config(spec.protocol(), 1);
    }

    @Test
    void fidelitiesOverrideModelScheduleAndDataAndTheMilestonesMoveWithTheEpochs() {
        StudySpec spec = spec();
        assertThat(spec.protocol().lrMilestones()).containsExactly(2, 3);
        assertThat(config(spec, "big").lrMilestones()).containsExactly(2, 3);
        assertThat(config(spec, "short").epochs()).isEqualTo(2);
        assertThat(config(spec, "short").lrMilestones()).containsExactly(1);
        assertThat(config(spec, "few").trainLimit()).isEqualTo(1000);
        assertThat(config(spec, "few").epochs()).isEqualTo(4);
        assertThat(config(spec, "wide").widen()).isEqualTo(2);
        assertThat(config(spec, "wide").lrMilestones()).containsExactly(1);
    }

    @Test
    void theEpochsOverrideScalesEveryFidelityInProportion() {
        StudySpec shrunk = spec().withEpochs(2);
        assertThat(config(shrunk, "big").epochs()).isEqualTo(2);
        assertThat(config(shrunk, "big").lrMilestones()).containsExactly(1);
        assertThat(config(shrunk, "short").epochs()).isEqualTo(1);
        assertThat(config(shrunk, "short").lrMilestones()).isEmpty();
        // explicit milestones move too: 1 of 4 -> 0.5 of 2 -> rounds to 1
        assertThat(config(shrunk, "wide").lrMilestones()).containsExactly(1);
        StudySpec fewer = spec().withTrainLimit(400);
        assertThat(config(fewer, "few").trainLimit()).isEqualTo(100);
        assertThat(config(fewer, "big").trainLimit()).isEqualTo(400);
    }

    @Test
    void theTargetIsNamedOrTheMostExpensiveByFlopsTimesImagesTimesEpochs() {
        StudySpec spec = spec();
        Map<String, Long> flops = Map.of("big", 100L, "small", 30L, "short", 100L, "few", 100L, "wide", 110L);
        // big: 100 x 4000 x 4; short: 100 x 4000 x 2; few: 100 x 1000 x 4; wide: 110 x 4000 x 4 (the largest)
        assertThat(spec.targetFidelity(f -> flops.get(f.name()), 50_000).name()).isEqualTo("wide");
        Map<String, Long> tie = Map.of("big", 100L, "small", 30L, "short", 100L, "few", 100L, "wide", 100L);
        assertThat(spec.targetFidelity(f -> tie.get(f.name()), 50_000).name())
                .as("first listed on a tie")
                .isEqualTo("big");
        StudySpec named = StudySpecReader.parse(SPEC.replace("seeds: [0, 1]", "seeds: [0, 1]\ntarget: few"), "f.yaml");
        assertThat(named.targetFidelity(f -> flops.get(f.name()), 50_000).name())
                .isEqualTo("few");
    }

    @Test
    void promotedCellsComeLastAndOnlyTheBaselineAndTheBestKAreTrainedThere() {
        StudySpec spec = spec();
        List<Cell> cells = spec.cells();
        assertThat(cells).hasSize(5 * 4 * 2);
        assertThat(cells.subList(32, 40)).allMatch(c -> c.fidelity().name().equals("big"));
        assertThat(cells.get(0).fidelity().name()).isEqualTo("small");
        PromotionPlan plan = PromotionPlan.of(spec).orElseThrow();
        assertThat(plan.proxyCells())
                .hasSize(8)
                .allMatch(c -> c.fidelity().name().equals("small"));
        // small: baseline 50, 52; se 53, 53 (gain +2); mixup 50, 51 (-0.5); both 52, 54 (+2): se and both tie,
        // the spec's order breaks it
        Map<String, double[]> small = Map.of(
                "baseline",
                new double[] {50, 52},
                "se",
                new double[] {53, 53},
                "mixup",
                new double[] {50, 51},
                "both",
                new double[] {52, 54});
        PromotionPlan.Decision decision =
                plan.decide(c -> OptionalDouble.of(small.get(c.techniqueSet())[(int) c.seed()]));
        assertThat(decision.complete()).isTrue();
        assertThat(decision.promoted()).containsExactly("baseline", "se", "both");
        assertThat(decision.gains())
                .containsExactly(Map.entry("se", 2.0), Map.entry("both", 2.0), Map.entry("mixup", -0.5));
        assertThat(plan.stage(cells.get(33))).isEqualTo(PromotionPlan.Stage.PROMOTED);
        assertThat(plan.stage(cells.get(10))).isEqualTo(PromotionPlan.Stage.ORDINARY);

        PromotionPlan.Decision partial = plan.decide(c ->
                c.seed() == 1 && c.techniqueSet().equals("mixup") ? OptionalDouble.empty() : OptionalDouble.of(50));
        assertThat(partial.complete()).isFalse();
        assertThat(partial.pending()).extracting(Cell::id).containsExactly("small_mixup_s1");
    }

    @Test
    void badFidelityAndPromotionKeysAreRefusedWithTheLine() {
        assertRejected(
                SPEC.replace("{from: small, to: big, keep: 2}", "{from: tiny, to: big, keep: 2}"),
                "promote from 'tiny' is not one of the models");
        assertRejected(SPEC.replace("keep: 2", "keep: 4"), "promote keep 4 is more than the 3 technique set(s)");
        assertRejected(
                SPEC.replace("lrMilestones: [1]", "lrMilestones: [5]"), "line 7", "lrMilestones [5] of model 'wide'");
        assertRejected(SPEC.replace("epochs: 2}", "epochs: 0}"), "line 5", "'epochs' must be >= 1");
        assertRejected(SPEC.replace("seeds: [0, 1]", "seeds: [0, 1]\ntarget: huge"), "target 'huge'");
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
}
