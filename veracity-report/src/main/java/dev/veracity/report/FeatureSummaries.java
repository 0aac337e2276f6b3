package dev.veracity.report;

import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one feature's TFDV statistics into the summary the report shows. Unweighted statistics throughout.
 *
 * <pre>{@code
 * FeatureSummary summary = FeatureSummaries.of(featureStatistics, 50);
 * }</pre>
 */
public final class FeatureSummaries {
    private FeatureSummaries() {}

    /**
     * {@return the summary of a feature's statistics}
     *
     * @param maxTopValues the most values a categorical summary keeps (the rest is counted, not kept)
     */
    public static FeatureSummary of(FeatureNameStatistics statistics, int maxTopValues) {
        if (maxTopValues < 1) {
            throw new IllegalArgumentException("maxTopValues must be at least 1: " + maxTopValues);
        }
        return switch (statistics.getStatsCase()) {
            case NUM_STATS -> numeric(statistics.getNumStats());
            case STRING_STATS -> categorical(statistics.getStringStats(), maxTopValues);
            case BYTES_STATS -> presence(statistics.getBytesStats().getCommonStats());
            case STRUCT_STATS -> presence(statistics.getStructStats().getCommonStats());
            case STATS_NOT_SET -> new PresenceSummary(0, 0);
        };
    }

    /**
     * {@return the label counts of a categorical feature, in rank order: the rank histogram, which the validator's
     * comparators read, or the top values when the statistics have no rank histogram}
     */
    public static Map<String, Double> labels(StringStatistics statistics) {
        Map<String, Double> labels = new LinkedHashMap<>();
        RankHistogram rank = statistics.getRankHistogram();
        if (rank.getBucketsCount() > 0) {
            for (RankHistogram.Bucket bucket : rank.getBucketsList()) {
                labels.merge(bucket.getLabel(), bucket.getSampleCount(), Double::sum);
            }
        } else {
            for (StringStatistics.FreqAndValue top : statistics.getTopValuesList()) {
                labels.merge(top.getValue(), top.getFrequency(), Double::sum);
            }
        }
        return labels;
    }

    private static PresenceSummary presence(CommonStatistics common) {
        return new PresenceSummary(common.getNumNonMissing(), missingFraction(common));
    }

    private static NumericSummary numeric(NumericStatistics statistics) {
        CommonStatistics common = statistics.getCommonStats();
        List<Bucket> standard = buckets(statistics, Histogram.HistogramType.STANDARD);
        List<Bucket> quantiles = buckets(statistics, Histogram.HistogramType.QUANTILES);
        double numNan = 0;
        for (Histogram histogram : statistics.getHistogramsList()) {
            numNan = Math.max(numNan, histogram.getNumNan());
        }
        double values = totalValues(common);
        double[] counts = new double[standard.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = standard.get(i).count();
        }
        return new NumericSummary(
                common.getNumNonMissing(),
                missingFraction(common),
                statistics.getMean(),
                statistics.getStdDev(),
                values > 0 ? Math.min(1.0, statistics.getNumZeros() / values) : 0,
                statistics.getMin(),
                statistics.getMedian(),
                statistics.getMax(),
                numNan,
                standard,
                quantiles,
                NonUniformity.of(counts));
    }

    private static CategoricalSummary categorical(StringStatistics statistics, int maxTopValues) {
        CommonStatistics common = statistics.getCommonStats();
        Map<String, Double> labels = labels(statistics);
        List<ValueCount> top = new ArrayList<>(Math.min(maxTopValues, labels.size()));
        double[] counts = new double[labels.size()];
        int i = 0;
        for (Map.Entry<String, Double> label : labels.entrySet()) {
            if (i < maxTopValues) {
                top.add(new ValueCount(label.getKey(), label.getValue()));
            }
            counts[i++] = label.getValue();
        }
        return new CategoricalSummary(
                common.getNumNonMissing(),
                missingFraction(common),
                statistics.getUnique(),
                totalValues(common),
                statistics.getAvgLength(),
                top,
                labels.size(),
                NonUniformity.of(counts));
    }

    private static List<Bucket> buckets(NumericStatistics statistics, Histogram.HistogramType type) {
        for (Histogram histogram : statistics.getHistogramsList()) {
            if (histogram.getType() == type) {
                List<Bucket> buckets = new ArrayList<>(histogram.getBucketsCount());
                for (Histogram.Bucket bucket : histogram.getBucketsList()) {
                    buckets.add(new Bucket(bucket.getLowValue(), bucket.getHighValue(), bucket.getSampleCount()));
                }
                return buckets;
            }
        }
        return List.of();
    }

    private static double missingFraction(CommonStatistics common) {
        double examples = common.getNumNonMissing() + common.getNumMissing();
        return examples > 0 ? common.getNumMissing() / examples : 0;
    }

    /** Values over all examples: TFDV's {@code tot_num_values}, or present examples times the average. */
    private static double totalValues(CommonStatistics common) {
        return common.getTotNumValues() > 0
                ? common.getTotNumValues()
                : common.getNumNonMissing() * (double) common.getAvgNumValues();
    }
}
