package dev.veracity.stats;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.proto.CrossFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the shards of a sharded statistics output into one list, as TFDV's {@code load_sharded_statistics} does
 * (tfx_bsl's {@code DatasetListAccumulator}): datasets of the same name are one dataset; within it, the shards of a
 * feature (same path, or same name when there is no path) are one feature whose fields are the union of the shards'.
 * Shards split work by feature, not by rows, so nothing is summed: two shards that disagree on a dataset's
 * non-zero {@code num_examples} or {@code weighted_num_examples}, or on a feature's type or kind of statistics, are an
 * error. Custom statistics are concatenated. Order is first appearance.
 *
 * <pre>{@code
 * DatasetFeatureStatisticsList whole = StatisticsShards.merge(List.of(shard0, shard1));
 * }</pre>
 */
public final class StatisticsShards {
    private StatisticsShards() {}

    /**
     * {@return the shards joined into one list}
     *
     * @throws ConfigException STATISTICS_NOT_USABLE if two shards disagree, naming the dataset and feature
     */
    public static DatasetFeatureStatisticsList merge(List<DatasetFeatureStatisticsList> shards) {
        Map<String, DatasetJoin> datasets = new LinkedHashMap<>();
        for (DatasetFeatureStatisticsList shard : shards) {
            for (DatasetFeatureStatistics dataset : shard.getDatasetsList()) {
                datasets.computeIfAbsent(dataset.getName(), DatasetJoin::new).add(dataset);
            }
        }
        DatasetFeatureStatisticsList.Builder whole = DatasetFeatureStatisticsList.newBuilder();
        datasets.values().forEach(join -> whole.addDatasets(join.build()));
        return whole.build();
    }

    /** The shards of one dataset so far. */
    private static final class DatasetJoin {
        private final DatasetFeatureStatistics.Builder dataset;
        private final Map<String, FeatureNameStatistics.Builder> features = new LinkedHashMap<>();
        private final Map<String, CrossFeatureStatistics.Builder> crosses = new LinkedHashMap<>();

        DatasetJoin(String name) {
            this.dataset = DatasetFeatureStatistics.newBuilder().setName(name);
        }

        void add(DatasetFeatureStatistics shard) {
            if (shard.getNumExamples() != 0) {
                if (dataset.getNumExamples() != 0 && dataset.getNumExamples() != shard.getNumExamples()) {
                    throw conflict("num_examples " + dataset.getNumExamples(), "" + shard.getNumExamples(), null);
                }
                dataset.setNumExamples(shard.getNumExamples());
            }
            if (shard.getWeightedNumExamples() != 0) {
                if (dataset.getWeightedNumExamples() != 0
                        && dataset.getWeightedNumExamples() != shard.getWeightedNumExamples()) {
                    throw conflict(
                            "weighted_num_examples " + dataset.getWeightedNumExamples(),
                            "" + shard.getWeightedNumExamples(),
                            null);
                }
                dataset.setWeightedNumExamples(shard.getWeightedNumExamples());
            }
            for (FeatureNameStatistics feature : shard.getFeaturesList()) {
                String key = key(feature);
                FeatureNameStatistics.Builder into = features.get(key);
                if (into == null) {
                    features.put(key, feature.toBuilder());
                } else {
                    mergeFeature(feature, into, key);
                }
            }
            for (CrossFeatureStatistics cross : shard.getCrossFeaturesList()) {
                String key = pathKey(cross.getPathX()) + "\u0000" + pathKey(cross.getPathY());
                CrossFeatureStatistics.Builder into = crosses.get(key);
                if (into == null) {
                    crosses.put(key, cross.toBuilder());
                } else if (into.getCrossStatsCase() != CrossFeatureStatistics.CrossStatsCase.CROSSSTATS_NOT_SET
                        && cross.getCrossStatsCase() != CrossFeatureStatistics.CrossStatsCase.CROSSSTATS_NOT_SET
                        && into.getCrossStatsCase() != cross.getCrossStatsCase()) {
                    throw conflict("cross statistics " + into.getCrossStatsCase(), "" + cross.getCrossStatsCase(), key);
                } else {
                    into.mergeFrom(cross);
                }
            }
        }

        private void mergeFeature(FeatureNameStatistics from, FeatureNameStatistics.Builder into, String key) {
            if (from.getType() != FeatureNameStatistics.Type.INT
                    && into.getType() != FeatureNameStatistics.Type.INT
                    && from.getType() != into.getType()) {
                throw conflict("type " + into.getType(), from.getType().name(), key);
            }
            if (from.getStatsCase() != FeatureNameStatistics.StatsCase.STATS_NOT_SET
                    && into.getStatsCase() != FeatureNameStatistics.StatsCase.STATS_NOT_SET
                    && from.getStatsCase() != into.getStatsCase()) {
                throw conflict(
                        "statistics of kind " + into.getStatsCase(),
                        from.getStatsCase().name(),
                        key);
            }
            // Protobuf's merge: set scalars overwrite, messages merge field by field, repeated fields (custom
            // statistics, histograms) append; TFX's shards set disjoint fields, so this is their union.
            into.mergeFrom(from);
        }

        private ConfigException conflict(String expected, String found, String feature) {
            String where = "dataset \"" + dataset.getName() + "\"" + (feature == null ? "" : ", feature " + feature);
            return new ConfigException(
                    ErrorCode.STATISTICS_NOT_USABLE,
                    "statistics shards of " + where + ": expected " + expected + " in every shard, found " + found);
        }

        DatasetFeatureStatistics build() {
            features.values().forEach(dataset::addFeatures);
            crosses.values().forEach(dataset::addCrossFeatures);
            return dataset.build();
        }
    }

    private static String key(FeatureNameStatistics feature) {
        return feature.hasPath() ? pathKey(feature.getPath()) : feature.getName();
    }

    private static String pathKey(Path path) {
        return String.join(".", path.getStepList());
    }
}
