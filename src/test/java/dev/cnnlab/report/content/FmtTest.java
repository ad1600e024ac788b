package dev.cnnlab.report.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.report.analysis.GainEstimate.SeedsNeeded;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How the report words its numbers. */
class FmtTest {

    @Test
    void seedsNeededIsARangeOrAnOpenBound() {
        // the two cases of StatsTest.seedsNeededIsARangeOverTheInterval: 5 to 34 seeds, and at least 10
        assertThat(Fmt.seedsNeeded(new SeedsNeeded(5, OptionalInt.of(34), 1000)))
                .isEqualTo("5–34");
        assertThat(Fmt.seedsNeeded(new SeedsNeeded(10, OptionalInt.empty(), 1000)))
                .isEqualTo("≥ 10");
    }
}
