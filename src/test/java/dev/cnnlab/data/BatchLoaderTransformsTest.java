package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLoaderTransformsTest {

    private static final ImageSplit SPLIT = Synthetic.images(40, 3);
    private static final ChannelStats STATS = ChannelStats.of(SPLIT);

    private static float[][] epoch(List<ImageTransform> raw, List<NormalizedImageTransform> normalized) {
        try (BatchLoader loader = BatchLoader.builder()
                .setSplit(SPLIT)
                .setStats(STATS)
                .setBatchSize(16)
                .optShuffle(true)
                .optAugment(true)
                .optSeed(5)
                .optEpoch(1)
                .optWorkers(2)
                .optTransforms(raw, normalized)
                .build()) {
            float[][] batches = new float[loader.numBatches()][];
            while (loader.hasNext()) {
                Batch batch = loader.next();
                FloatBuffer floats = batch.images().asFloatBuffer();
                float[] copy = new float[floats.remaining()];
                floats.get(copy);
                batches[batch.index()] = copy;
                batch.release();
            }
            return batches;
        }
    }

    @Test
    void identityTransformsGiveExactlyThePlainAugmentation() {
        float[][] plain = epoch(List.of(), List.of());
        float[][] viaRawPath = epoch(List.of((image, random) -> {}), List.of((image, random) -> {}));
        assertThat(viaRawPath).isDeepEqualTo(plain);
    }

    @Test
    void rawTransformsActBeforeNormalisationAndNormalisedOnesAfter() {
        float[][] plain = epoch(List.of(), List.of());
        ImageTransform invert = (image, random) -> {
            for (int i = 0; i < image.length; i++) {
                image[i] = (byte) (255 - (image[i] & 0xFF));
            }
        };
        NormalizedImageTransform zeroFirstPixel = (image, random) -> {
            image[0] = 0f;
            image[1] = 0f;
            image[2] = 0f;
        };
        float[][] transformed = epoch(List.of(invert), List.of(zeroFirstPixel));
        for (int b = 0; b < plain.length; b++) {
            for (int i = 0; i < plain[b].length; i++) {
                int c = i % 3;
                boolean firstPixel = i % SPLIT.imageBytes() < 3;
                // normalised v -> raw p = (v * std + mean) * 255; inverted raw 255 - p renormalised
                double raw = (plain[b][i] * STATS.std()[c] + STATS.mean()[c]) * 255;
                double expected = firstPixel ? 0 : ((255 - raw) / 255 - STATS.mean()[c]) / STATS.std()[c];
                assertThat((double) transformed[b][i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }
}
