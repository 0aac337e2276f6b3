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
    private final PairSample sample;

    /**
     * @param capacity the pairs kept exactly, at least 3
     * @param seed     the seed of the sample's priorities
     */
    public RankCorrelationAccumulator(int capacity, long seed) {
        this.capacity = capacity;
        this.sample = new PairSample(capacity, seed);
    }

    /** Adds one complete row of finite numbers. */
    public void add(double a, double b) {
        sample.add(a, b);
    }

    /** Adds the other's pairs to this one; the other is unchanged. */
    public void merge(RankCorrelationAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator with itself");
        }
        sample.merge(other.sample, y -> y);
    }

    /** {@return the rows added} */
    public long count() {
        return sample.seen();
    }

    /** {@return whether rho is computed on a sample (more rows than the capacity)} */
    public boolean isSampled() {
        return sample.isSampled();
    }

    /** {@return the pairs rho is computed on} */
    public int sampleSize() {
        return (int) Math.min(sample.seen(), capacity);
    }

    /** {@return Spearman's rho (Pearson's r of the average ranks); NaN when either variable is constant} */
    public double spearman() {
        double[] rx = ranks(sample.xs());
        double[] ry = ranks(sample.ys());
        CorrelationAccumulator r = new CorrelationAccumulator();
        for (int i = 0; i < rx.length; i++) {
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
}
