package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reader against figures known from the official files (see SOURCE.md of the data). */
class CifarReaderRealDataTest {

    private final CifarData data = Fixtures.realData();

    @Test
    void countsAndNames() {
        assertThat(data.train().size()).isEqualTo(50_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().pixels()).hasSize(50_000 * 3072);
        assertThat(data.fineNames()).hasSize(100);
        assertThat(data.coarseNames()).hasSize(20);
        assertThat(data.fineNames().get(19)).isEqualTo("cattle");
        assertThat(data.fineNames().get(49)).isEqualTo("mountain");
        assertThat(data.coarseNames().get(11)).isEqualTo("large_omnivores_and_herbivores");
        assertThat(data.source().toAbsolutePath().normalize())
                .isEqualTo(Fixtures.dataDir().toAbsolutePath().normalize());
    }

    @Test
    void firstRecordsMatchTheOfficialFiles() {
        Cifar100Split train = data.train();
        assertThat(train.fineLabel(0)).isEqualTo(19);
        assertThat(train.coarseLabel(0)).isEqualTo(11);
        byte[] px = train.pixels();
        assertThat(new int[] {px[0] & 0xFF, px[1] & 0xFF, px[2] & 0xFF}).containsExactly(255, 255, 255);
        assertThat(new int[] {px[3069] & 0xFF, px[3070] & 0xFF, px[3071] & 0xFF})
                .containsExactly(10, 59, 79);
        assertThat(data.test().fineLabel(0)).isEqualTo(49);
        assertThat(data.test().coarseLabel(0)).isEqualTo(10);
    }

    @Test
    void everyClassHasItsShare() {
        assertThat(DataVerifier.perClass(data.train())).containsOnly(500);
        assertThat(DataVerifier.perClass(data.test())).containsOnly(100);
        int[] coarseTrain = new int[20];
        int[] coarseTest = new int[20];
        for (int i = 0; i < data.train().size(); i++) {
            coarseTrain[data.train().coarseLabel(i)]++;
        }
        for (int i = 0; i < data.test().size(); i++) {
            coarseTest[data.test().coarseLabel(i)]++;
        }
        assertThat(coarseTrain).containsOnly(2500);
        assertThat(coarseTest).containsOnly(500);
    }

    @Test
    void limitKeepsTheFirstRecords() {
        Cifar100Split small = data.train().limit(3);
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.fineLabel(0)).isEqualTo(19);
        assertThat(small.pixels()).isEqualTo(Arrays.copyOf(data.train().pixels(), 3 * 3072));
        assertThat(data.train().limit(0)).isSameAs(data.train());
        assertThat(data.train().limit(-1)).isSameAs(data.train());
        assertThat(data.train().limit(50_000)).isSameAs(data.train());
    }
}
