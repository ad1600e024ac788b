package dev.cnnlab.data;

import dev.cnnlab.CnnlabException;
import dev.cnnlab.util.Seeds;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Produces one epoch of mini-batches from a {@link ImageSplit} on background threads.
 *
 * <p><b>Determinism.</b> Everything random depends only on (seed, epoch, batch index): the
 * permutation comes from {@code Seeds.stream(seed, "shuffle", epoch)}, the augmentation of batch
 * {@code b} from {@code Seeds.stream(seed, "augment", epoch, b)}, drawing per image in batch order
 * {@code offsetY, offsetX} (each {@code 0..8}) then {@code flip} (p = 0.5) — torchvision's
 * RandomCrop(side, padding=side/8: 4 at 32) then RandomHorizontalFlip. So batches are bit-identical for any number
 * of workers, and they always come out in index order.
 *
 * <p><b>Memory.</b> At most {@code prefetch} batches are being built or wait ready at any time,
 * and images live in a pool of {@code prefetch + 1} direct buffers (the extra one is the batch the
 * consumer holds). A batch's buffer is reused only after {@link Batch#release()}. Buffers go
 * to batches strictly in index order, so a consumer may keep several batches unreleased and still
 * make progress as long as it holds fewer than {@code prefetch + 1}; holding all of them makes
 * {@link #next()} fail instead of hanging.
 *
 * <p><b>Use.</b> One thread consumes: {@code while (loader.hasNext()) { Batch b = loader.next();
 * ...; b.release(); }}, then {@link #close()} (also when stopping early). A worker's exception is
 * rethrown by the next {@link #next()}.
 */
public final class BatchLoader implements AutoCloseable, Iterator<Batch> {

    private final ImageSplit split;
    private final float[] table;
    private final int batchSize;
    private final boolean augment;
    private final long seed;
    private final int epoch;
    private final int[] order;
    private final int numBatches;
    private final int prefetch;
    private final BufferPool pool;
    private final IntConsumer beforeBatch;
    private final List<ImageTransform> imageTransforms;
    private final List<NormalizedImageTransform> normalizedTransforms;

    /** Bounds claimed-but-not-consumed batches to {@code prefetch}. */
    private final Semaphore window;
    /** Guards {@link #nextToClaim}; interruptible, so close() can stop a worker waiting for it. */
    private final ReentrantLock claimLock = new ReentrantLock();

    private int nextToClaim;
    /** Batches handed to the consumer and not yet released: detects a consumer starving the pool. */
    private final AtomicInteger unreleased = new AtomicInteger();

    private final Object lock = new Object();
    private final Batch[] ready;
    private final List<Thread> threads = new ArrayList<>();

    private Throwable failure;
    private int failedBatch = -1;
    private volatile boolean closed;
    private int consumed;
    private volatile long waitNanos;

    private BatchLoader(Builder b) {
        this.split = b.split;
        this.table = Augmentation.lookupTable(b.stats);
        this.batchSize = b.batchSize;
        this.augment = b.augment;
        this.seed = b.seed;
        this.epoch = b.epoch;
        this.numBatches = numBatches(split.size(), batchSize, b.dropLast);
        this.order = b.shuffle ? permutation(split.size(), b.seed, b.epoch) : null;
        this.prefetch = b.prefetch;
        this.beforeBatch = b.beforeBatch;
        this.imageTransforms = List.copyOf(b.imageTransforms);
        this.normalizedTransforms = List.copyOf(b.normalizedTransforms);
        this.pool = new BufferPool(batchSize * split.imageBytes() * Float.BYTES, prefetch + 1);
        this.window = new Semaphore(prefetch);
        this.ready = new Batch[numBatches];
        if (b.startBatch < 0 || b.startBatch > numBatches) {
            throw new IllegalArgumentException("start batch " + b.startBatch + " outside 0.." + numBatches);
        }
        // resuming mid-epoch: batches before startBatch are never built, later ones are unchanged
        this.nextToClaim = b.startBatch;
        this.consumed = b.startBatch;
        int workers = Math.max(0, Math.min(b.workers, numBatches - b.startBatch));
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "cnnlab-loader-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** A builder with the defaults: no shuffle, no augmentation, 2 workers, prefetch 4. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Batches in an epoch of {@code n} images: {@code n / batchSize} when dropping the last
     * partial batch, else rounded up.
     */
    public static int numBatches(int n, int batchSize, boolean dropLast) {
        if (n < 0 || batchSize <= 0) {
            throw new IllegalArgumentException("need n >= 0 and batchSize > 0, got " + n + " and " + batchSize);
        }
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Batches this loader produces. */
    public int numBatches() {
        return numBatches;
    }

    /** Total time the consumer spent blocked in {@link #next()} waiting for a batch. */
    public long waitNanos() {
        return waitNanos;
    }

    /** The shuffle order of an epoch: Fisher-Yates driven by {@code Seeds.stream(seed, "shuffle", epoch)}. */
    static int[] permutation(int n, long seed, int epoch) {
        return Seeds.permutation(n, Seeds.stream(seed, "shuffle", epoch));
    }

    @Override
    public boolean hasNext() {
        return !closed && consumed < numBatches;
    }

    /**
     * The next batch in index order, waiting for it if needed.
     *
     * @throws NoSuchElementException after the last batch
     * @throws IllegalStateException  if the loader is closed, a worker failed, or the consumer holds
     *                                every buffer without releasing any (it would wait forever)
     */
    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("batch loader is closed");
        }
        if (consumed >= numBatches) {
            throw new NoSuchElementException("all " + numBatches + " batches of this epoch were returned");
        }
        int b = consumed;
        long start = System.nanoTime();
        Batch batch = threads.isEmpty() ? produceInline(b) : await(b);
        waitNanos += System.nanoTime() - start;
        consumed++;
        unreleased.incrementAndGet();
        window.release();
        return batch;
    }

    private Batch await(int b) {
        synchronized (lock) {
            while (true) {
                if (failure != null) {
                    throw workerFailure();
                }
                if (closed) {
                    throw new IllegalStateException("batch loader was closed while waiting for batch " + b);
                }
                Batch batch = ready[b];
                if (batch != null) {
                    ready[b] = null;
                    return batch;
                }
                checkNotStarved();
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for batch " + b, e);
                }
            }
        }
    }

    /** With no worker threads the consumer builds each batch itself (for debugging and tiny runs). */
    private Batch produceInline(int b) {
        checkNotStarved();
        try {
            return produce(b, pool.acquire());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building batch " + b, e);
        }
    }

    private void checkNotStarved() {
        if (unreleased.get() >= pool.capacity()) {
            throw new IllegalStateException("all " + pool.capacity() + " loader buffers are held by batches that"
                    + " were not released: call Batch.release() after using each batch, or raise prefetch");
        }
    }

    private RuntimeException workerFailure() {
        if (failure instanceof CnnlabException ce) {
            return new CnnlabException(ce.getMessage(), ce);
        }
        return new IllegalStateException(
                "batch loader worker failed on batch " + failedBatch + ": " + failure, failure);
    }

    /** A worker: claim the next batch index within the window, build it, publish it. */
    private void work() {
        int b = -1;
        try {
            while (!closed) {
                ByteBuffer buf;
                // Claiming an index and taking its buffer is one step, in index order: a later
                // batch can never hold the buffer the consumer's next batch is waiting for.
                claimLock.lockInterruptibly();
                try {
                    window.acquire();
                    b = nextToClaim++;
                    if (b >= numBatches) {
                        window.release();
                        return;
                    }
                    buf = pool.acquire();
                } finally {
                    claimLock.unlock();
                }
                Batch batch;
                try {
                    batch = produce(b, buf);
                } catch (RuntimeException | Error e) {
                    pool.release(buf);
                    throw e;
                }
                synchronized (lock) {
                    if (closed) {
                        pool.release(buf);
                        return;
                    }
                    ready[b] = batch;
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts idle workers; nothing to clean up
        } catch (Throwable t) {
            synchronized (lock) {
                if (failure == null) {
                    failure = t;
                    failedBatch = b;
                }
                lock.notifyAll();
            }
        }
    }

    /** Fills {@code buf} with batch {@code b}; the only code that touches pixels. */
    private Batch produce(int b, ByteBuffer buf) {
        beforeBatch.accept(b);
        int first = b * batchSize;
        int size = Math.min(batchSize, split.size() - first);
        int[] labels = new int[size];
        int[] records = new int[size];
        FloatBuffer floats = buf.asFloatBuffer();
        SplittableRandom rng = augment ? Seeds.stream(seed, "augment", epoch, b) : null;
        int side = split.side();
        int imageBytes = split.imageBytes();
        int pad = Augmentation.pad(side);
        int span = 2 * pad + 1;
        byte[] pixels = split.pixels();
        // extra transforms draw from their own stream, so crops and flips stay what they are without them
        TransformedImage transforms = imageTransforms.isEmpty() && normalizedTransforms.isEmpty()
                ? null
                : new TransformedImage(Seeds.stream(seed, "transform", epoch, b));
        for (int k = 0; k < size; k++) {
            int rec = order == null ? first + k : order[first + k];
            int offsetY = pad;
            int offsetX = pad;
            boolean flip = false;
            if (rng != null) {
                offsetY = rng.nextInt(span);
                offsetX = rng.nextInt(span);
                flip = rng.nextBoolean();
            }
            if (transforms == null) {
                Augmentation.write(pixels, side, rec, table, flip, offsetX, offsetY, pad, floats, k * imageBytes);
            } else {
                transforms.write(pixels, rec, flip, offsetX, offsetY, pad, floats, k * imageBytes);
            }
            labels[k] = split.label(rec);
            records[k] = rec;
        }
        buf.position(0).limit(size * imageBytes * Float.BYTES);
        return new Batch(b, size, side, buf, labels, records, this::recycle);
    }

    /** One image through crop/flip, the raw-pixel transforms, normalisation and the normalised transforms. */
    private final class TransformedImage {
        private final SplittableRandom random;
        private final byte[] raw = new byte[split.imageBytes()];
        private final float[] normalized = new float[split.imageBytes()];

        TransformedImage(SplittableRandom random) {
            this.random = random;
        }

        void write(
                byte[] pixels,
                int rec,
                boolean flip,
                int offsetX,
                int offsetY,
                int pad,
                FloatBuffer dst,
                int dstOffset) {
            int side = split.side();
            Augmentation.cropFlipRaw(pixels, side, rec, flip, offsetX, offsetY, pad, raw);
            for (ImageTransform t : imageTransforms) {
                t.apply(raw, random);
            }
            Augmentation.write(raw, side, 0, table, false, 0, 0, 0, normalized, 0);
            for (NormalizedImageTransform t : normalizedTransforms) {
                t.apply(normalized, random);
            }
            dst.put(dstOffset, normalized, 0, normalized.length);
        }
    }

    private void recycle(ByteBuffer buf) {
        pool.release(buf);
        unreleased.decrementAndGet();
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Whether any worker thread is still running. */
    boolean workersAlive() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /** Buffers allocated so far (at most {@code prefetch + 1}). */
    int buffersCreated() {
        return pool.created();
    }

    /**
     * Stops the workers (interrupting them; they are daemon threads) and waits briefly for them to
     * end. Batches already handed out stay valid until released. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        synchronized (lock) {
            lock.notifyAll();
        }
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Configures a {@link BatchLoader}; {@code set*} are required, {@code opt*} have defaults. */
    public static final class Builder {
        private ImageSplit split;
        private ChannelStats stats;
        private int batchSize;
        private boolean shuffle;
        private boolean augment;
        private long seed;
        private int epoch;
        private boolean dropLast;
        private int workers = 2;
        private int prefetch = 4;
        private int startBatch;
        private IntConsumer beforeBatch = b -> {};
        private List<ImageTransform> imageTransforms = List.of();
        private List<NormalizedImageTransform> normalizedTransforms = List.of();

        private Builder() {}

        /** The images to serve (required). */
        public Builder setSplit(ImageSplit split) {
            this.split = split;
            return this;
        }

        /** Normalisation constants, normally {@code ChannelStats.of(train)} (required). */
        public Builder setStats(ChannelStats stats) {
            this.stats = stats;
            return this;
        }

        /** Images per batch, {@code > 0} (required). */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Visit images in a seeded random order (default false: file order). */
        public Builder optShuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Random crop with side/8 padding (4 at 32) and horizontal flip (default false). */
        public Builder optAugment(boolean augment) {
            this.augment = augment;
            return this;
        }

        /** Run seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Epoch number, a coordinate of every random stream (default 0). */
        public Builder optEpoch(int epoch) {
            this.epoch = epoch;
            return this;
        }

        /** Drop a last batch smaller than the batch size (default false). */
        public Builder optDropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * Per-image transforms of the raw pixels after crop and flip, and of the normalised image,
         * in order (default none). They must be thread-safe: workers share them.
         */
        public Builder optTransforms(List<ImageTransform> raw, List<NormalizedImageTransform> normalized) {
            this.imageTransforms = List.copyOf(raw);
            this.normalizedTransforms = List.copyOf(normalized);
            return this;
        }

        /** Background threads (default 2); 0 builds each batch on the consumer's thread. */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Start the epoch at batch {@code startBatch} (default 0), to resume an interrupted epoch:
         * every batch is the same as in a full pass.
         */
        public Builder optStartBatch(int startBatch) {
            this.startBatch = startBatch;
            return this;
        }

        /** Batches ready or in flight at most, {@code >= 1} (default 4). */
        public Builder optPrefetch(int prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /** Runs before each batch is built, on the thread building it: lets tests inject failures and delays. */
        Builder beforeBatch(IntConsumer hook) {
            this.beforeBatch = Objects.requireNonNull(hook);
            return this;
        }

        /** Validates the settings and starts the workers. */
        public BatchLoader build() {
            Objects.requireNonNull(split, "setSplit(...) is required");
            Objects.requireNonNull(stats, "setStats(...) is required");
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
            if (workers < 0) {
                throw new IllegalArgumentException("workers must be >= 0, got " + workers);
            }
            if (prefetch < 1) {
                throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
            }
            // direct buffer capacity is an int number of bytes
            if ((long) batchSize * split.imageBytes() * Float.BYTES > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("batch size " + batchSize + " is too large");
            }
            return new BatchLoader(this);
        }
    }
}
