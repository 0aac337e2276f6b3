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

    /** Adds the rows of a column of this feature; the column type must match. Hot path. */
    void add(Column column);

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

    /** {@return an estimate of the memory held, which grows with the options, never with the rows} */
    long retainedBytes();

    /** {@return the serialized state; the first byte is the format version} */
    byte[] toBytes();

    /** Restores an accumulator written by {@link #toBytes()}. */
    static FeatureAccumulator fromBytes(byte[] bytes, StatisticsOptions options) {
        return AccumulatorCodec.read(bytes, options);
    }
}
