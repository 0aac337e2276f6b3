package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics state of one dataset (or one slice): the number of examples and one accumulator per feature, in
 * the order features were first seen. Mergeable like its parts; serializable with a version byte.
 *
 * <pre>{@code
 * DatasetAccumulator all = new DatasetAccumulator(options);
 * all.add(batch);
 * DatasetFeatureStatistics stats = all.result("train");
 * }</pre>
 */
public final class DatasetAccumulator {
    static final int VERSION = 1;

    private final StatisticsOptions options;
    private final Map<String, FeatureAccumulator> features = new LinkedHashMap<>();
    private long numExamples;

    public DatasetAccumulator(StatisticsOptions options) {
        this.options = Objects.requireNonNull(options, "options is null");
    }

    /** Adds a batch: every row is an example, every column a feature. */
    public void add(RecordBatch batch) {
        numExamples += batch.rowCount();
        for (Column column : batch.columns()) {
            accumulatorFor(column).add(column);
        }
    }

    private FeatureAccumulator accumulatorFor(Column column) {
        FeatureAccumulator accumulator = features.get(column.name());
        if (accumulator == null) {
            accumulator = switch (column.type()) {
                case INT, FLOAT -> new NumericAccumulator(column.name(), column.type(), options);
                case STRING -> new StringAccumulator(column.name(), options);
            };
            features.put(column.name(), accumulator);
        }
        return accumulator;
    }

    /** Merges another dataset's state into this one; features new to this one are appended in their order. */
    public void merge(DatasetAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        numExamples += other.numExamples;
        for (FeatureAccumulator theirs : other.features.values()) {
            FeatureAccumulator mine = features.get(theirs.name());
            if (mine == null) {
                features.put(theirs.name(), FeatureAccumulator.fromBytes(theirs.toBytes(), options));
            } else {
                mine.merge(theirs);
            }
        }
    }

    /** {@return the number of examples added} */
    public long numExamples() {
        return numExamples;
    }

    /** {@return TFDV's statistics of this dataset, under the given name (TFDV leaves it empty when not slicing)} */
    public DatasetFeatureStatistics result(String name) {
        Objects.requireNonNull(name, "name is null");
        DatasetFeatureStatistics.Builder dataset = DatasetFeatureStatistics.newBuilder()
                .setName(name)
                .setNumExamples(numExamples);
        for (FeatureAccumulator feature : features.values()) {
            dataset.addFeatures(feature.result(numExamples));
        }
        return dataset.build();
    }

    /** {@return the memory held, which grows with the number of features and the options, not with rows} */
    public long retainedBytes() {
        long total = 64;
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
            out.writeLong(numExamples);
            out.writeInt(features.size());
            for (FeatureAccumulator feature : features.values()) {
                byte[] state = feature.toBytes();
                out.writeInt(state.length);
                out.write(state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores a state written by {@link #toBytes()} with the same options. */
    public static DatasetAccumulator fromBytes(byte[] bytes, StatisticsOptions options) {
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("dataset accumulator format version " + version + ", expected " + VERSION);
            }
            dataset.numExamples = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] state = new byte[in.readInt()];
                in.readFully(state);
                FeatureAccumulator feature = FeatureAccumulator.fromBytes(state, options);
                dataset.features.put(feature.name(), feature);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated dataset accumulator bytes", e);
        }
        return dataset;
    }
}
