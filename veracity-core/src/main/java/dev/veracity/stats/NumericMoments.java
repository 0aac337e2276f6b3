package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact counts, extremes and moments of numeric values. Finite values feed a count, mean and sum of squared
 * deviations (two passes per batch, Chan's formula across batches); NaN and infinities are counted apart.
 *
 * <pre>{@code
 * NumericMoments moments = new NumericMoments();
 * moments.add(values, count);
 * double z = (x - moments.mean()) / moments.stdDev();
 * }</pre>
 */
public final class NumericMoments {
    private long finiteCount;
    private double mean;
    private double m2;
    private long nanCount;
    private long positiveInfinityCount;
    private long negativeInfinityCount;
    private long zeroCount;
    private double finiteMin = Double.POSITIVE_INFINITY;
    private double finiteMax = Double.NEGATIVE_INFINITY;

    /** Adds {@code values[0, count)}. */
    public void add(double[] values, int count) {
        long n = 0;
        double sum = 0;
        double min = finiteMin;
        double max = finiteMax;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (v == 0) {
                zeroCount++;
            }
            if (Double.isFinite(v)) {
                n++;
                sum += v;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            } else if (Double.isNaN(v)) {
                nanCount++;
            } else if (v > 0) {
                positiveInfinityCount++;
            } else {
                negativeInfinityCount++;
            }
        }
        finiteMin = min;
        finiteMax = max;
        if (n == 0) {
            return;
        }
        double batchMean = sum / n;
        double batchM2 = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                double d = v - batchMean;
                batchM2 += d * d;
            }
        }
        combine(n, batchMean, batchM2);
    }

    /** Adds the values of {@code other}, which stays unchanged. */
    public void merge(NumericMoments other) {
        nanCount += other.nanCount;
        positiveInfinityCount += other.positiveInfinityCount;
        negativeInfinityCount += other.negativeInfinityCount;
        zeroCount += other.zeroCount;
        finiteMin = Math.min(finiteMin, other.finiteMin);
        finiteMax = Math.max(finiteMax, other.finiteMax);
        if (other.finiteCount > 0) {
            combine(other.finiteCount, other.mean, other.m2);
        }
    }

    private void combine(long n, double otherMean, double otherM2) {
        if (finiteCount == 0) {
            // Not the general formula: with huge values, its delta * delta * 0 would be infinity * 0 = NaN.
            finiteCount = n;
            mean = otherMean;
            m2 = otherM2;
            return;
        }
        long total = finiteCount + n;
        double delta = otherMean - mean;
        mean += delta * n / total;
        m2 += otherM2 + delta * delta * ((double) finiteCount * n / total);
        finiteCount = total;
    }

    /** {@return the number of non-NaN values (finite and infinite)} */
    public long count() {
        return finiteCount + positiveInfinityCount + negativeInfinityCount;
    }

    public long finiteCount() {
        return finiteCount;
    }

    long nanCount() {
        return nanCount;
    }

    long positiveInfinityCount() {
        return positiveInfinityCount;
    }

    long negativeInfinityCount() {
        return negativeInfinityCount;
    }

    long zeroCount() {
        return zeroCount;
    }

    /** {@return the smallest finite value, or +infinity if none} */
    double finiteMin() {
        return finiteMin;
    }

    /** {@return the largest finite value, or -infinity if none} */
    double finiteMax() {
        return finiteMax;
    }

    /** {@return the smallest value, infinities included; +infinity when there is none} */
    public double min() {
        return negativeInfinityCount > 0
                ? Double.NEGATIVE_INFINITY
                : finiteCount > 0 ? finiteMin : Double.POSITIVE_INFINITY;
    }

    /** {@return the largest value, infinities included; -infinity when there is none} */
    public double max() {
        return positiveInfinityCount > 0
                ? Double.POSITIVE_INFINITY
                : finiteCount > 0 ? finiteMax : Double.NEGATIVE_INFINITY;
    }

    /** {@return the mean; NaN when there is no value or both infinities} */
    public double mean() {
        if (positiveInfinityCount > 0 && negativeInfinityCount > 0) {
            return Double.NaN;
        }
        if (positiveInfinityCount > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (negativeInfinityCount > 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return finiteCount == 0 ? Double.NaN : mean;
    }

    /** {@return the population standard deviation; NaN when an infinity is present, as numpy gives} */
    public double stdDev() {
        if (positiveInfinityCount + negativeInfinityCount > 0 || finiteCount == 0) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(0, m2 / finiteCount));
    }

    /** Writes the state, for {@link #read}. */
    public void write(DataOutput out) throws IOException {
        out.writeLong(finiteCount);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeLong(nanCount);
        out.writeLong(positiveInfinityCount);
        out.writeLong(negativeInfinityCount);
        out.writeLong(zeroCount);
        out.writeDouble(finiteMin);
        out.writeDouble(finiteMax);
    }

    /** {@return moments of the state {@link #write} wrote} */
    public static NumericMoments read(DataInput in) throws IOException {
        NumericMoments m = new NumericMoments();
        m.finiteCount = in.readLong();
        m.mean = in.readDouble();
        m.m2 = in.readDouble();
        m.nanCount = in.readLong();
        m.positiveInfinityCount = in.readLong();
        m.negativeInfinityCount = in.readLong();
        m.zeroCount = in.readLong();
        m.finiteMin = in.readDouble();
        m.finiteMax = in.readDouble();
        return m;
    }
}
