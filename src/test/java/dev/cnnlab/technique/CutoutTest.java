package dev.cnnlab.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.util.Seeds;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CutoutTest {

    private static final int SIDE = 32;

    @Test
    void zeroesExactlyTheClippedPatchAroundTheDrawnCentre() {
        Cutout cutout = new Cutout(8);
        int full = 0;
        int clipped = 0;
        for (int seed = 0; seed < 300; seed++) {
            float[] image = new float[SIDE * SIDE * 3];
            for (int i = 0; i < image.length; i++) {
                image[i] = 1f + i; // never zero
            }
            float[] before = image.clone();
            cutout.apply(image, Seeds.stream(seed, "cutout"));
            SplittableRandom replay = Seeds.stream(seed, "cutout");
            int cy = replay.nextInt(SIDE);
            int cx = replay.nextInt(SIDE);
            int y1 = Math.max(0, cy - 4);
            int y2 = Math.min(SIDE, cy + 4);
            int x1 = Math.max(0, cx - 4);
            int x2 = Math.min(SIDE, cx + 4);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    boolean inside = y >= y1 && y < y2 && x >= x1 && x < x2;
                    for (int c = 0; c < 3; c++) {
                        int i = (y * SIDE + x) * 3 + c;
                        assertThat(image[i]).isEqualTo(inside ? 0f : before[i]);
                    }
                }
            }
            if ((y2 - y1) * (x2 - x1) == 64) {
                full++;
            } else {
                clipped++;
            }
        }
        assertThat(full).isGreaterThan(100);
        assertThat(clipped).isGreaterThan(50);
    }

    @Test
    void patchSideIsTheOptionAndTheCentreCoversTheWholeImage() {
        Cutout cutout = new Cutout(5);
        boolean[] centreSeen = new boolean[SIDE * SIDE];
        for (int seed = 0; seed < 5000; seed++) {
            float[] image = new float[SIDE * SIDE * 3];
            Arrays.fill(image, 1f);
            cutout.apply(image, Seeds.stream(seed, "side"));
            int minY = SIDE;
            int maxY = -1;
            int minX = SIDE;
            int maxX = -1;
            int zeros = 0;
            for (int p = 0; p < SIDE * SIDE; p++) {
                if (image[p * 3] == 0f) {
                    zeros++;
                    minY = Math.min(minY, p / SIDE);
                    maxY = Math.max(maxY, p / SIDE);
                    minX = Math.min(minX, p % SIDE);
                    maxX = Math.max(maxX, p % SIDE);
                }
            }
            int h = maxY - minY + 1;
            int w = maxX - minX + 1;
            assertThat(zeros).isEqualTo(h * w); // a rectangle
            assertThat(h).isBetween(3, 5); // [c - 2, c + 3), clipped
            assertThat(w).isBetween(3, 5);
            SplittableRandom replay = Seeds.stream(seed, "side");
            centreSeen[replay.nextInt(SIDE) * SIDE + replay.nextInt(SIDE)] = true;
        }
        int covered = 0;
        for (boolean seen : centreSeen) {
            covered += seen ? 1 : 0;
        }
        assertThat(covered).isGreaterThan(950); // of 1024 centres, 5000 draws
    }

    @Test
    void catalogueDefaultIsTheCifar100PatchAndSizeMustBeAWholeNumber() {
        Technique cutout = TechniqueCatalog.create(TechniqueSpec.of("cutout"));
        assertThat(((Cutout) cutout).size()).isEqualTo(8);
        assertThat(cutout.normalizedImageTransform()).isPresent();
        assertThat(cutout.imageTransform()).isEmpty();
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("cutout", "size", 2.5)))
                .hasMessageContaining("size must be a whole number");
        assertThatThrownBy(() -> TechniqueCatalog.create(TechniqueSpec.of("cutout", "size", 0)))
                .hasMessageContaining("size must be a whole number");
        assertThatThrownBy(() -> new Cutout(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
