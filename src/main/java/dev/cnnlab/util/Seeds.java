package dev.cnnlab.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent random streams from one run seed.
 *
 * <p>Every random decision (shuffle order, crop offsets, mixup lambda, initial weights) draws from
 * a stream named by its purpose and coordinates, e.g. {@code ("augment", epoch, batch)}. A stream
 * depends on nothing but the seed and its coordinates, so a run resumed at an epoch boundary or a
 * loader using any number of threads sees exactly the same numbers as an uninterrupted run.
 */
public final class Seeds {

    private Seeds() {}

    /** A random stream for {@code purpose} at the given coordinates. */
    public static SplittableRandom stream(long seed, String purpose, long... coordinates) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        for (long c : coordinates) {
            h = mix(h ^ mix(c + 0x632BE59BD9B4E019L));
        }
        return new SplittableRandom(h);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates) drawn from {@code random}. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** SplitMix64 finaliser: a bijective, well-mixing 64-bit hash. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
