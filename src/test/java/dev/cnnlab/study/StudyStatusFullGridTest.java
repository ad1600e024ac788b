package dev.cnnlab.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} reads the study directory alone, so it must learn there whether the runs follow
 * the promotion or train the full grid ({@code --no-promote}): the target's cells then wait to be
 * trained instead of awaiting a decision nobody will take.
 */
class StudyStatusFullGridTest {

    private static final String SPEC = """
            name: promo
            models:
              - {name: target, depth: 11}
              - {name: proxy, depth: 11, epochs: 1, trainLimit: 256}
            techniques: {baseline: {}, se: {se: {}}}
            promote: {from: proxy, to: target, keep: 1}
            protocol: {epochs: 3, trainLimit: 3000, testLimit: 500}
            """;

    @Test
    void aFullGridStudysTargetCellsWaitInsteadOfAwaitingPromotion(@TempDir Path tmp) {
        StudySpec spec = StudySpecReader.parse(SPEC, "promo.yaml");
        StudyDirectory dir = new StudyDirectory(tmp).open(spec);
        Instant now = Instant.parse("2026-12-05T07:00:00Z");

        assertThat(StudyStatus.read(dir, now, "here").cells())
                .filteredOn(e -> e.model().equals("target"))
                .extracting(StudyStatus.Entry::state)
                .containsOnly(CellState.AWAITING_PROMOTION);

        dir.recordFullGrid(true);
        assertThat(StudyStatus.read(dir, now, "here").cells())
                .extracting(StudyStatus.Entry::state)
                .containsOnly(CellState.WAITING);

        dir.recordFullGrid(false);
        assertThat(StudyStatus.read(dir, now, "here").cells())
                .filteredOn(e -> e.model().equals("target"))
                .extracting(StudyStatus.Entry::state)
                .containsOnly(CellState.AWAITING_PROMOTION);
    }
}
