package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnlab.Fixtures;
import org.junit.jupiter.api.Test;

/** Stratified subsets and resampling of a split. */
class ImageSplitTest {

    @Test
    void aSubsetKeepsEveryClassInProportionAndInFileOrder() {
        ImageSplit train = Fixtures.realDataset().train(); // 500 images of each of 100 classes
        ImageSplit subset = train.limit(1250, 100);
        assertThat(subset.size()).isEqualTo(1250);
        int[] counts = subset.perClass(100);
        // 12.5 per class: 12 each, and the 50 left over to 50 classes (equal remainders: lower classes first)
        for (int c = 0; c < 100; c++) {
            assertThat(counts[c]).as("class " + c).isEqualTo(c < 50 ? 13 : 12);
        }
        // each class's first images, in file order: the subset's first image is the split's first
        assertThat(subset.label(0)).isEqualTo(train.label(0));
        byte[] first = java.util.Arrays.copyOf(subset.pixels(), subset.imageBytes());
        assertThat(first).isEqualTo(java.util.Arrays.copyOf(train.pixels(), train.imageBytes()));
        assertThat(train.limit(0, 100)).isSameAs(train);
        assertThat(train.limit(train.size(), 100)).isSameAs(train);
    }

    @Test
    void anUnbalancedSplitKeepsItsShares() {
        // 6 images of class 0, 3 of class 1, 1 of class 2: half keeps 3, 1.5 -> 2 (largest remainder), 0.5 -> 0
        int[] labels = {0, 1, 0, 0, 2, 1, 0, 1, 0, 0};
        ImageSplit split = new ImageSplit(new byte[10 * 3 * 4], labels, 2);
        assertThat(split.limit(5, 3).perClass(3)).containsExactly(3, 2, 0);
        // a class never vanishes while its share is at least one image
        assertThat(split.limit(8, 3).perClass(3)).containsExactly(5, 2, 1);
    }

    @Test
    void halvingTheSideAveragesEach2x2Block() {
        byte[] image = new byte[3 * 4 * 4];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 5);
        }
        ImageSplit split = new ImageSplit(image, new int[] {0}, 4);
        ImageSplit half = split.resized(2);
        assertThat(half.side()).isEqualTo(2);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    int base = c * 16 + 2 * y * 4 + 2 * x;
                    int sum = (image[base] & 0xFF)
                            + (image[base + 1] & 0xFF)
                            + (image[base + 4] & 0xFF)
                            + (image[base + 5] & 0xFF);
                    assertThat(half.pixels()[c * 4 + y * 2 + x] & 0xFF)
                            .as("channel %d (%d, %d)", c, x, y)
                            .isEqualTo(Math.round(sum / 4f));
                }
            }
        }
        assertThat(split.resized(4)).isSameAs(split);
    }

    @Test
    void aDataSetAtALowerResolutionIsMadeOnceAndKeepsItsRef() {
        Dataset data = Fixtures.realDataset();
        Dataset small = data.atResolution(16);
        assertThat(small.side()).isEqualTo(16);
        assertThat(small.train().size()).isEqualTo(data.train().size());
        assertThat(small.ref()).isEqualTo(data.ref());
        assertThat(data.atResolution(16)).isSameAs(small);
        assertThat(data.atResolution(0)).isSameAs(data);
        assertThat(data.atResolution(32)).isSameAs(data);
    }
}
