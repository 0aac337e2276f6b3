package dev.veracity.stats;

import java.util.Arrays;
import org.apache.datasketches.kll.KllSketch;

/**
 * A KLL quantiles sketch of doubles (Karnin, Lang and Liberty, with DataSketches' lazy compaction and level
 * capacities) whose compactions draw their coins from the sketch's own seeded generator, so the same updates and
 * merges in the same order give the same sketch, byte for byte.
 *
 * <p>DataSketches' {@code KllDoublesSketch} flips its coins with one {@code java.util.Random} shared by all sketches
 * of the JVM and seeded from the clock, so two runs over the same file gave different medians and histograms. The
 * coins here are a SplitMix64 sequence from a fixed seed: independent of the data, so the error bound is KLL's for the
 * same {@code k}: a single rank is within {@link #normalizedRankError()} (DataSketches' 99% bound, 1.33% for
 * {@code k = 200}). Memory is {@code O(k)} doubles, never growing with the number of values. NaN is ignored, as
 * DataSketches ignores it. Queries use DataSketches' INCLUSIVE criterion.
 *
 * <pre>{@code
 * KllQuantiles sketch = new KllQuantiles(200);
 * sketch.update(values, 0, count);
 * double median = sketch.quantile(0.5);
 * }</pre>
 */
public final class KllQuantiles {
    static final int MIN_WIDTH = 8;
    static final long SEED = 0x5EEDL;

    private final int k;
    private long n;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private long coins = SEED;
    private double[][] levels = {new double[MIN_WIDTH]};
    private int[] sizes = new int[1];
    private int retained;
    private int capacity;
    private View view;

    /** @param k the KLL parameter (at least 8): larger is more accurate */
    public KllQuantiles(int k) {
        if (k < MIN_WIDTH || k > 65_535) {
            throw new IllegalArgumentException("k must be in [8, 65535]: " + k);
        }
        this.k = k;
        this.capacity = totalCapacity();
    }

    /** {@return whether no value was added} */
    public boolean isEmpty() {
        return n == 0;
    }

    /** {@return how many values were added} */
    public long n() {
        return n;
    }

    /** {@return how many items the sketch holds} */
    int retained() {
        return retained;
    }

    /** {@return the 99% bound on the error of one normalized rank, DataSketches' for this k} */
    public double normalizedRankError() {
        return KllSketch.getNormalizedRankError(k, false);
    }

    public void update(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        if (n == 0) {
            min = value;
            max = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        n++;
        append(0, value);
        retained++;
        view = null;
        while (retained >= capacity) {
            compactOnce();
        }
    }

    /** Adds {@code values[from, from + count)}, as many {@link #update(double)} calls would, in one loop. */
    public void update(double[] values, int from, int count) {
        int end = from + count;
        int i = from;
        while (i < end) {
            // fill level 0 up to the next compaction without per-value checks beyond NaN and the extremes
            int room = Math.min(end - i, capacity - retained);
            double[] items = levels[0];
            if (sizes[0] + room > items.length) {
                items = Arrays.copyOf(items, Math.max(items.length * 2, sizes[0] + room));
                levels[0] = items;
            }
            int size = sizes[0];
            for (int stop = i + room; i < stop; i++) {
                double value = values[i];
                if (Double.isNaN(value)) {
                    continue;
                }
                if (n == 0) {
                    min = value;
                    max = value;
                } else {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
                n++;
                items[size++] = value;
            }
            retained += size - sizes[0];
            sizes[0] = size;
            view = null;
            while (retained >= capacity) {
                compactOnce();
            }
        }
    }

    /** Adds the values of {@code other}, which stays unchanged; merging an empty sketch changes nothing. */
    public void merge(KllQuantiles other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a sketch with itself");
        }
        if (other.n == 0) {
            return;
        }
        min = n == 0 ? other.min : Math.min(min, other.min);
        max = n == 0 ? other.max : Math.max(max, other.max);
        n += other.n;
        while (levels.length < other.levels.length) {
            addLevel();
        }
        for (int h = 0; h < other.levels.length; h++) {
            if (h == 0) {
                for (int i = 0; i < other.sizes[0]; i++) {
                    append(0, other.levels[0][i]);
                }
            } else {
                mergeInto(h, other.levels[h], other.sizes[h]);
            }
            retained += other.sizes[h];
        }
        view = null;
        capacity = totalCapacity();
        while (retained >= capacity) {
            compactOnce();
        }
    }

    /** {@return an independent copy, its generator included} */
    KllQuantiles copy() {
        KllQuantiles copy = new KllQuantiles(k);
        copy.n = n;
        copy.min = min;
        copy.max = max;
        copy.coins = coins;
        copy.levels = new double[levels.length][];
        for (int h = 0; h < levels.length; h++) {
            copy.levels[h] = levels[h].clone();
        }
        copy.sizes = sizes.clone();
        copy.retained = retained;
        copy.capacity = capacity;
        return copy;
    }

    /** {@return the fraction of values at most {@code value}}, within the rank error; not to be called when empty */
    public double rank(double value) {
        View v = view();
        int index = lastAtMost(v.values, value);
        return index < 0 ? 0 : (double) v.cumulative[index] / n;
    }

    /** {@return the smallest retained value whose rank is at least {@code rank}}; not to be called when empty */
    public double quantile(double rank) {
        if (!(rank >= 0 && rank <= 1)) {
            throw new IllegalArgumentException("rank must be in [0, 1]: " + rank);
        }
        View v = view();
        double natural = rank * n;
        natural = Math.round(natural * 1e10) / 1e10; // 0.3 * 10 is 3, not 3.0000000000000004
        long wanted = (long) Math.ceil(natural);
        for (int lo = 0, hi = v.values.length - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            if (v.cumulative[mid] >= wanted && (mid == 0 || v.cumulative[mid - 1] < wanted)) {
                return v.values[mid];
            }
            if (v.cumulative[mid] < wanted) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return v.values[v.values.length - 1];
    }

    /** Calls {@code items} with every retained value and its weight (a power of two), in no particular order. */
    void forEachItem(ItemConsumer items) {
        for (int h = 0; h < levels.length; h++) {
            long weight = 1L << h;
            for (int i = 0; i < sizes[h]; i++) {
                items.accept(levels[h][i], weight);
            }
        }
    }

    /** Receives one retained value with its weight. */
    interface ItemConsumer {
        void accept(double value, long weight);
    }

    /** {@return the size of {@link #toBytes()}} */
    int serializedBytes() {
        return KllQuantilesFormat.size(levels.length, retained);
    }

    /** {@return the persisted form, see {@link KllQuantilesFormat}} */
    public byte[] toBytes() {
        return KllQuantilesFormat.write(k, n, min, max, coins, levels, sizes);
    }

    /**
     * {@return the sketch of {@link #toBytes()}, or of a DataSketches {@code KllDoublesSketch}'s bytes (what format
     * versions before this sketch stored)}
     *
     * @throws IllegalArgumentException if the bytes are neither
     */
    public static KllQuantiles fromBytes(byte[] bytes) {
        return KllQuantilesFormat.read(bytes);
    }

    /** {@return a sketch of the given state, which it takes over} (for {@link KllQuantilesFormat}) */
    static KllQuantiles of(int k, long n, double min, double max, long coins, double[][] levels, int[] sizes) {
        KllQuantiles sketch = new KllQuantiles(k);
        sketch.n = n;
        sketch.min = min;
        sketch.max = max;
        sketch.coins = coins;
        sketch.levels = levels;
        sketch.sizes = sizes;
        for (int size : sizes) {
            sketch.retained += size;
        }
        sketch.capacity = sketch.totalCapacity();
        while (sketch.retained >= sketch.capacity) {
            sketch.compactOnce();
        }
        return sketch;
    }

    private void append(int level, double value) {
        double[] items = levels[level];
        if (sizes[level] == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
            levels[level] = items;
        }
        items[sizes[level]++] = value;
    }

    private void addLevel() {
        int count = levels.length;
        levels = Arrays.copyOf(levels, count + 1);
        levels[count] = new double[MIN_WIDTH];
        sizes = Arrays.copyOf(sizes, count + 1);
        capacity = totalCapacity();
    }

    /** Merges the sorted {@code items[0, count)} into the sorted level {@code h}. */
    private void mergeInto(int h, double[] items, int count) {
        if (count == 0) {
            return;
        }
        double[] mine = levels[h];
        int size = sizes[h];
        double[] merged = new double[Math.max(MIN_WIDTH, size + count)];
        int a = 0;
        int b = 0;
        int out = 0;
        while (a < size && b < count) {
            merged[out++] = mine[a] <= items[b] ? mine[a++] : items[b++];
        }
        while (a < size) {
            merged[out++] = mine[a++];
        }
        while (b < count) {
            merged[out++] = items[b++];
        }
        levels[h] = merged;
        sizes[h] = out;
    }

    /**
     * Compacts the lowest level that holds at least its capacity: sorts it, keeps one item there if their number is
     * odd, and promotes every other item of the rest (from a coin flip) to the level above, where each weighs twice.
     */
    private void compactOnce() {
        int h = 0;
        while (sizes[h] < levelCapacity(h)) {
            h++;
        }
        if (h == levels.length - 1) {
            addLevel();
        }
        double[] items = levels[h];
        int size = sizes[h];
        if (h == 0) {
            LevelSort.sort(items, size);
        }
        int kept = size % 2;
        int offset = kept + (nextCoin() ? 1 : 0);
        int promoted = (size - kept) / 2;
        double[] half = new double[promoted];
        for (int i = 0; i < promoted; i++) {
            half[i] = items[offset + 2 * i];
        }
        sizes[h] = kept; // the smallest item stays when their number is odd
        mergeInto(h + 1, half, promoted);
        retained -= promoted;
        view = null;
    }

    private boolean nextCoin() {
        coins += 0x9E3779B97F4A7C15L; // SplitMix64
        long z = coins;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z < 0;
    }

    /** {@return KLL's capacity of level {@code h}: k (2/3)^depth, at least 8, the top level being at depth 0} */
    private int levelCapacity(int h) {
        int depth = levels.length - 1 - h;
        return Math.max(MIN_WIDTH, (int) Math.round(k * Math.pow(2.0 / 3.0, depth)));
    }

    private int totalCapacity() {
        int total = 0;
        for (int h = 0; h < levels.length; h++) {
            total += levelCapacity(h);
        }
        return total;
    }

    private View view() {
        if (view == null) {
            double[] values = new double[retained];
            long[] weights = new long[retained];
            int count = 0;
            for (int h = 0; h < levels.length; h++) {
                double[] items = levels[h].clone();
                if (h == 0) {
                    LevelSort.sort(items, sizes[0]);
                }
                count = mergeWeighted(values, weights, count, items, sizes[h], 1L << h);
            }
            for (int i = 1; i < count; i++) {
                weights[i] += weights[i - 1];
            }
            view = new View(values, weights);
        }
        return view;
    }

    /** Merges sorted {@code items} of one weight into the sorted {@code values[0, count)}; returns the new count. */
    private static int mergeWeighted(
            double[] values, long[] weights, int count, double[] items, int size, long weight) {
        int out = count + size;
        int a = count - 1;
        int b = size - 1;
        for (int i = out - 1; i >= 0 && b >= 0; i--) {
            if (a >= 0 && values[a] > items[b]) {
                values[i] = values[a];
                weights[i] = weights[a--];
            } else {
                values[i] = items[b--];
                weights[i] = weight;
            }
        }
        return out;
    }

    private static int lastAtMost(double[] values, double value) {
        int lo = 0;
        int hi = values.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= value) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The retained items sorted by value, with cumulative weights. */
    private record View(double[] values, long[] cumulative) {}
}
