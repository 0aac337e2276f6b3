package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.RankHistogram;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of the schema's sparse and weighted features, as TFDV's {@code SparseFeatureStatsGenerator} and
 * {@code WeightedFeatureStatsGenerator} compute them: per composite, the examples missing one component while having
 * another, and the least and greatest difference of list lengths between components. A row where every component
 * is missing counts for nothing; a missing component has length 0; a column absent from a batch is missing there.
 * Merge is associative and commutative; a new accumulator is its identity.
 *
 * <pre>{@code
 * CompositeAccumulator composites = new CompositeAccumulator(CompositeFeatures.of(schema));
 * composites.add(batch);
 * List<FeatureNameStatistics> features = composites.result();
 * }</pre>
 */
final class CompositeAccumulator {
    /** Custom statistics of a sparse feature (TFDV's names). */
    static final String MISSING_VALUE = "missing_value";

    static final String MISSING_INDEX = "missing_index";
    static final String MAX_LENGTH_DIFF = "max_length_diff";
    static final String MIN_LENGTH_DIFF = "min_length_diff";
    /** Custom statistics of a weighted feature (TFDV's names; {@code missing_value} too). */
    static final String MISSING_WEIGHT = "missing_weight";

    static final String MIN_WEIGHT_LENGTH_DIFF = "min_weight_length_diff";
    static final String MAX_WEIGHT_LENGTH_DIFF = "max_weight_length_diff";

    private final CompositeFeatures features;
    /** Per sparse feature: examples missing the value column (while having an index). */
    private final long[] sparseMissingValue;
    /** Per sparse feature and index column: examples missing it, its least and greatest length difference. */
    private final long[][] sparseMissingIndex;

    private final long[][] sparseMinDiff;
    private final long[][] sparseMaxDiff;
    /** Per weighted feature: examples missing the value, the weight; least and greatest weight-minus-value length. */
    private final long[] weightedMissingValue;

    private final long[] weightedMissingWeight;
    private final long[] weightedMinDiff;
    private final long[] weightedMaxDiff;

    CompositeAccumulator(CompositeFeatures features) {
        this.features = features;
        int sparse = features.sparse().size();
        sparseMissingValue = new long[sparse];
        sparseMissingIndex = new long[sparse][];
        sparseMinDiff = new long[sparse][];
        sparseMaxDiff = new long[sparse][];
        for (int s = 0; s < sparse; s++) {
            int indices = features.sparse().get(s).indexFeatures().size();
            sparseMissingIndex[s] = new long[indices];
            sparseMinDiff[s] = filled(indices, Long.MAX_VALUE);
            sparseMaxDiff[s] = filled(indices, Long.MIN_VALUE);
        }
        int weighted = features.weighted().size();
        weightedMissingValue = new long[weighted];
        weightedMissingWeight = new long[weighted];
        weightedMinDiff = filled(weighted, Long.MAX_VALUE);
        weightedMaxDiff = filled(weighted, Long.MIN_VALUE);
    }

    private static long[] filled(int length, long value) {
        long[] array = new long[length];
        Arrays.fill(array, value);
        return array;
    }

    /** {@return whether there is nothing to compute} */
    boolean isEmpty() {
        return features.isEmpty();
    }

    /** Adds the rows of a batch. */
    void add(RecordBatch batch) {
        if (features.isEmpty() || batch.rowCount() == 0) {
            return;
        }
        Map<String, Column> columns = new HashMap<>();
        for (Column column : batch.columns()) {
            columns.put(column.name(), column);
        }
        int rows = batch.rowCount();
        for (int s = 0; s < features.sparse().size(); s++) {
            CompositeFeatures.Sparse sparse = features.sparse().get(s);
            Column value = columns.get(sparse.valueFeature());
            Column[] indices = new Column[sparse.indexFeatures().size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = columns.get(sparse.indexFeatures().get(i));
            }
            for (int r = 0; r < rows; r++) {
                boolean any = isPresent(value, r);
                for (int i = 0; i < indices.length && !any; i++) {
                    any = isPresent(indices[i], r);
                }
                if (!any) {
                    continue;
                }
                if (!isPresent(value, r)) {
                    sparseMissingValue[s]++;
                }
                int valueLength = length(value, r);
                for (int i = 0; i < indices.length; i++) {
                    if (!isPresent(indices[i], r)) {
                        sparseMissingIndex[s][i]++;
                    }
                    long diff = (long) length(indices[i], r) - valueLength;
                    sparseMinDiff[s][i] = Math.min(sparseMinDiff[s][i], diff);
                    sparseMaxDiff[s][i] = Math.max(sparseMaxDiff[s][i], diff);
                }
            }
        }
        for (int w = 0; w < features.weighted().size(); w++) {
            CompositeFeatures.Weighted weighted = features.weighted().get(w);
            Column value = columns.get(weighted.valueFeature());
            Column weight = columns.get(weighted.weightFeature());
            for (int r = 0; r < rows; r++) {
                boolean hasValue = isPresent(value, r);
                boolean hasWeight = isPresent(weight, r);
                if (!hasValue && !hasWeight) {
                    continue;
                }
                if (!hasValue) {
                    weightedMissingValue[w]++;
                }
                if (!hasWeight) {
                    weightedMissingWeight[w]++;
                }
                long diff = (long) length(weight, r) - length(value, r);
                weightedMinDiff[w] = Math.min(weightedMinDiff[w], diff);
                weightedMaxDiff[w] = Math.max(weightedMaxDiff[w], diff);
            }
        }
    }

    private static boolean isPresent(Column column, int row) {
        return column != null && column.present()[row];
    }

    private static int length(Column column, int row) {
        if (column == null) {
            return 0;
        }
        int[] offsets = column.rowOffsets();
        return offsets[row + 1] - offsets[row];
    }

    /**
     * Merges another accumulator of the same composite features into this one.
     *
     * @throws IllegalArgumentException if {@code other} is this one or of other composite features
     */
    void merge(CompositeAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge an accumulator into itself");
        }
        if (!other.features.equals(features)) {
            throw new IllegalArgumentException("cannot merge statistics of other sparse or weighted features");
        }
        for (int s = 0; s < sparseMissingValue.length; s++) {
            sparseMissingValue[s] += other.sparseMissingValue[s];
            for (int i = 0; i < sparseMissingIndex[s].length; i++) {
                sparseMissingIndex[s][i] += other.sparseMissingIndex[s][i];
                sparseMinDiff[s][i] = Math.min(sparseMinDiff[s][i], other.sparseMinDiff[s][i]);
                sparseMaxDiff[s][i] = Math.max(sparseMaxDiff[s][i], other.sparseMaxDiff[s][i]);
            }
        }
        for (int w = 0; w < weightedMissingValue.length; w++) {
            weightedMissingValue[w] += other.weightedMissingValue[w];
            weightedMissingWeight[w] += other.weightedMissingWeight[w];
            weightedMinDiff[w] = Math.min(weightedMinDiff[w], other.weightedMinDiff[w]);
            weightedMaxDiff[w] = Math.max(weightedMaxDiff[w], other.weightedMaxDiff[w]);
        }
    }

    /**
     * {@return one statistics entry per composite feature, with only its path and TFDV's custom statistics}: for a
     * sparse feature {@code missing_value}, then {@code missing_index}, {@code max_length_diff} and {@code
     * min_length_diff} as rank histograms labelled by index feature; for a weighted feature {@code missing_weight},
     * {@code missing_value}, {@code min_weight_length_diff} and {@code max_weight_length_diff}. A difference never
     * observed is 0.
     */
    List<FeatureNameStatistics> result() {
        List<FeatureNameStatistics> result = new ArrayList<>();
        for (int s = 0; s < sparseMissingValue.length; s++) {
            CompositeFeatures.Sparse sparse = features.sparse().get(s);
            RankHistogram.Builder missing = RankHistogram.newBuilder();
            RankHistogram.Builder max = RankHistogram.newBuilder();
            RankHistogram.Builder min = RankHistogram.newBuilder();
            for (int i = 0; i < sparseMissingIndex[s].length; i++) {
                String label = sparse.indexLabels().get(i);
                missing.addBuckets(bucket(label, sparseMissingIndex[s][i]));
                max.addBuckets(bucket(label, orZero(sparseMaxDiff[s][i])));
                min.addBuckets(bucket(label, orZero(sparseMinDiff[s][i])));
            }
            result.add(FeatureNameStatistics.newBuilder()
                    .setPath(sparse.path())
                    .addCustomStats(number(MISSING_VALUE, sparseMissingValue[s]))
                    .addCustomStats(
                            CustomStatistic.newBuilder().setName(MISSING_INDEX).setRankHistogram(missing))
                    .addCustomStats(CustomStatistic.newBuilder()
                            .setName(MAX_LENGTH_DIFF)
                            .setRankHistogram(max))
                    .addCustomStats(CustomStatistic.newBuilder()
                            .setName(MIN_LENGTH_DIFF)
                            .setRankHistogram(min))
                    .build());
        }
        for (int w = 0; w < weightedMissingValue.length; w++) {
            result.add(FeatureNameStatistics.newBuilder()
                    .setPath(
                            Path.newBuilder().addStep(features.weighted().get(w).name()))
                    .addCustomStats(number(MISSING_WEIGHT, weightedMissingWeight[w]))
                    .addCustomStats(number(MISSING_VALUE, weightedMissingValue[w]))
                    .addCustomStats(number(MIN_WEIGHT_LENGTH_DIFF, orZero(weightedMinDiff[w])))
                    .addCustomStats(number(MAX_WEIGHT_LENGTH_DIFF, orZero(weightedMaxDiff[w])))
                    .build());
        }
        return result;
    }

    private static long orZero(long extreme) {
        return extreme == Long.MAX_VALUE || extreme == Long.MIN_VALUE ? 0 : extreme;
    }

    private static RankHistogram.Bucket bucket(String label, long count) {
        return RankHistogram.Bucket.newBuilder()
                .setLabel(label)
                .setSampleCount(count)
                .build();
    }

    private static CustomStatistic number(String name, long value) {
        return CustomStatistic.newBuilder().setName(name).setNum(value).build();
    }

    /** {@return the memory held: a few numbers per composite feature and component} */
    long retainedBytes() {
        long total = 64;
        for (long[] indices : sparseMissingIndex) {
            total += 3L * (16 + indices.length * 8L);
        }
        return total + 32L * weightedMissingValue.length + 8L * sparseMissingValue.length;
    }

    /** Writes the state (the declarations come from the options, so only their sizes are written, as a check). */
    void writeState(DataOutputStream out) throws IOException {
        out.writeInt(sparseMissingValue.length);
        for (int s = 0; s < sparseMissingValue.length; s++) {
            out.writeLong(sparseMissingValue[s]);
            out.writeInt(sparseMissingIndex[s].length);
            for (int i = 0; i < sparseMissingIndex[s].length; i++) {
                out.writeLong(sparseMissingIndex[s][i]);
                out.writeLong(sparseMinDiff[s][i]);
                out.writeLong(sparseMaxDiff[s][i]);
            }
        }
        out.writeInt(weightedMissingValue.length);
        for (int w = 0; w < weightedMissingValue.length; w++) {
            out.writeLong(weightedMissingValue[w]);
            out.writeLong(weightedMissingWeight[w]);
            out.writeLong(weightedMinDiff[w]);
            out.writeLong(weightedMaxDiff[w]);
        }
    }

    /**
     * Reads a state written by {@link #writeState} for the same composite features.
     *
     * @throws IllegalArgumentException if the state is of other composite features
     */
    void readState(DataInputStream in) throws IOException {
        expect("sparse features", in.readInt(), sparseMissingValue.length);
        for (int s = 0; s < sparseMissingValue.length; s++) {
            sparseMissingValue[s] = in.readLong();
            expect("index features", in.readInt(), sparseMissingIndex[s].length);
            for (int i = 0; i < sparseMissingIndex[s].length; i++) {
                sparseMissingIndex[s][i] = in.readLong();
                sparseMinDiff[s][i] = in.readLong();
                sparseMaxDiff[s][i] = in.readLong();
            }
        }
        expect("weighted features", in.readInt(), weightedMissingValue.length);
        for (int w = 0; w < weightedMissingValue.length; w++) {
            weightedMissingValue[w] = in.readLong();
            weightedMissingWeight[w] = in.readLong();
            weightedMinDiff[w] = in.readLong();
            weightedMaxDiff[w] = in.readLong();
        }
    }

    private static void expect(String what, int found, int expected) {
        if (found != expected) {
            throw new IllegalArgumentException(
                    "dataset accumulator with " + found + " " + what + ", but the options declare " + expected);
        }
    }
}
