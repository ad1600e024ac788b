package dev.cnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BatchLoaderTest {

    private static final ImageSplit SPLIT = Synthetic.images(1000, 3);
    private static final ChannelStats STATS = ChannelStats.of(SPLIT);

    /** What one batch held, copied out so the buffer can be released. */
    private record Snapshot(int index, int[] labels, int[] records, byte[] images) {}

    private static BatchLoader.Builder base() {
        return BatchLoader.builder().setSplit(SPLIT).setStats(STATS).setBatchSize(64);
    }

    private static List<Snapshot> drain(BatchLoader loader) {
        List<Snapshot> out = new ArrayList<>();
        try (loader) {
            while (loader.hasNext()) {
                Batch b = loader.next();
                ByteBuffer images = b.images();
                assertThat(images.isDirect()).isTrue();
                assertThat(images.order()).isEqualTo(ByteOrder.nativeOrder());
                assertThat(images.position()).isZero();
                assertThat(images.remaining()).isEqualTo(b.size() * 3072 * 4);
                byte[] copy = new byte[images.remaining()];
                images.get(0, copy);
                out.add(new Snapshot(
                        b.index(), b.labels().clone(), b.recordIndices().clone(), copy));
                b.release();
            }
        }
        return out;
    }

    private static void assertSame(List<Snapshot> a, List<Snapshot> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).index()).isEqualTo(b.get(i).index());
            assertThat(a.get(i).labels()).isEqualTo(b.get(i).labels());
            assertThat(a.get(i).records()).isEqualTo(b.get(i).records());
            assertThat(a.get(i).images())
                    .as("images of batch %d", i)
                    .isEqualTo(b.get(i).images());
        }
    }

    private static int[] order(List<Snapshot> batches) {
        return batches.stream().flatMapToInt(s -> Arrays.stream(s.records())).toArray();
    }

    @Test
    void batchCounts() {
        assertThat(BatchLoader.numBatches(1000, 64, false)).isEqualTo(16);
        assertThat(BatchLoader.numBatches(1000, 64, true)).isEqualTo(15);
        assertThat(BatchLoader.numBatches(1024, 64, false)).isEqualTo(16);
        assertThat(BatchLoader.numBatches(0, 64, false)).isZero();
        List<Snapshot> kept = drain(base().build());
        assertThat(kept).hasSize(16);
        assertThat(kept.get(15).labels()).hasSize(1000 - 15 * 64);
        List<Snapshot> dropped = drain(base().optDropLast(true).build());
        assertThat(dropped).hasSize(15).allSatisfy(s -> assertThat(s.labels()).hasSize(64));
    }

    @Test
    void plainLoaderServesTheSplitInOrderUnaugmented() {
        List<Snapshot> batches = drain(base().optWorkers(2).build());
        assertThat(order(batches))
                .isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
        for (Snapshot s : batches) {
            for (int k = 0; k < s.records().length; k++) {
                assertThat(s.labels()[k]).isEqualTo(SPLIT.label(s.records()[k]));
            }
        }
        float[] expected = new float[3072];
        Augmentation.writeNormalizedNhwc(SPLIT.pixels(), 32, 70, STATS, false, 4, 4, 4, expected, 0);
        float[] got = new float[3072];
        ByteBuffer.wrap(batches.get(1).images())
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer()
                .get(6 * 3072, got);
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void sameSeedSameBatchesForAnyWorkerCount() {
        List<Snapshot> reference = drain(base().optShuffle(true)
                .optAugment(true)
                .optSeed(42)
                .optEpoch(3)
                .optWorkers(1)
                .build());
        for (int workers : new int[] {0, 1, 3}) {
            for (int prefetch : new int[] {1, 5}) {
                assertSame(
                        drain(base().optShuffle(true)
                                .optAugment(true)
                                .optSeed(42)
                                .optEpoch(3)
                                .optWorkers(workers)
                                .optPrefetch(prefetch)
                                .build()),
                        reference);
            }
        }
    }

    @Test
    void epochAndSeedChangeTheOrderAndTheAugmentation() {
        List<Snapshot> e0 = drain(
                base().optShuffle(true).optAugment(true).optSeed(1).optEpoch(0).build());
        List<Snapshot> e1 = drain(
                base().optShuffle(true).optAugment(true).optSeed(1).optEpoch(1).build());
        List<Snapshot> s2 = drain(
                base().optShuffle(true).optAugment(true).optSeed(2).optEpoch(0).build());
        assertThat(order(e1)).isNotEqualTo(order(e0));
        assertThat(order(s2)).isNotEqualTo(order(e0));
        // augmentation alone: same (unshuffled) order, different crops and flips
        List<Snapshot> a0 = drain(base().optAugment(true).optEpoch(0).build());
        List<Snapshot> a1 = drain(base().optAugment(true).optEpoch(1).build());
        List<Snapshot> plain = drain(base().build());
        assertThat(order(a0)).isEqualTo(order(a1)).isEqualTo(order(plain));
        assertThat(a0.get(0).images())
                .isNotEqualTo(a1.get(0).images())
                .isNotEqualTo(plain.get(0).images());
    }

    @Test
    void shuffledEpochVisitsEveryRecordExactlyOnce() {
        int[] seen = order(drain(base().optShuffle(true).optSeed(9).optEpoch(4).build()));
        assertThat(seen)
                .hasSize(1000)
                .isNotEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
        int[] sorted = seen.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(java.util.stream.IntStream.range(0, 1000).toArray());
    }

    @Test
    void permutationIsDeterministicAndNotRestrictedToCycles() {
        assertThat(BatchLoader.permutation(1000, 5, 2)).isEqualTo(BatchLoader.permutation(1000, 5, 2));
        // a uniform shuffle leaves about one element in place; a biased one (Sattolo) never does
        int fixedPoints = 0;
        for (int seed = 0; seed < 20; seed++) {
            int[] p = BatchLoader.permutation(1000, seed, 0);
            for (int i = 0; i < p.length; i++) {
                fixedPoints += p[i] == i ? 1 : 0;
            }
        }
        assertThat(fixedPoints).isBetween(5, 60);
    }

    @Test
    void buffersArePooled() {
        Set<ByteBuffer> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        int prefetch = 3;
        try (BatchLoader loader = base().setBatchSize(8)
                .optWorkers(3)
                .optPrefetch(prefetch)
                .optShuffle(true)
                .optAugment(true)
                .build()) {
            int n = 0;
            while (loader.hasNext()) {
                Batch b = loader.next();
                distinct.add(b.images());
                b.release();
                b.release(); // twice is harmless
                n++;
            }
            assertThat(n).isEqualTo(125);
            assertThat(loader.buffersCreated()).isLessThanOrEqualTo(prefetch + 1);
        }
        assertThat(distinct).hasSizeLessThanOrEqualTo(prefetch + 1);
    }

    @Test
    void aConsumerMayHoldSeveralBatchesWhileFewerThanTheBuffers() {
        for (int round = 0; round < 20; round++) {
            try (BatchLoader loader =
                    base().setBatchSize(8).optPrefetch(2).optWorkers(3).build()) {
                java.util.ArrayDeque<Batch> held = new java.util.ArrayDeque<>();
                int expected = 0;
                while (loader.hasNext()) {
                    // enters next() holding 2 unreleased batches: only 1 of the 3 buffers is free,
                    // and it must go to the batch asked for, not to a later one
                    Batch b = loader.next();
                    assertThat(b.index()).isEqualTo(expected++);
                    held.add(b);
                    if (held.size() == 3) {
                        held.poll().release();
                    }
                }
                assertThat(expected).isEqualTo(125);
            }
        }
    }

    @Test
    void aConsumerHoldingEveryBufferGetsAnErrorNotAHang() {
        try (BatchLoader loader = base().optPrefetch(1).optWorkers(2).build()) {
            loader.next();
            loader.next(); // prefetch + 1 = 2 buffers now held, none released
            assertThatThrownBy(loader::next)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Batch.release()");
        }
    }

    @Test
    void workerExceptionsSurfaceOnNext() {
        try (BatchLoader loader = base().optWorkers(2)
                .beforeBatch(b -> {
                    if (b == 2) {
                        throw new IllegalArgumentException("boom");
                    }
                })
                .build()) {
            assertThatThrownBy(() -> {
                        while (loader.hasNext()) {
                            loader.next().release();
                        }
                    })
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("batch 2")
                    .hasMessageContaining("boom")
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
        try (BatchLoader loader = base().optWorkers(1)
                .beforeBatch(b -> {
                    throw new CnnlabException("disk full");
                })
                .build()) {
            assertThatThrownBy(loader::next).isInstanceOf(CnnlabException.class).hasMessage("disk full");
        }
    }

    @Test
    void closeStopsWorkersPromptly() throws Exception {
        BatchLoader loader = base().setBatchSize(4).optWorkers(3).optPrefetch(2).build();
        Batch first = loader.next();
        Thread.sleep(50); // workers fill the window, then block
        assertThat(loader.workersAlive()).isTrue();
        long start = System.nanoTime();
        loader.close();
        assertThat(loader.workersAlive()).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(loader.hasNext()).isFalse();
        assertThatThrownBy(loader::next).isInstanceOf(IllegalStateException.class);
        first.release(); // still allowed after close
        loader.close();
    }

    @Test
    void endOfEpochAndWaitTime() {
        try (BatchLoader loader =
                base().setBatchSize(500).beforeBatch(b -> sleep(20)).build()) {
            assertThat(loader.numBatches()).isEqualTo(2);
            loader.next().release();
            loader.next().release();
            assertThat(loader.hasNext()).isFalse();
            assertThatThrownBy(loader::next).isInstanceOf(NoSuchElementException.class);
            assertThat(loader.waitNanos()).isGreaterThan(1_000_000L); // the consumer waited for batch 0 at least
        }
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> base().setBatchSize(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().optPrefetch(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base().optWorkers(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        BatchLoader.builder().setBatchSize(1).setStats(STATS).build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void realTestSplitFirstBatch() {
        ImageSplit test = Fixtures.realDataset().test();
        ChannelStats stats = ChannelStats.of(Fixtures.realDataset().train());
        try (BatchLoader loader = BatchLoader.builder()
                .setSplit(test)
                .setStats(stats)
                .setBatchSize(128)
                .build()) {
            assertThat(loader.numBatches()).isEqualTo(79);
            Batch b = loader.next();
            assertThat(b.labels()[0]).isEqualTo(49);
            // first pixel of test image 0, channel R, normalised with the training statistics
            float r0 = b.images().getFloat(0);
            assertThat(r0).isEqualTo((float) (((test.pixels()[0] & 0xFF) / 255.0 - stats.mean()[0]) / stats.std()[0]));
            b.release();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
