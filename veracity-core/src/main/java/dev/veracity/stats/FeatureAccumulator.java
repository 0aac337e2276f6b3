package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.proto.FeatureNameStatistics;

/**
 * Sufficient statistics of one feature. Merge is associative and commutative, and a new accumulator is its
 * identity, so the same accumulator runs per thread, per file or in a Beam {@code CombineFn}.
 *
 * <pre>{@code
 * NumericAccumulator a = new NumericAccumulator("pace", FeatureType.FLOAT, options);
 * a.add(batch.columns().get(3));
 * FeatureNameStatistics stats = a.result(batch.rowCount());
 * }</pre>
 */
public sealed interface FeatureAccumulator permits NumericAccumulator, StringAccumulator {
    /** {@return the feature name} */
    String name();

    /**
     * Adds the rows of a column of this feature, unweighted; the column type must match. Hot path.
     *
     * @throws IllegalArgumentException if the options name a weight feature: use {@link #add(Column, double[])}
     */
    void add(Column column);

    /**
     * Adds the rows of a column of this feature, row {@code r} with weight {@code rowWeights[r]}, for TFDV's
     * {@code weighted_*} statistics. Hot path.
     *
     * @param rowWeights per row, its example's weight (finite, at least 0), length at least the column's row count;
     *                   or null, only when the options name no weight feature, for {@link #add(Column)}
     * @throws IllegalArgumentException if weights are given without a weight feature in the options, or missing with one
     */
    void add(Column column, double[] rowWeights);

    /**
     * Merges another accumulator of the same feature and kind into this one.
     *
     * @throws IllegalArgumentException if {@code other} is this accumulator or of another kind
     */
    void merge(FeatureAccumulator other);

    /**
     * {@return TFDV's statistics of this feature; pure and repeatable}
     *
     * @param numExamples the number of examples of the dataset, for {@code num_missing}
     */
    FeatureNameStatistics result(long numExamples);

    /**
     * {@return TFDV's statistics of this feature, with {@code weighted_*} fields if the options name a weight feature;
     * pure and repeatable}
     *
     * @param numExamples         the number of examples of the dataset, for {@code num_missing}
     * @param weightedNumExamples the sum of the weights of the dataset's examples, for the weighted {@code num_missing}
     *                            (ignored without a weight feature)
     */
    FeatureNameStatistics result(long numExamples, double weightedNumExamples);

    /** {@return an estimate of the memory held, which grows with the options, never with the rows} */
    long retainedBytes();

    /** {@return the serialized state; the first byte is the format version} */
    byte[] toBytes();

    /** Restores an accumulator written by {@link #toBytes()}. */
    static FeatureAccumulator fromBytes(byte[] bytes, StatisticsOptions options) {
        return AccumulatorCodec.read(bytes, options);
    }
}
