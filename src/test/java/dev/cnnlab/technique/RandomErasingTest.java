package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomErasingTest {

    private static final int SIDE = 32;
    private static final float UNTOUCHED = 1000f; // outside every fill range

    /** The erased rectangle of an image that was all {@link #UNTOUCHED}: {y1, y2, x1, x2}, or null. */
    private static int[] erased(float[] image) {
        int y1 = SIDE;
        int y2 = -1;
        int x1 = SIDE;
        int x2 = -1;
        int count = 0;
        for (int p = 0; p < SIDE * SIDE; p++) {
            boolean changed = image[p * 3] != UNTOUCHED;
            if ((image[p * 3 + 1] != UNTOUCHED) != changed || (image[p * 3 + 2] != UNTOUCHED) != changed) {
                throw new AssertionError("pixel " + p + " is erased in some channels only");
            }
            if (changed) {
                count++;
                y1 = Math.min(y1, p / SIDE);
                y2 = Math.max(y2, p / SIDE + 1);
                x1 = Math.min(x1, p % SIDE);
                x2 = Math.max(x2, p % SIDE + 1);
            }
        }
        if (count == 0) {
            return null;
        }
        assertThat(count).as("erased pixels form a rectangle").isEqualTo((y2 - y1) * (x2 - x1));
        return new int[] {y1, y2, x1, x2};
    }

    private static float[] blank() {
        float[] image = new float[SIDE * SIDE * 3];
        Arrays.fill(image, UNTOUCHED);
        return image;
    }

    @Test
    void erasesARectangleOfTheRightAreaAndAspectWithRandomValuesInRange() {
        double sl = 0.02;
        double sh = 0.4;
        double r1 = 0.3;
        RandomErasing erasing = new RandomErasing(1.0, sl, sh, r1);
        double area = SIDE * SIDE;
        double smallest = 1;
        double largest = 0;
        for (int seed = 0; seed < 500; seed++) {
            float[] image = blank();
            erasing.apply(image, Seeds.stream(seed, "erase"));
            int[] box = erased(image);
            assertThat(box).as("p = 1 always erases (seed %d)", seed).isNotNull();
            int h = box[1] - box[0];
            int w = box[3] - box[2];
            assertThat(h).isBetween(1, SIDE - 1);
            assertThat(w).isBetween(1, SIDE - 1);
            // h = round(sqrt(A r)), w = round(sqrt(A / r)) for some A in [sl, sh] * area and r in [r1, 1/r1]:
            // then A lies in [(h - .5)(w - .5), (h + .5)(w + .5)] and r in [(h - .5)/(w + .5), (h + .5)/(w - .5)].
            assertThat((h + 0.5) * (w + 0.5)).isGreaterThanOrEqualTo(sl * area);
            assertThat((h - 0.5) * (w - 0.5)).isLessThanOrEqualTo(sh * area);
            assertThat((h + 0.5) / (w - 0.5)).isGreaterThanOrEqualTo(r1);
            assertThat((h - 0.5) / (w + 0.5)).isLessThanOrEqualTo(1 / r1);
            double fraction = h * w / area;
            smallest = Math.min(smallest, fraction);
            largest = Math.max(largest, fraction);
            for (int y = box[0]; y < box[1]; y++) {
                for (int x = box[2]; x < box[3]; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(image[(y * SIDE + x) * 3 + c])
                                .isBetween(RandomErasing.FILL_LOW[c], RandomErasing.FILL_HIGH[c]);
                    }
                }
            }
        }
        assertThat(smallest).isLessThan(0.05);
        assertThat(largest).isGreaterThan(0.3);
    }

    @Test
    void fillRangeIsRawZeroTo255UnderCifar100Normalisation() {
        assertThat(RandomErasing.FILL_LOW[0])
                .isCloseTo(-0.5071f / 0.2673f, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(RandomErasing.FILL_HIGH[2])
                .isCloseTo((1 - 0.4409f) / 0.2762f, org.assertj.core.api.Assertions.within(1e-5f));
        float[] image = blank();
        new RandomErasing(1.0, 0.4, 0.4, 1.0).apply(image, Seeds.stream(5, "fill"));
        int[] box = erased(image);
        // The fill is random per pixel and channel, not one constant.
        float first = image[(box[0] * SIDE + box[2]) * 3];
        float second = image[(box[0] * SIDE + box[2] + 1) * 3];
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void probabilityZeroNeverErasesAndOneHalfErasesAboutHalf() {
        RandomErasing never = new RandomErasing(0.0, 0.02, 0.4, 0.3);
        RandomErasing half = new RandomErasing(0.5, 0.02, 0.4, 0.3);
        int erasedHalf = 0;
        int n = 2000;
        for (int seed = 0; seed < n; seed++) {
            float[] image = blank();
            never.apply(image, Seeds.stream(seed, "p"));
            assertThat(erased(image)).isNull();
            float[] other = blank();
            half.apply(other, Seeds.stream(seed, "p"));
            if (erased(other) != null) {
                erasedHalf++;
            }
        }
        assertThat(erasedHalf / (double) n).isBetween(0.45, 0.55);
    }

    @Test
    void anImageNoRectangleFitsIsLeftAlone() {
        // Every attempt asks for the whole image (h = w = 32), which must be smaller than the image.
        float[] image = blank();
        new RandomErasing(1.0, 1.0, 1.0, 1.0).apply(image, Seeds.stream(1, "none"));
        assertThat(erased(image)).isNull();
    }

    @Test
    void catalogueDefaultsAndValidation() {
        Technique erasing = TechniqueCatalog.create(TechniqueSpec.of("random-erasing"));
        assertThat(erasing).isInstanceOf(RandomErasing.class);
        assertThat(erasing.normalizedImageTransform()).isPresent();
        assertThat(TechniqueCatalog.entries().stream()
                        .filter(e -> e.name().equals("random-erasing"))
                        .findFirst()
                        .orElseThrow()
                        .defaults())
                .containsEntry("p", 0.5)
                .containsEntry("sl", 0.02)
                .containsEntry("sh", 0.4)
                .containsEntry("r1", 0.3);
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("random-erasing", "p", 1.5)))
                .hasMessageContaining("p must be in [0.0, 1.0]");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("random-erasing", "sh", 0.01)))
                .hasMessageContaining("sh must be in [sl, 1]");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("random-erasing", "r1", 0)))
                .hasMessageContaining("r1 must be in (0, 1]");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("random-erasing", "sl", 0)))
                .hasMessageContaining("sl must be in (0, 1]");
    }
}
