package dev.cnnlab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MilestonesTest {

    @Test
    void milestonesKeepTheirShareOfTheRun() {
        // 80/160 = 50%, 120/160 = 75%
        assertThat(Milestones.scaled(List.of(80, 120), 160, 4)).containsExactly(2, 3);
        assertThat(Milestones.scaled(List.of(80, 120), 160, 10)).containsExactly(5, 8); // 7.5 rounds up
        assertThat(Milestones.scaled(List.of(80, 120), 160, 160)).containsExactly(80, 120);
        assertThat(Milestones.scaled(List.of(80, 120), 160, 320)).containsExactly(160, 240);
    }

    @Test
    void milestonesThatCannotChangeAnyEpochAreDropped() {
        // 2 epochs: 1 and 1.5 -> 2; a drop at epoch 2 of a 2-epoch run never applies
        assertThat(Milestones.scaled(List.of(80, 120), 160, 2)).containsExactly(1);
        // 3 of 4 moved to 2 epochs: 1.5 -> 2, beyond the run (what `study quick.yaml --epochs 2` used to keep)
        assertThat(Milestones.scaled(List.of(3), 4, 2)).isEmpty();
        assertThat(Milestones.scaled(List.of(80, 120), 160, 1)).isEmpty();
        // 3 epochs: 1.5 and 2.25 both round to 2: one drop
        assertThat(Milestones.scaled(List.of(80, 120), 160, 3)).containsExactly(2);
    }

    @Test
    void theBuilderMovesDefaultMilestonesWithTheEpochsAndKeepsExplicitOnes() {
        assertThat(TrainConfig.builder().build().lrMilestones()).containsExactly(80, 120);
        assertThat(TrainConfig.builder().epochs(4).build().lrMilestones()).containsExactly(2, 3);
        assertThat(TrainConfig.builder()
                        .epochs(4)
                        .lrMilestones(List.of(1))
                        .build()
                        .lrMilestones())
                .containsExactly(1);
        assertThat(TrainConfig.builder()
                        .lrMilestones(List.of(3), 4)
                        .epochs(8)
                        .build()
                        .lrMilestones())
                .containsExactly(6);
        assertThat(TrainConfig.REFERENCE.epochs()).isEqualTo(160);
    }

    @Test
    void explicitMilestonesBeyondTheRunAreRefusedNamingTheField() {
        TrainConfig config =
                TrainConfig.builder().epochs(2).lrMilestones(List.of(80, 120)).build();
        assertThatThrownBy(config::validate)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("lrMilestones"))
                .hasMessageContaining("inside the 2-epoch run");
    }
}
