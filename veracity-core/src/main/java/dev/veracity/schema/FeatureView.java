package dev.veracity.schema;

import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths.Path;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.RankHistogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One feature's statistics as validation and inference read them: presence, valency, labels and ranges, weighted
 * when the dataset is validated by weight (as TFDV does when every feature carries weighted statistics).
 *
 * @param path        the feature's path
 * @param stats       the feature's statistics
 * @param numExamples examples in the dataset (weighted when {@code byWeight})
 * @param byWeight    whether the weighted statistics are used
 */
record FeatureView(Path path, FeatureNameStatistics stats, double numExamples, boolean byWeight) {

    /** {@return the schema type the statistics type maps to: STRING and BYTES to BYTES} */
    FeatureType schemaType() {
        return switch (stats.getType()) {
            case INT -> FeatureType.INT;
            case FLOAT -> FeatureType.FLOAT;
            case STRING, BYTES -> FeatureType.BYTES;
            case STRUCT -> FeatureType.STRUCT;
            case UNRECOGNIZED -> FeatureType.TYPE_UNKNOWN;
        };
    }

    /** {@return the common statistics, whatever kind of statistics the feature has} */
    CommonStatistics common() {
        return switch (stats.getStatsCase()) {
            case NUM_STATS -> stats.getNumStats().getCommonStats();
            case STRING_STATS -> stats.getStringStats().getCommonStats();
            case BYTES_STATS -> stats.getBytesStats().getCommonStats();
            case STRUCT_STATS -> stats.getStructStats().getCommonStats();
            case STATS_NOT_SET -> CommonStatistics.getDefaultInstance();
        };
    }

    /** {@return whether the feature has any of the statistics inference knows (TFDV drops derived composites)} */
    boolean hasStats() {
        return stats.getStatsCase() != FeatureNameStatistics.StatsCase.STATS_NOT_SET;
    }

    /** {@return examples that have the feature (an empty list counts as present)} */
    double numPresent() {
        return byWeight ? common().getWeightedCommonStats().getNumNonMissing() : common().getNumNonMissing();
    }

    /** {@return examples that lack the feature} */
    double numMissing() {
        return byWeight ? common().getWeightedCommonStats().getNumMissing() : common().getNumMissing();
    }

    /** {@return the fraction of examples that have the feature: exactly 1 when none lacks it} */
    double fractionPresent() {
        if (numMissing() == 0) {
            return 1.0;
        }
        return numExamples <= 0 ? 0.0 : numPresent() / numExamples;
    }

    /** {@return values over all examples} */
    double totalValues() {
        CommonStatistics common = common();
        if (byWeight) {
            double total = common.getWeightedCommonStats().getTotNumValues();
            return total > 0
                    ? total
                    : common.getWeightedCommonStats().getNumNonMissing()
                            * common.getWeightedCommonStats().getAvgNumValues();
        }
        return common.getTotNumValues() > 0
                ? common.getTotNumValues()
                : common.getNumNonMissing() * (double) common.getAvgNumValues();
    }

    /** {@return nesting levels of the values: 1 for a flat feature} */
    int levels() {
        return Math.max(1, common().getPresenceAndValencyStatsCount());
    }

    /** {@return the fewest values an example that has the feature has, at a nesting level} */
    long minValues(int level) {
        CommonStatistics common = common();
        return common.getPresenceAndValencyStatsCount() > level
                ? common.getPresenceAndValencyStats(level).getMinNumValues()
                : common.getMinNumValues();
    }

    /** {@return the most values an example that has the feature has, at a nesting level} */
    long maxValues(int level) {
        CommonStatistics common = common();
        return common.getPresenceAndValencyStatsCount() > level
                ? common.getPresenceAndValencyStats(level).getMaxNumValues()
                : common.getMaxNumValues();
    }

    /** {@return examples lacking the feature at a nesting level} */
    long missingAt(int level) {
        CommonStatistics common = common();
        return common.getPresenceAndValencyStatsCount() > level
                ? common.getPresenceAndValencyStats(level).getNumMissing()
                : common.getNumMissing();
    }

    /** {@return whether the feature carries string statistics (strings, or numbers declared categorical)} */
    boolean hasStringStats() {
        return stats.hasStringStats();
    }

    /** {@return the rank histogram validation reads: label to count, in rank order} */
    Map<String, Double> labels() {
        if (!stats.hasStringStats()) {
            return Map.of();
        }
        RankHistogram histogram = byWeight && stats.getStringStats().hasWeightedStringStats()
                ? stats.getStringStats().getWeightedStringStats().getRankHistogram()
                : stats.getStringStats().getRankHistogram();
        Map<String, Double> labels = new LinkedHashMap<>();
        for (RankHistogram.Bucket bucket : histogram.getBucketsList()) {
            labels.merge(bucket.getLabel(), bucket.getSampleCount(), Double::sum);
        }
        return labels;
    }

    /** {@return distinct values, when the feature has string statistics} */
    Optional<Long> unique() {
        return stats.hasStringStats() ? Optional.of(stats.getStringStats().getUnique()) : Optional.empty();
    }

    /** {@return values that are not valid UTF-8} */
    long invalidUtf8() {
        return stats.hasStringStats() ? stats.getStringStats().getInvalidUtf8Count() : 0;
    }

    /** {@return whether the feature has numeric statistics} */
    boolean hasNumStats() {
        return stats.hasNumStats();
    }

    double min() {
        return stats.getNumStats().getMin();
    }

    double max() {
        return stats.getNumStats().getMax();
    }

    /** {@return NaN values, from any histogram that counts them} */
    double numNan() {
        double nan = 0;
        for (Histogram histogram : histograms()) {
            nan = Math.max(nan, histogram.getNumNan());
        }
        return nan;
    }

    /** {@return the numeric histograms validation reads} */
    List<Histogram> histograms() {
        if (!stats.hasNumStats()) {
            return List.of();
        }
        if (byWeight && stats.getNumStats().hasWeightedNumericStats()) {
            return stats.getNumStats().getWeightedNumericStats().getHistogramsList();
        }
        return stats.getNumStats().getHistogramsList();
    }

    /** {@return the first numeric histogram of {@code type} validation reads, if any} */
    Optional<Histogram> histogram(Histogram.HistogramType type) {
        for (Histogram histogram : histograms()) {
            if (histogram.getType() == type) {
                return Optional.of(histogram);
            }
        }
        return Optional.empty();
    }

    /** {@return the custom statistics named {@code domain_info} (semantic domains inferred by TFDV)} */
    List<String> domainInfos() {
        List<String> infos = new ArrayList<>();
        for (CustomStatistic custom : stats.getCustomStatsList()) {
            if (custom.getName().equals("domain_info") && custom.hasStr()) {
                infos.add(custom.getStr());
            }
        }
        return infos;
    }

    /** {@return the statistics type's name, as TFDV names it in messages} */
    String typeName() {
        return stats.getType().name();
    }
}
