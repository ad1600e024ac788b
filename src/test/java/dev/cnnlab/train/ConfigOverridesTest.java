package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layers of training settings and how they resolve to one {@link TrainConfig}. */
class ConfigOverridesTest {

    private static final ConfigOverrides PROTOCOL = ConfigOverrides.builder()
            .epochs(4)
            .lrMilestones(List.of(2, 3))
            .batchSize(64)
            .build();

    @Test
    void layersApplyBottomFirstOnTheReferenceAndUnsetValuesFallThrough() {
        ConfigOverrides fidelity = ConfigOverrides.builder().depth(11).build();
        TrainConfig config =
                fidelity.applyTo(PROTOCOL.applyTo(TrainConfig.builder())).build();
        assertThat(config.depth()).isEqualTo(11);
        assertThat(config.epochs()).isEqualTo(4);
        assertThat(config.lrMilestones()).containsExactly(2, 3);
        assertThat(config.batchSize()).isEqualTo(64);
        assertThat(config.lr()).isEqualTo(TrainConfig.REFERENCE.lr());
        assertThat(config.family()).isEqualTo(TrainConfig.REFERENCE.family());
    }

    @Test
    void milestonesMoveWithTheEpochsOfALaterLayerUnlessItSetsItsOwn() {
        ConfigOverrides shorter = ConfigOverrides.builder().epochs(8).build();
        assertThat(shorter.applyTo(PROTOCOL.applyTo(TrainConfig.builder()))
                        .build()
                        .lrMilestones())
                .containsExactly(4, 6);
        ConfigOverrides own =
                ConfigOverrides.builder().epochs(8).lrMilestones(List.of(5)).build();
        assertThat(own.applyTo(PROTOCOL.applyTo(TrainConfig.builder())).build().lrMilestones())
                .containsExactly(5);
        // over(): the same rule when two layers merge into one
        assertThat(shorter.over(PROTOCOL).lrMilestones()).containsExactly(4, 6);
        assertThat(shorter.over(PROTOCOL).batchSize()).isEqualTo(64);
        assertThat(ConfigOverrides.NONE.over(PROTOCOL)).isEqualTo(PROTOCOL);
    }

    @Test
    void setKeysNameWhatALayerSets() {
        assertThat(PROTOCOL.setKeys()).containsExactly("epochs", "lrMilestones", "batchSize");
        assertThat(ConfigOverrides.NONE.setKeys()).isEmpty();
    }

    @Test
    void aWarmUpAsLongAsTheRunIsRefused() {
        TrainConfig fourEpochs = TrainConfig.builder().epochs(4).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fourEpochs.toBuilder()
                        .techniques(List.of(new dev.cnnlab.technique.TechniqueSpec("cosine", java.util.Map.of())))
                        .build()
                        .validate())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("warm up for 5.0 epochs, which is not shorter than the 4-epoch run");
        fourEpochs.toBuilder()
                .techniques(List.of(new dev.cnnlab.technique.TechniqueSpec("cosine", java.util.Map.of("warmup", 0.5))))
                .build()
                .validate();
    }

    @Test
    void aConfigNamesTheFieldsInWhichAnotherDiffers() {
        TrainConfig here = TrainConfig.builder().depth(11).epochs(4).build();
        TrainConfig asked = TrainConfig.builder().depth(29).epochs(4).build();
        assertThat(here.differencesFrom(asked)).containsExactly("depth 11 here, 29 asked");
        assertThat(here.differencesFrom(here)).isEmpty();
    }
}
