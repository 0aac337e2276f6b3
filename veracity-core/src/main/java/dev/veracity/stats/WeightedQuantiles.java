package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Quantiles of numeric values with real, non-negative weights (TFDV's weighted median and weighted histograms),
 * built from unweighted KLL sketches.
 *
 * <p>DataSketches' KLL takes integer weights only, and its weighted update builds and merges a temporary sketch for
 * every value. Instead, each weight is rounded to {@link #significantBits(double) b} significant bits, which writes
 * it as a sum of at most b powers of two 2<sup>j</sup>, and the value goes, unweighted, into the sketch of each such
 * j. An item of sketch j stands for weight 2<sup>j</sup> times its KLL weight, so the weighted rank of x is the sum
 * over j of 2<sup>j</sup> times sketch j's count of items up to x. Integer and dyadic weights (1, 2, 0.5, 3.25) of
 * at most b significant bits are represented exactly, with one sketch update per set bit.
 *
 * <p>Error of a normalized rank (a fraction of the total weight): each sketch's rank error is at most the options'
 * epsilon of its own total, so the weighted sum's is at most epsilon of the total weight; rounding moves each weight
 * by at most a fraction u = 2<sup>-b</sup> of itself, which moves a normalized rank by at most u / (2 (1 - u)); b is
 * the fewest bits that make this at most epsilon / 4 (b = 8 and 0.00196 for epsilon 0.01). Sketches are kept for at
 * most {@value #EXPONENT_WINDOW} consecutive exponents below the largest: bits of weights below 2<sup>-63</sup> of the
 * largest weight are dropped, which adds at most n 2<sup>-63</sup> for n values (below 1e-6 up to 10<sup>13</sup>
 * values). Memory: one KLL sketch per exponent in use, about log2(largest / smallest weight) + b of them, at most
 * {@value #EXPONENT_WINDOW}.
 */
final class WeightedQuantiles {
    /** The most consecutive exponents (sketches) kept. */
    static final int EXPONENT_WINDOW = 64;

    private final int kllK;
    private final int significantBits;
    private KllQuantiles[] sketches = new KllQuantiles[0]; // sketches[i] counts weight 2^(lowestExponent + i)
    private int lowestExponent;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    WeightedQuantiles(int kllK, double rankError) {
        this.kllK = kllK;
        this.significantBits = significantBits(rankError);
    }

    /**
     * {@return the significant bits weights are rounded to: the fewest for which rounding moves a normalized rank by at
     * most {@code rankError / 4} (8 for 0.01)}
     */
    static int significantBits(double rankError) {
        int bits = 1;
        while (roundingBound(bits) > rankError / 4) {
            bits++;
        }
        return bits;
    }

    /** {@return the bound on how far rounding weights moves a normalized rank, at most {@code rankError / 4}} */
    static double roundingRankError(double rankError) {
        return roundingBound(significantBits(rankError));
    }

    /** {@return u / (2 (1 - u)) for u = 2^-bits: how far relative errors of at most u in weights move a rank} */
    private static double roundingBound(int bits) {
        double u = Math.scalb(1.0, -bits);
        return u / (2 * (1 - u));
    }

    /** Adds {@code values[0, count)} with {@code weights[0, count)}; skips NaN values and zero weights. Hot path. */
    void update(double[] values, double[] weights, int count) {
        int bits = significantBits;
        for (int i = 0; i < count; i++) {
            double weight = weights[i];
            double value = values[i];
            if (!(weight > 0) || Double.isNaN(value)) {
                continue;
            }
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
            int exponent = Math.getExponent(weight);
            long mantissa = Math.round(Math.scalb(weight, bits - 1 - exponent)); // in [2^(b-1), 2^b] unless subnormal
            int exponentOfBit0 = exponent - bits + 1;
            while (mantissa != 0) {
                int slot = slot(exponentOfBit0 + Long.numberOfTrailingZeros(mantissa));
                if (slot >= 0) {
                    KllQuantiles sketch = sketches[slot];
                    if (sketch == null) {
                        sketch = new KllQuantiles(kllK);
                        sketches[slot] = sketch;
                    }
                    sketch.update(value);
                }
                mantissa &= mantissa - 1;
            }
        }
    }

    /**
     * {@return the index in {@link #sketches} of the sketch of weight 2<sup>exponent</sup>, growing the array to
     * cover it and dropping sketches that fall out of the window; -1 if it is below the window}
     */
    private int slot(int exponent) {
        int length = sketches.length;
        if (length == 0) {
            sketches = new KllQuantiles[1];
            lowestExponent = exponent;
            return 0;
        }
        int index = exponent - lowestExponent;
        if (index >= 0 && index < length) {
            return index;
        }
        int highest = lowestExponent + length - 1;
        if (index < 0) {
            if (exponent <= highest - EXPONENT_WINDOW) {
                return -1;
            }
            KllQuantiles[] grown = new KllQuantiles[highest - exponent + 1];
            System.arraycopy(sketches, 0, grown, -index, length);
            sketches = grown;
            lowestExponent = exponent;
            return 0;
        }
        int newLowest = Math.max(lowestExponent, exponent - EXPONENT_WINDOW + 1);
        KllQuantiles[] grown = new KllQuantiles[exponent - newLowest + 1];
        int kept = Math.max(0, length - (newLowest - lowestExponent));
        System.arraycopy(sketches, length - kept, grown, 0, kept);
        sketches = grown;
        lowestExponent = newLowest;
        return grown.length - 1;
    }

    /** Merges another's weighted values into this one (from the largest weights down, so the window is theirs). */
    void merge(WeightedQuantiles other) {
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        for (int i = other.sketches.length - 1; i >= 0; i--) {
            KllQuantiles theirs = other.sketches[i];
            if (theirs == null || theirs.isEmpty()) {
                continue;
            }
            int slot = slot(other.lowestExponent + i);
            if (slot < 0) {
                continue;
            }
            KllQuantiles mine = sketches[slot];
            if (mine == null || mine.isEmpty()) {
                sketches[slot] = theirs.copy();
            } else {
                mine.merge(theirs);
            }
        }
    }

    /** {@return whether no value of positive weight was added} */
    boolean isEmpty() {
        return min > max;
    }

    /**
     * {@return every retained item with its weight, sorted by value, for rank and quantile queries}; not to be called
     * when {@link #isEmpty()}. Reading does not compact, so results are repeatable.
     */
    View view() {
        int total = 0;
        for (KllQuantiles sketch : sketches) {
            if (sketch != null && !sketch.isEmpty()) {
                total += sketch.retained();
            }
        }
        double[] values = new double[total];
        double[] weights = new double[total];
        int n = 0;
        for (int i = 0; i < sketches.length; i++) {
            KllQuantiles sketch = sketches[i];
            if (sketch == null || sketch.isEmpty()) {
                continue;
            }
            double unit = Math.scalb(1.0, lowestExponent + i);
            int[] next = {n};
            sketch.forEachItem((value, weight) -> {
                values[next[0]] = value;
                weights[next[0]] = weight * unit;
                next[0]++;
            });
            n = next[0];
        }
        sortByValue(values, weights, new double[n], new double[n], 0, n);
        double[] cumulative = weights;
        for (int i = 1; i < n; i++) {
            cumulative[i] += cumulative[i - 1];
        }
        return new View(values, cumulative, min, max);
    }

    /** Merge sort of {@code values[from, to)} carrying {@code weights} along; stable, so equal values keep order. */
    private static void sortByValue(
            double[] values, double[] weights, double[] valueBuffer, double[] weightBuffer, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        sortByValue(values, weights, valueBuffer, weightBuffer, from, middle);
        sortByValue(values, weights, valueBuffer, weightBuffer, middle, to);
        if (values[middle - 1] <= values[middle]) {
            return;
        }
        System.arraycopy(values, from, valueBuffer, from, to - from);
        System.arraycopy(weights, from, weightBuffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle && valueBuffer[left] <= valueBuffer[right]) {
                values[i] = valueBuffer[left];
                weights[i] = weightBuffer[left++];
            } else {
                values[i] = valueBuffer[right];
                weights[i] = weightBuffer[right++];
            }
        }
    }

    /**
     * Retained items sorted by value, with cumulative weights.
     *
     * @param values     the items' values, ascending
     * @param cumulative per item, the total weight of it and the items before it
     * @param min        the smallest value of positive weight (exact)
     * @param max        the largest value of positive weight (exact)
     */
    record View(double[] values, double[] cumulative, double min, double max)
            implements NumericHistograms.Distribution {
        /** {@return the fraction of the weight on values at most {@code value}} */
        @Override
        public double rank(double value) {
            int lo = 0;
            int hi = values.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? 0 : cumulative[lo - 1] / cumulative[values.length - 1];
        }

        /** {@return the smallest value whose rank (inclusive) is at least {@code rank}} */
        @Override
        public double quantile(double rank) {
            double target = rank * cumulative[values.length - 1];
            int lo = 0;
            int hi = values.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        }
    }

    long retainedBytes() {
        long total = 32 + 8L * sketches.length;
        for (KllQuantiles sketch : sketches) {
            total += sketch == null ? 0 : sketch.serializedBytes();
        }
        return total;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(min);
        out.writeDouble(max);
        out.writeInt(lowestExponent);
        out.writeInt(sketches.length);
        for (KllQuantiles sketch : sketches) {
            byte[] bytes = sketch == null ? new byte[0] : sketch.toBytes();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static WeightedQuantiles read(DataInput in, int kllK, double rankError) throws IOException {
        WeightedQuantiles q = new WeightedQuantiles(kllK, rankError);
        q.min = in.readDouble();
        q.max = in.readDouble();
        q.lowestExponent = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > EXPONENT_WINDOW) {
            throw new IOException("weighted quantiles of " + length + " exponents, at most " + EXPONENT_WINDOW);
        }
        q.sketches = new KllQuantiles[length];
        for (int i = 0; i < length; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            if (bytes.length > 0) {
                q.sketches[i] = KllQuantiles.fromBytes(bytes);
            }
        }
        return q;
    }
}
