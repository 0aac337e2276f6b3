package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.ListLevels;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.PresenceAndValencyStatistics;
import dev.veracity.proto.StructStatistics;
import dev.veracity.proto.WeightedCommonStatistics;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of nested data that flat columns do not carry, as TFDV's {@code basic_stats_generator} computes
 * them: a STRUCT feature per struct ({@code struct_stats.common_stats}, one value per example that has it), and per
 * nested feature its path of several steps and one {@code presence_and_valency_stats} entry per nesting level (with
 * {@code weighted_presence_and_valency_stats} when weighted). A level's {@code num_missing} is the previous level's
 * {@code tot_num_values} minus its {@code num_non_missing}; at level 0 the previous level is the parent struct's, or
 * the examples. Below the first level, the value counts per list also get TFDV's custom statistics
 * {@code level_N_value_list_length_quantiles} and {@code level_N_value_list_length_standard} (N from 2). Mergeable
 * and serializable like the other accumulators.
 */
final class NestedAccumulator {
    private final StatisticsOptions options;
    private final Map<List<String>, PresenceAccumulator> structs = new LinkedHashMap<>();
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    /** A nested feature: its path and one presence accumulator per level. */
    private record Leaf(List<String> path, PresenceAccumulator[] levels) {}

    NestedAccumulator(StatisticsOptions options) {
        this.options = options;
    }

    /**
     * Adds a batch's structs and nested features, each entry weighing its example's weight ({@code weights} null
     * when unweighted).
     *
     * @throws ConfigException if a feature's nesting level differs from the one seen before (TFDV: ValueError)
     */
    void add(RecordBatch batch, double[] weights) {
        int rows = batch.rowCount();
        for (StructRows struct : batch.nesting().structs()) {
            int[] offsets = new int[rows + 1];
            boolean[] present = struct.present();
            for (int r = 0; r < rows; r++) {
                offsets[r + 1] = offsets[r] + (present[r] ? 1 : 0);
            }
            structs.computeIfAbsent(struct.path(), p -> new PresenceAccumulator(options.kllK()))
                    .add(present, offsets, rows, weights);
        }
        for (ListLevels levels : batch.nesting().lists()) {
            Column column = column(batch, levels.column());
            Leaf leaf = leaves.computeIfAbsent(levels.column(), c -> newLeaf(levels));
            if (leaf.levels().length != levels.levels() || !leaf.path().equals(levels.path())) {
                throw new ConfigException("feature " + String.join(".", levels.path()) + ": expected "
                        + leaf.levels().length + " nesting levels, as before, found " + levels.levels()
                        + " (TFDV cannot merge statistics of different nest levels either)");
            }
            double[] entryWeights = weights;
            for (int k = 0; k < levels.levels(); k++) {
                boolean[] present = k == 0 ? column.present() : levels.present()[k - 1];
                int entries = levels.entries(k);
                leaf.levels()[k].add(present, levels.offsets()[k], entries, entryWeights);
                if (entryWeights != null && k + 1 < levels.levels()) {
                    entryWeights = spread(entryWeights, levels.offsets()[k], entries);
                }
            }
        }
    }

    private Leaf newLeaf(ListLevels levels) {
        PresenceAccumulator[] perLevel = new PresenceAccumulator[levels.levels()];
        for (int k = 0; k < perLevel.length; k++) {
            perLevel[k] = new PresenceAccumulator(options.kllK());
        }
        return new Leaf(levels.path(), perLevel);
    }

    /** {@return per entry one level down, the weight of the entry that holds it} */
    private static double[] spread(double[] weights, int[] offsets, int entries) {
        double[] out = new double[offsets[entries]];
        for (int e = 0; e < entries; e++) {
            java.util.Arrays.fill(out, offsets[e], offsets[e + 1], weights[e]);
        }
        return out;
    }

    private static Column column(RecordBatch batch, String name) {
        for (Column column : batch.columns()) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new IllegalStateException("levels of a column not in the batch: " + name);
    }

    void merge(NestedAccumulator other) {
        for (Map.Entry<List<String>, PresenceAccumulator> theirs : other.structs.entrySet()) {
            structs.computeIfAbsent(theirs.getKey(), p -> new PresenceAccumulator(options.kllK()))
                    .merge(theirs.getValue());
        }
        for (Map.Entry<String, Leaf> theirs : other.leaves.entrySet()) {
            Leaf leaf = theirs.getValue();
            Leaf mine = leaves.get(theirs.getKey());
            if (mine == null) {
                mine = new Leaf(leaf.path(), new PresenceAccumulator[leaf.levels().length]);
                for (int k = 0; k < leaf.levels().length; k++) {
                    mine.levels()[k] = new PresenceAccumulator(options.kllK());
                }
                leaves.put(theirs.getKey(), mine);
            }
            if (mine.levels().length != leaf.levels().length) {
                throw new ConfigException("feature " + String.join(".", leaf.path()) + ": cannot merge statistics of "
                        + mine.levels().length + " and " + leaf.levels().length + " nesting levels");
            }
            for (int k = 0; k < leaf.levels().length; k++) {
                mine.levels()[k].merge(leaf.levels()[k]);
            }
        }
    }

    /**
     * Gives the dataset's nested features their paths and per-level statistics, and adds a STRUCT feature per struct
     * before the first of its fields.
     */
    void decorate(DatasetFeatureStatistics.Builder dataset, long numExamples, double weightedNumExamples) {
        if (structs.isEmpty() && leaves.isEmpty()) {
            return;
        }
        List<FeatureNameStatistics> out = new ArrayList<>(dataset.getFeaturesCount() + structs.size());
        List<List<String>> written = new ArrayList<>();
        for (FeatureNameStatistics feature : dataset.getFeaturesList()) {
            Leaf leaf = feature.getPath().getStepCount() == 1
                    ? leaves.get(feature.getPath().getStep(0))
                    : null;
            if (leaf == null) {
                out.add(feature);
                continue;
            }
            for (List<String> struct : structs.keySet()) {
                if (!written.contains(struct) && isPrefix(struct, leaf.path())) {
                    out.add(structStatistics(struct, numExamples, weightedNumExamples));
                    written.add(struct);
                }
            }
            out.add(nested(feature, leaf, numExamples, weightedNumExamples));
        }
        for (List<String> struct : structs.keySet()) {
            if (!written.contains(struct)) {
                out.add(structStatistics(struct, numExamples, weightedNumExamples));
            }
        }
        dataset.clearFeatures().addAllFeatures(out);
    }

    private static boolean isPrefix(List<String> parent, List<String> child) {
        return child.size() > parent.size() && child.subList(0, parent.size()).equals(parent);
    }

    /** {@return the parent struct of a path: the longest struct path that is a proper prefix, or null} */
    private PresenceAccumulator parentOf(List<String> path) {
        PresenceAccumulator parent = null;
        int longest = 0;
        for (Map.Entry<List<String>, PresenceAccumulator> struct : structs.entrySet()) {
            if (isPrefix(struct.getKey(), path) && struct.getKey().size() > longest) {
                parent = struct.getValue();
                longest = struct.getKey().size();
            }
        }
        return parent;
    }

    private long parentTotal(List<String> path, long numExamples) {
        PresenceAccumulator parent = parentOf(path);
        return parent == null ? numExamples : parentTotal(parent, path, numExamples);
    }

    private long parentTotal(PresenceAccumulator parent, List<String> path, long numExamples) {
        return parent.result(numExamples, options.numValuesHistogramBuckets()).getTotNumValues();
    }

    private double parentWeightedTotal(List<String> path, double weightedNumExamples) {
        PresenceAccumulator parent = parentOf(path);
        return parent == null
                ? weightedNumExamples
                : parent.weightedResult(weightedNumExamples).getTotNumValues();
    }

    private FeatureNameStatistics structStatistics(List<String> path, long numExamples, double weightedNumExamples) {
        PresenceAccumulator presence = structs.get(path);
        CommonStatistics common = presence.result(parentTotal(path, numExamples), options.numValuesHistogramBuckets());
        if (options.isWeighted()) {
            common = common.toBuilder()
                    .setWeightedCommonStats(presence.weightedResult(parentWeightedTotal(path, weightedNumExamples)))
                    .build();
        }
        return FeatureNameStatistics.newBuilder()
                .setPath(Path.newBuilder().addAllStep(path))
                .setType(FeatureNameStatistics.Type.STRUCT)
                .setStructStats(StructStatistics.newBuilder().setCommonStats(common))
                .build();
    }

    private FeatureNameStatistics nested(
            FeatureNameStatistics feature, Leaf leaf, long numExamples, double weightedNumExamples) {
        long previousTotal = parentTotal(leaf.path(), numExamples);
        double previousWeightedTotal = parentWeightedTotal(leaf.path(), weightedNumExamples);
        List<PresenceAndValencyStatistics> levels = new ArrayList<>();
        List<WeightedCommonStatistics> weightedLevels = new ArrayList<>();
        List<CustomStatistic> histograms = new ArrayList<>();
        for (int k = 0; k < leaf.levels().length; k++) {
            PresenceAccumulator level = leaf.levels()[k];
            CommonStatistics common = level.result(previousTotal, options.numValuesHistogramBuckets());
            if (k > 0) {
                histograms.add(CustomStatistic.newBuilder()
                        .setName("level_" + (k + 1) + "_value_list_length_quantiles")
                        .setHistogram(common.getNumValuesHistogram())
                        .build());
                histograms.add(CustomStatistic.newBuilder()
                        .setName("level_" + (k + 1) + "_value_list_length_standard")
                        .setHistogram(level.standardValueCountHistogram(options.numValuesHistogramBuckets()))
                        .build());
            }
            PresenceAndValencyStatistics.Builder proto = PresenceAndValencyStatistics.newBuilder()
                    .setNumNonMissing(common.getNumNonMissing())
                    .setNumMissing(previousTotal - common.getNumNonMissing());
            if (common.getNumNonMissing() > 0) {
                proto.setMinNumValues(common.getMinNumValues())
                        .setMaxNumValues(common.getMaxNumValues())
                        .setTotNumValues(common.getTotNumValues());
            }
            levels.add(proto.build());
            previousTotal = common.getTotNumValues();
            if (options.isWeighted()) {
                WeightedCommonStatistics weighted = level.weightedResult(previousWeightedTotal);
                weightedLevels.add(weighted);
                previousWeightedTotal = weighted.getTotNumValues();
            }
        }
        FeatureNameStatistics.Builder out =
                feature.toBuilder().setPath(Path.newBuilder().addAllStep(leaf.path()));
        out.addAllCustomStats(histograms);
        CommonStatistics.Builder common = commonOf(out);
        if (common == null) {
            return out.build();
        }
        common.setNumMissing(levels.get(0).getNumMissing());
        if (common.hasWeightedCommonStats() && !weightedLevels.isEmpty()) {
            common.getWeightedCommonStatsBuilder()
                    .setNumMissing(weightedLevels.get(0).getNumMissing());
        }
        if (levels.size() > 1) {
            common.clearPresenceAndValencyStats().addAllPresenceAndValencyStats(levels);
            if (!weightedLevels.isEmpty()) {
                common.clearWeightedPresenceAndValencyStats().addAllWeightedPresenceAndValencyStats(weightedLevels);
            }
        }
        return out.build();
    }

    /** {@return the builder of a feature's common statistics, whichever statistics it has, or null} */
    private static CommonStatistics.Builder commonOf(FeatureNameStatistics.Builder feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStatsBuilder().getCommonStatsBuilder();
            case STRING_STATS -> feature.getStringStatsBuilder().getCommonStatsBuilder();
            case BYTES_STATS -> feature.getBytesStatsBuilder().getCommonStatsBuilder();
            case STRUCT_STATS -> feature.getStructStatsBuilder().getCommonStatsBuilder();
            case STATS_NOT_SET -> null;
        };
    }

    long retainedBytes() {
        long total = 64;
        for (PresenceAccumulator struct : structs.values()) {
            total += struct.retainedBytes();
        }
        for (Leaf leaf : leaves.values()) {
            for (PresenceAccumulator level : leaf.levels()) {
                total += level.retainedBytes();
            }
        }
        return total;
    }

    void writeState(DataOutput out) throws IOException {
        out.writeInt(structs.size());
        for (Map.Entry<List<String>, PresenceAccumulator> struct : structs.entrySet()) {
            writePath(out, struct.getKey());
            struct.getValue().write(out);
            struct.getValue().writeWeighted(out);
        }
        out.writeInt(leaves.size());
        for (Map.Entry<String, Leaf> leaf : leaves.entrySet()) {
            out.writeUTF(leaf.getKey());
            writePath(out, leaf.getValue().path());
            out.writeInt(leaf.getValue().levels().length);
            for (PresenceAccumulator level : leaf.getValue().levels()) {
                level.write(out);
                level.writeWeighted(out);
            }
        }
    }

    void readState(DataInput in) throws IOException {
        int structCount = in.readInt();
        for (int i = 0; i < structCount; i++) {
            List<String> path = readPath(in);
            structs.put(path, read(in));
        }
        int leafCount = in.readInt();
        for (int i = 0; i < leafCount; i++) {
            String column = in.readUTF();
            List<String> path = readPath(in);
            PresenceAccumulator[] levels = new PresenceAccumulator[in.readInt()];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = read(in);
            }
            leaves.put(column, new Leaf(path, levels));
        }
    }

    private PresenceAccumulator read(DataInput in) throws IOException {
        PresenceAccumulator presence = PresenceAccumulator.read(in, options.kllK());
        presence.readWeighted(in);
        return presence;
    }

    private static void writePath(DataOutput out, List<String> path) throws IOException {
        out.writeInt(path.size());
        for (String step : path) {
            out.writeUTF(step);
        }
    }

    private static List<String> readPath(DataInput in) throws IOException {
        int steps = in.readInt();
        List<String> path = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            path.add(in.readUTF());
        }
        return List.copyOf(path);
    }
}
