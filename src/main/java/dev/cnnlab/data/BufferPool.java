package dev.cnnlab.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

/**
 * A fixed number of equally sized direct, native-order byte buffers, handed out and taken back.
 *
 * <p>Direct buffers are slow to allocate and are freed only by the garbage collector, so the
 * loader allocates at most {@link #capacity()} of them, lazily, and reuses them.
 */
final class BufferPool {

    private final int bufferBytes;
    private final int capacity;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private int created;
    private boolean closed;

    BufferPool(int bufferBytes, int capacity) {
        if (bufferBytes <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("buffer size and count must be positive");
        }
        this.bufferBytes = bufferBytes;
        this.capacity = capacity;
    }

    /**
     * A cleared buffer: a free one, a new one while fewer than the capacity exist, else waits for
     * one to come back.
     *
     * @throws InterruptedException if interrupted or the pool is closed while waiting
     */
    synchronized ByteBuffer acquire() throws InterruptedException {
        while (free.isEmpty() && created == capacity) {
            if (closed) {
                throw new InterruptedException("buffer pool closed");
            }
            wait();
        }
        ByteBuffer buf;
        if (!free.isEmpty()) {
            buf = free.pop();
        } else {
            buf = ByteBuffer.allocateDirect(bufferBytes).order(ByteOrder.nativeOrder());
            created++;
        }
        buf.clear();
        return buf;
    }

    /** Takes a buffer back and wakes a waiting producer. */
    synchronized void release(ByteBuffer buf) {
        free.push(buf);
        notifyAll();
    }

    /** Wakes waiters so they can see the loader is shutting down. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Buffers allocated so far; never more than {@link #capacity()}. */
    synchronized int created() {
        return created;
    }

    /** The most buffers this pool will ever allocate. */
    int capacity() {
        return capacity;
    }
}
