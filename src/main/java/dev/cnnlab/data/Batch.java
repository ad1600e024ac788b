package dev.cnnlab.data;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One mini-batch from a {@link BatchLoader}: normalised (and maybe augmented) images plus labels.
 *
 * <p>The images live in a pooled direct buffer. Call {@link #release()} once the images have been
 * consumed (e.g. copied into a tensor); the buffer is then reused for a later batch and must not
 * be read any more. A loader has only {@code prefetch + 1} buffers, so a consumer that holds
 * on to batches without releasing them stalls the loader.
 */
public final class Batch {

    private final int index;
    private final int size;
    private final int side;
    private final ByteBuffer images;
    private final int[] labels;
    private final int[] recordIndices;
    private final Consumer<ByteBuffer> recycler;
    private final AtomicBoolean released = new AtomicBoolean();

    Batch(
            int index,
            int size,
            int side,
            ByteBuffer images,
            int[] labels,
            int[] recordIndices,
            Consumer<ByteBuffer> recycler) {
        this.index = index;
        this.size = size;
        this.side = side;
        this.images = images;
        this.labels = labels;
        this.recordIndices = recordIndices;
        this.recycler = recycler;
    }

    /** Position of this batch in the epoch, from 0. */
    public int index() {
        return index;
    }

    /** Number of images (the batch size, or fewer for a last partial batch). */
    public int size() {
        return size;
    }

    /** Width and height of the images. */
    public int side() {
        return side;
    }

    /**
     * The images as {@code size * side * side * 3} floats, NHWC (channel fastest), in a direct buffer of
     * native byte order with position 0 and limit {@code size * 3072 * 4}. Returned as is, not
     * duplicated (a duplicate would lose the byte order); do not write to it.
     */
    public ByteBuffer images() {
        return images;
    }

    /** Fine labels (0..99), one per image. */
    public int[] labels() {
        return labels;
    }

    /** Index in the split of each image, in batch order (shows the shuffle; useful for checks). */
    public int[] recordIndices() {
        return recordIndices;
    }

    /** Hands the image buffer back to the loader's pool; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true) && recycler != null) {
            recycler.accept(images);
        }
    }

    @Override
    public String toString() {
        return "Batch[index=" + index + ", size=" + size + "]";
    }
}
