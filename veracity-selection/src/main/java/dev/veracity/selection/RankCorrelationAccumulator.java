package dev.veracity.selection;

import java.util.Arrays;

/**
 * The pairs of two numbers Spearman's rho needs (it ranks them), bounded: up to {@code capacity} rows it keeps every
 * pair and rho is exact (merge of any split equals the whole); past it, it keeps the {@code capacity} pairs of
 * smallest priority, a hash of the pair and its position in its part, a pseudo-random uniform sample, and rho is
 * the sample's (standard error about (1 - rho^2) / sqrt(capacity)). Memory: 24 bytes per kept pair, at most
 * 2 x capacity pairs between compactions.
 */
public final class RankCorrelationAccumulator {
    /** The default capacity: exact up to 200,000 complete rows (about 5 MB per numeric feature at most). */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final int capacity;
    private final long seed;
    private double[] x = new double[16];
    private double[] y = new double[16];
    private long[] priority = new long[16];
    private int size;
    private long seen;

    /**
     * @param capacity the pairs kept exactly, at least 3
     * @param seed     the seed of the sample's priorities
     */
    public RankCorrelationAccumulator(int capacity, long seed) {
        if (capacity < 3) {
            throw new IllegalArgumentException("capacity must be at least 3: " + capacity);
        }
        this.capacity = capacity;
        this.seed = seed;
    }

    /** Adds one complete row of finite numbers. */
    public void add(double a, double b) {
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

    /** Keeps the capacity pairs of smallest priority. */
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

    /** Adds the other's pairs to this one; the other is unchanged. */
    public void merge(RankCorrelationAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        for (int i = 0; i < other.size; i++) {
            put(other.x[i], other.y[i], other.priority[i]);
        }
        seen += other.seen;
    }

    /** {@return the rows added} */
    public long count() {
        return seen;
    }

    /** {@return whether rho is computed on a sample (more rows than the capacity)} */
    public boolean isSampled() {
        return seen > capacity;
    }

    /** {@return the pairs rho is computed on} */
    public int sampleSize() {
        return (int) Math.min(size, capacity);
    }

    /** {@return Spearman's rho (Pearson's r of the average ranks); NaN when either variable is constant} */
    public double spearman() {
        compact();
        double[] rx = ranks(Arrays.copyOf(x, size));
        double[] ry = ranks(Arrays.copyOf(y, size));
        CorrelationAccumulator r = new CorrelationAccumulator();
        for (int i = 0; i < size; i++) {
            r.add(rx[i], ry[i]);
        }
        return r.pearson();
    }

    /** {@return the average ranks (1-based, ties share their mean rank) of the values, in their order} */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
