package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exact weighted sums of numeric values: TFDV's {@code weighted_numeric_stats} mean and std_dev (population: the
 * weighted sum of squared deviations divided by the sum of weights) and the weights on each infinity.
 *
 * <p>Finite values update the sum of weights, the weighted mean and the weighted sum of squared deviations with West's
 * incremental algorithm (1979), which does not form weight times value and does not cancel as TFDV's sum-of-squares
 * formula does; states merge with the weighted form of Chan's formula. NaN values and values of weight 0 contribute
 * nothing.
 */
final class WeightedMoments {
    private double finiteWeight;
    private double mean;
    private double m2;
    private double positiveInfinityWeight;
    private double negativeInfinityWeight;

    /** Adds {@code values[0, count)} with {@code weights[0, count)}, each finite and at least 0. Hot path. */
    void add(double[] values, double[] weights, int count) {
        double total = finiteWeight;
        double mu = mean;
        double squares = m2;
        for (int i = 0; i < count; i++) {
            double w = weights[i];
            double x = values[i];
            if (w == 0 || Double.isNaN(x)) {
                continue;
            }
            if (x == Double.POSITIVE_INFINITY) {
                positiveInfinityWeight += w;
            } else if (x == Double.NEGATIVE_INFINITY) {
                negativeInfinityWeight += w;
            } else {
                total += w;
                double delta = x - mu;
                mu += delta * (w / total);
                squares += w * delta * (x - mu);
            }
        }
        finiteWeight = total;
        mean = mu;
        m2 = squares;
    }

    void merge(WeightedMoments other) {
        positiveInfinityWeight += other.positiveInfinityWeight;
        negativeInfinityWeight += other.negativeInfinityWeight;
        if (other.finiteWeight == 0) {
            return;
        }
        if (finiteWeight == 0) {
            finiteWeight = other.finiteWeight;
            mean = other.mean;
            m2 = other.m2;
            return;
        }
        double total = finiteWeight + other.finiteWeight;
        double delta = other.mean - mean;
        mean += delta * (other.finiteWeight / total);
        m2 += other.m2 + delta * delta * (finiteWeight * (other.finiteWeight / total));
        finiteWeight = total;
    }

    /** {@return the sum of the weights of finite values} */
    double finiteWeight() {
        return finiteWeight;
    }

    double positiveInfinityWeight() {
        return positiveInfinityWeight;
    }

    double negativeInfinityWeight() {
        return negativeInfinityWeight;
    }

    /** {@return the sum of the weights of values that are not NaN: TFDV's weighted number of values} */
    double totalWeight() {
        return negativeInfinityWeight + finiteWeight + positiveInfinityWeight;
    }

    /**
     * {@return the weighted mean}: infinite if an infinity has positive weight, NaN if both do, and 0 when the total
     * weight is 0, as TFDV writes it.
     */
    double mean() {
        if (positiveInfinityWeight > 0 && negativeInfinityWeight > 0) {
            return Double.NaN;
        }
        if (positiveInfinityWeight > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (negativeInfinityWeight > 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return finiteWeight == 0 ? 0 : mean;
    }

    /**
     * {@return the weighted population standard deviation}: NaN if an infinity has positive weight (as the unweighted
     * one), 0 when the total weight is 0, as TFDV writes it.
     */
    double stdDev() {
        if (positiveInfinityWeight + negativeInfinityWeight > 0) {
            return Double.NaN;
        }
        return finiteWeight == 0 ? 0 : Math.sqrt(Math.max(0, m2 / finiteWeight));
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(finiteWeight);
        out.writeDouble(mean);
        out.writeDouble(m2);
        out.writeDouble(positiveInfinityWeight);
        out.writeDouble(negativeInfinityWeight);
    }

    static WeightedMoments read(DataInput in) throws IOException {
        WeightedMoments m = new WeightedMoments();
        m.finiteWeight = in.readDouble();
        m.mean = in.readDouble();
        m.m2 = in.readDouble();
        m.positiveInfinityWeight = in.readDouble();
        m.negativeInfinityWeight = in.readDouble();
        return m;
    }
}
