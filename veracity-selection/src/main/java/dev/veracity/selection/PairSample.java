package dev.veracity.selection;

import java.util.Arrays;

/**
 * A bounded sample of number pairs: every pair up to {@code capacity}, beyond that the {@code capacity} pairs of
 * smallest priority (a hash of the pair, its position in its part and a seed), a deterministic pseudo-random
 * uniform sample. Merge keeps the smallest priorities of both, so below the capacity it is exact for any split.
 * Memory: 24 bytes a pair, at most 2 x capacity pairs between compactions.
 */
final class PairSample {
    private final int capacity;
    private final long seed;
    private double[] x = new double[16];
    private double[] y = new double[16];
    private long[] priority = new long[16];
    private int size;
    private long seen;

    PairSample(int capacity, long seed) {
        if (capacity < 3) {
            throw new IllegalArgumentException("capacity must be at least 3: " + capacity);
        }
        this.capacity = capacity;
        this.seed = seed;
    }

    void add(double a, double b) {
        long h = mix(seed ^ mix(Double.doubleToLongBits(a) * 31 + Double.doubleToLongBits(b)) ^ mix(seen + 1));
        seen++;
        put(a, b, h);
    }

    private void put(double a, double b, long h) {
        if (size == x.length) {
            if (size >= 2 * capacity) {
                compact();
            } else {
                int grown = (int) Math.min(2L * capacity, 2L * size);
                x = Arrays.copyOf(x, grown);
                y = Arrays.copyOf(y, grown);
                priority = Arrays.copyOf(priority, grown);
            }
        }
        x[size] = a;
        y[size] = b;
        priority[size] = h;
        size++;
    }

    /** Keeps the capacity pairs of smallest priority, in their order. */
    private void compact() {
        if (size <= capacity) {
            return;
        }
        long[] sorted = Arrays.copyOf(priority, size);
        Arrays.sort(sorted);
        long cut = sorted[capacity - 1];
        int kept = 0;
        for (int i = 0; i < size && kept < capacity; i++) {
            if (priority[i] <= cut) {
                x[kept] = x[i];
                y[kept] = y[i];
                priority[kept] = priority[i];
                kept++;
            }
        }
        size = kept;
    }

    /** Adds the other's pairs, with {@code mapY} applied to their y (e.g. to renumber classes). */
    void merge(PairSample other, java.util.function.DoubleUnaryOperator mapY) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a sample with itself");
        }
        for (int i = 0; i < other.size; i++) {
            put(other.x[i], mapY.applyAsDouble(other.y[i]), other.priority[i]);
        }
        seen += other.seen;
    }

    long seen() {
        return seen;
    }

    boolean isSampled() {
        return seen > capacity;
    }

    /** {@return the kept x values, after compaction} */
    double[] xs() {
        compact();
        return Arrays.copyOf(x, size);
    }

    /** {@return the kept y values, in the order of {@link #xs()}} */
    double[] ys() {
        compact();
        return Arrays.copyOf(y, size);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
