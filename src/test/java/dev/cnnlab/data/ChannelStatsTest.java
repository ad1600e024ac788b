package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cnnlab.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChannelStatsTest {

    @Test
    void realTrainingSetGivesTheWellKnownConstants() {
        ChannelStats s = ChannelStats.of(Fixtures.realDataset().train());
        assertThat(round4(s.mean())).containsExactly(0.5071, 0.4865, 0.4409);
        assertThat(round4(s.std())).containsExactly(0.2673, 0.2564, 0.2762);
    }

    @Test
    void populationStatisticsOfAHandMadeSplit() {
        // two images: R is 0 then 255; G is 51 then 102; B is half 0, half 255 in each image
        byte[] px = new byte[2 * 3072];
        for (int i = 0; i < 2; i++) {
            int base = i * 3072;
            Arrays.fill(px, base, base + 1024, (byte) (i == 0 ? 0 : 255));
            Arrays.fill(px, base + 1024, base + 2048, (byte) (i == 0 ? 51 : 102));
            Arrays.fill(px, base + 2048, base + 2560, (byte) 0);
            Arrays.fill(px, base + 2560, base + 3072, (byte) 255);
        }
        ChannelStats s = ChannelStats.of(new ImageSplit(px, new int[2], 32));
        assertThat(s.mean()).containsExactly(new double[] {0.5, 0.3, 0.5}, within(1e-12));
        // population std (divide by N): sample std would give larger values
        assertThat(s.std()).containsExactly(new double[] {0.5, 0.1, 0.5}, within(1e-12));
    }

    @Test
    void recordKeepsItsOwnCopies() {
        double[] mean = {0.1, 0.2, 0.3};
        ChannelStats s = new ChannelStats(mean, new double[] {1, 1, 1});
        mean[0] = 9;
        assertThat(s.mean()[0]).isEqualTo(0.1);
        assertThat(s).isEqualTo(new ChannelStats(new double[] {0.1, 0.2, 0.3}, new double[] {1, 1, 1}));
    }

    @Test
    void rejectsBadShapesAndZeroStd() {
        assertThatThrownBy(() -> new ChannelStats(new double[2], new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChannelStats(new double[3], new double[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] round4(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray();
    }
}
