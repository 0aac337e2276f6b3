package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics state of one dataset (or one slice): the number of examples and one accumulator per feature, in
 * the order features were first seen. Mergeable like its parts; serializable with a version byte.
 *
 * <p>With a weight feature in the options, each example weighs its value of that feature, and the result carries
 * TFDV's {@code weighted_num_examples} and every feature's {@code weighted_*} statistics; the weight feature gets its
 * own statistics like any other. A feature with a weight override (TFDV's {@code per_feature_weight_override}) is
 * weighted by its own weight feature instead, with or without a global one.
 *
 * <pre>{@code
 * DatasetAccumulator all = new DatasetAccumulator(options);
 * all.add(batch);
 * DatasetFeatureStatistics stats = all.result("train");
 * }</pre>
 */
public final class DatasetAccumulator {
    static final int VERSION = 5;
    private static final int UNWEIGHTED_VERSION = 1;
    /** Version 2: weighted, without the state of sparse and weighted features. */
    private static final int UNCOMPOSITE_VERSION = 2;
    /** Version 3: without the state of nested features, structs and bytes features. */
    private static final int UNNESTED_VERSION = 3;
    /** Version 4: without the sums of the weight overrides' weights. */
    private static final int UNOVERRIDDEN_VERSION = 4;

    private final StatisticsOptions options;
    private final Map<String, FeatureAccumulator> features = new LinkedHashMap<>();
    private long numExamples;
    private double weightedNumExamples;
    private double[] rowWeights = new double[0];
    private final CompositeAccumulator composites;
    private final SemanticAccumulator semantic;
    private final NestedAccumulator nested;
    private final BytesAccumulator bytesFeatures;
    private final WeightOverrides overrides;

    public DatasetAccumulator(StatisticsOptions options) {
        this.options = Objects.requireNonNull(options, "options is null");
        this.composites = new CompositeAccumulator(options.compositeFeatures());
        this.semantic = new SemanticAccumulator(options);
        this.nested = new NestedAccumulator(options);
        this.bytesFeatures = new BytesAccumulator(options);
        this.overrides = new WeightOverrides(options);
    }

    /**
     * Adds a batch: every row is an example, every column a feature. A batch with a bad weight changes nothing.
     *
     * @throws ConfigException if the options name a weight feature and a row of the batch has no value of it, more
     *                         than one, or one that is negative, NaN or infinite; or if the batch has rows but no such
     *                         numeric column (TFDV raises a ValueError)
     */
    public void add(RecordBatch batch) {
        double[] weights = options.isWeighted() ? weights(batch) : null;
        if (!overrides.isEmpty()) {
            overrides.read(batch);
        }
        numExamples += batch.rowCount();
        for (Column column : batch.columns()) {
            FeatureAccumulator accumulator = accumulatorFor(column);
            double[] own = overrides.isEmpty() ? weights : overrides.weightsOf(column.name(), weights);
            if (own == null) {
                accumulator.add(column);
            } else {
                accumulator.add(column, own);
            }
        }
        composites.add(batch);
        semantic.add(batch);
        nested.add(batch, weights);
        bytesFeatures.add(batch);
    }

    /** {@return per row of the batch, its weight; adds their sum to the weighted number of examples} */
    private double[] weights(RecordBatch batch) {
        if (rowWeights.length < batch.rowCount()) {
            rowWeights = new double[batch.rowCount()];
        }
        weightedNumExamples += ExampleWeights.read(batch, options.weightFeature(), rowWeights);
        return rowWeights;
    }

    private FeatureAccumulator accumulatorFor(Column column) {
        FeatureAccumulator accumulator = features.get(column.name());
        if (accumulator == null) {
            accumulator = switch (column.type()) {
                case INT, FLOAT ->
                    options.isCategorical(column.name())
                            ? new StringAccumulator(column.name(), column.type(), options.forFeature(column.name()))
                            : new NumericAccumulator(column.name(), column.type(), options.forFeature(column.name()));
                case STRING -> new StringAccumulator(column.name(), options.forFeature(column.name()));
            };
            features.put(column.name(), accumulator);
        }
        return accumulator;
    }

    /**
     * Merges another dataset's state into this one; features new to this one are appended in their order.
     *
     * @throws IllegalArgumentException if {@code other} is this one or has another weight feature
     */
    public void merge(DatasetAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!other.options.weightFeature().equals(options.weightFeature())) {
            throw new IllegalArgumentException("cannot merge statistics weighted by \"" + other.options.weightFeature()
                    + "\" into statistics weighted by \"" + options.weightFeature() + "\"");
        }
        if (!other.options.weightOverrides().equals(options.weightOverrides())) {
            throw new IllegalArgumentException("cannot merge statistics with weight overrides "
                    + other.options.weightOverrides() + " into statistics with " + options.weightOverrides());
        }
        numExamples += other.numExamples;
        weightedNumExamples += other.weightedNumExamples;
        overrides.merge(other.overrides);
        for (FeatureAccumulator theirs : other.features.values()) {
            FeatureAccumulator mine = features.get(theirs.name());
            if (mine == null) {
                features.put(theirs.name(), FeatureAccumulator.fromBytes(theirs.toBytes(), options));
            } else {
                mine.merge(theirs);
            }
        }
        composites.merge(other.composites);
        semantic.merge(other.semantic);
        nested.merge(other.nested);
        bytesFeatures.merge(other.bytesFeatures);
    }

    /** {@return the number of examples added} */
    public long numExamples() {
        return numExamples;
    }

    /** {@return the sum of the weights of the examples added (TFDV's {@code weighted_num_examples}); 0 if unweighted} */
    public double weightedNumExamples() {
        return weightedNumExamples;
    }

    /**
     * {@return TFDV's statistics of this dataset, under the given name (TFDV leaves it empty when not slicing)}, with
     * {@code weighted_num_examples} and the features' {@code weighted_*} statistics if the options name a weight
     * feature
     */
    public DatasetFeatureStatistics result(String name) {
        Objects.requireNonNull(name, "name is null");
        DatasetFeatureStatistics.Builder dataset =
                DatasetFeatureStatistics.newBuilder().setName(name).setNumExamples(numExamples);
        if (options.isWeighted()) {
            dataset.setWeightedNumExamples(weightedNumExamples);
        }
        for (FeatureAccumulator feature : features.values()) {
            dataset.addFeatures(
                    feature.result(numExamples, overrides.weightedNumExamples(feature.name(), weightedNumExamples)));
        }
        addComposites(dataset);
        bytesFeatures.decorate(dataset);
        nested.decorate(dataset, numExamples, weightedNumExamples);
        return dataset.build();
    }

    /**
     * Adds the statistics of the sparse and weighted features and the semantic-domain statistics; one whose path is a
     * column's joins that column's statistics (TFDV merges statistics by path): a sparse or weighted feature named as
     * a column is then a name collision to validation.
     */
    private void addComposites(DatasetFeatureStatistics.Builder dataset) {
        List<FeatureNameStatistics> added = new ArrayList<>(composites.result());
        added.addAll(semantic.result());
        for (FeatureNameStatistics composite : added) {
            FeatureNameStatistics.Builder same = null;
            for (FeatureNameStatistics.Builder feature : dataset.getFeaturesBuilderList()) {
                if (feature.getPath().equals(composite.getPath())) {
                    same = feature;
                    break;
                }
            }
            if (same == null) {
                dataset.addFeatures(composite);
            } else {
                same.addAllCustomStats(composite.getCustomStatsList());
            }
        }
    }

    /** {@return the memory held, which grows with the number of features and the options, not with rows} */
    public long retainedBytes() {
        long total = 64
                + rowWeights.length * 8L
                + composites.retainedBytes()
                + semantic.retainedBytes()
                + nested.retainedBytes()
                + bytesFeatures.retainedBytes();
        for (FeatureAccumulator feature : features.values()) {
            total += feature.retainedBytes();
        }
        return total;
    }

    /** {@return the serialized state; the first byte is the format version} */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(options.weightFeature());
            out.writeLong(numExamples);
            out.writeDouble(weightedNumExamples);
            out.writeInt(features.size());
            for (FeatureAccumulator feature : features.values()) {
                byte[] state = feature.toBytes();
                out.writeInt(state.length);
                out.write(state);
            }
            composites.writeState(out);
            semantic.writeState(out);
            nested.writeState(out);
            bytesFeatures.writeState(out);
            overrides.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a state written by {@link #toBytes()} with the same options. Reads format version 1 (before weights)
     * too, when the options name no weight feature.
     *
     * @throws IllegalArgumentException if the bytes are truncated, of an unknown version, or of another weight feature
     */
    public static DatasetAccumulator fromBytes(byte[] bytes, StatisticsOptions options) {
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION
                    && version != UNNESTED_VERSION
                    && version != UNOVERRIDDEN_VERSION
                    && version != UNCOMPOSITE_VERSION
                    && version != UNWEIGHTED_VERSION) {
                throw new IllegalArgumentException("dataset accumulator format version " + version + ", expected "
                        + UNWEIGHTED_VERSION + " to " + VERSION);
            }
            if (version < UNNESTED_VERSION
                    && (!options.compositeFeatures().isEmpty()
                            || !options.semanticDomains().isEmpty())) {
                throw new IllegalArgumentException("dataset accumulator format version " + version
                        + " has no state of sparse, weighted or semantic-domain features, but the options declare "
                        + "some");
            }
            String weightFeature = version == UNWEIGHTED_VERSION ? "" : in.readUTF();
            if (!weightFeature.equals(options.weightFeature())) {
                throw new IllegalArgumentException("dataset accumulator weighted by \"" + weightFeature
                        + "\" (format version " + version + "), but the options name weight feature \""
                        + options.weightFeature() + "\"");
            }
            dataset.numExamples = in.readLong();
            dataset.weightedNumExamples = version == UNWEIGHTED_VERSION ? 0 : in.readDouble();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] state = new byte[in.readInt()];
                in.readFully(state);
                FeatureAccumulator feature = FeatureAccumulator.fromBytes(state, options);
                dataset.features.put(feature.name(), feature);
            }
            if (version >= UNNESTED_VERSION) {
                dataset.composites.readState(in);
                dataset.semantic.readState(in);
            }
            if (version >= UNOVERRIDDEN_VERSION) {
                dataset.nested.readState(in);
                dataset.bytesFeatures.readState(in);
            }
            if (version == VERSION) {
                dataset.overrides.readState(in);
            } else if (!options.weightOverrides().isEmpty()) {
                throw new IllegalArgumentException("dataset accumulator format version " + version
                        + " has no state of weight overrides, but the options declare some");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated dataset accumulator bytes", e);
        }
        return dataset;
    }
}
