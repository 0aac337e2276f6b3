package dev.veracity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.stats.StatisticsOptions;
import java.util.List;

/**
 * Checks of accumulator results against {@link BruteForceStatistics}: exact fields exactly, mean and standard
 * deviation within {@value #RELATIVE_ERROR} relative, and sketched fields by rank: a quantile boundary must lie within
 * the options' rank error of its target rank (ties count as the whole interval of ranks they occupy), and a STANDARD
 * bucket count within twice the rank error times N of the true count.
 */
public final class StatisticsAssertions {
    /** Float sums depend on order; the oracle's are exact, so this is the error of summing in doubles. */
    public static final double RELATIVE_ERROR = 1e-9;

    private StatisticsAssertions() {}

    public static void assertCommon(
            CommonStatistics actual, BruteForceStatistics.Common expected, StatisticsOptions options) {
        assertThat(actual.getNumNonMissing()).as("num_non_missing").isEqualTo(expected.numNonMissing());
        assertThat(actual.getNumMissing()).as("num_missing").isEqualTo(expected.numMissing());
        if (expected.numNonMissing() == 0) {
            assertThat(actual)
                    .as("common stats of a feature never present")
                    .isEqualTo(CommonStatistics.newBuilder()
                            .setNumMissing(expected.numMissing())
                            .build());
            return;
        }
        assertThat(actual.getMinNumValues()).as("min_num_values").isEqualTo(expected.minNumValues());
        assertThat(actual.getMaxNumValues()).as("max_num_values").isEqualTo(expected.maxNumValues());
        assertThat(actual.getTotNumValues()).as("tot_num_values").isEqualTo(expected.totNumValues());
        assertThat(actual.getAvgNumValues()).as("avg_num_values").isEqualTo(expected.avgNumValues());
        assertQuantiles(
                "num_values_histogram",
                actual.getNumValuesHistogram(),
                expected.sortedValueCounts(),
                0,
                options.numValuesHistogramBuckets(),
                options.quantilesRankError());
    }

    public static void assertNumeric(
            FeatureNameStatistics actual,
            BruteForceStatistics.Numeric expected,
            FeatureType type,
            StatisticsOptions options) {
        assertThat(actual.getType())
                .as("type")
                .isEqualTo(type == FeatureType.INT ? FeatureNameStatistics.Type.INT : FeatureNameStatistics.Type.FLOAT);
        assertThat(actual.hasNumStats()).as("has num_stats").isTrue();
        assertThat(actual.getCustomStatsList()).as("custom_stats").isEmpty();
        NumericStatistics s = actual.getNumStats();
        assertCommon(s.getCommonStats(), expected.common(), options);
        if (expected.count() + expected.numNan() == 0) {
            assertThat(s.toBuilder().clearCommonStats().build())
                    .as("num_stats of a feature without values")
                    .isEqualTo(NumericStatistics.getDefaultInstance());
            return;
        }
        assertThat(s.getNumZeros()).as("num_zeros").isEqualTo(expected.numZeros());
        assertThat(s.getHistogramsCount()).as("histograms").isEqualTo(2);
        Histogram standard = s.getHistograms(0);
        Histogram quantiles = s.getHistograms(1);
        assertThat(standard.getType()).isEqualTo(Histogram.HistogramType.STANDARD);
        assertThat(standard.getNumNan()).as("standard num_nan").isEqualTo(expected.numNan());
        if (expected.count() == 0) {
            NumericStatistics onlyNan = NumericStatistics.newBuilder()
                    .setCommonStats(s.getCommonStats())
                    .addHistograms(Histogram.newBuilder().setNumNan(expected.numNan()))
                    .addHistograms(Histogram.newBuilder()
                            .setNumNan(expected.numNan())
                            .setType(Histogram.HistogramType.QUANTILES))
                    .build();
            assertThat(s).as("num_stats of a feature whose values are all NaN").isEqualTo(onlyNan);
            return;
        }
        assertSame("min", s.getMin(), expected.min());
        assertSame("max", s.getMax(), expected.max());
        assertClose("mean", s.getMean(), expected.mean(), expected.scale());
        assertClose("std_dev", s.getStdDev(), expected.stdDev(), expected.scale());
        assertRank("median", expected.sortedValues(), s.getMedian(), 0.5, options.quantilesRankError());
        assertStandard(standard, expected, options.numHistogramBuckets(), options.quantilesRankError());
        assertQuantiles(
                "quantiles histogram",
                quantiles,
                expected.sortedValues(),
                expected.numNan(),
                options.numQuantilesHistogramBuckets(),
                options.quantilesRankError());
    }

    /** Checks a STRING feature's statistics, counted exactly (at most {@code maxExactDistinct} distinct values). */
    public static void assertStrings(
            FeatureNameStatistics actual, BruteForceStatistics.Strings expected, StatisticsOptions options) {
        assertThat(actual.getType()).as("type").isEqualTo(FeatureNameStatistics.Type.STRING);
        assertThat(actual.hasStringStats()).as("has string_stats").isTrue();
        assertThat(actual.getCustomStatsList())
                .as("custom_stats of exact counts")
                .isEmpty();
        StringStatistics s = actual.getStringStats();
        assertCommon(s.getCommonStats(), expected.common(), options);
        assertThat(s.getInvalidUtf8Count()).as("invalid_utf8_count").isEqualTo(expected.invalidUtf8Count());
        if (expected.valueCount() == 0) {
            assertThat(s.toBuilder().clearCommonStats().build())
                    .as("string_stats of a feature without values")
                    .isEqualTo(StringStatistics.getDefaultInstance());
            return;
        }
        assertThat(s.getUnique()).as("unique").isEqualTo(expected.unique());
        assertThat(s.getAvgLength()).as("avg_length").isEqualTo(expected.avgLength());
        List<BruteForceStatistics.LabelCount> ranked = expected.ranked();
        List<BruteForceStatistics.LabelCount> top = ranked.subList(0, Math.min(options.numTopValues(), ranked.size()));
        assertThat(s.getTopValuesList())
                .as("top_values")
                .extracting(v -> new BruteForceStatistics.LabelCount(v.getValue(), (long) v.getFrequency()))
                .containsExactlyElementsOf(top);
        assertThat(s.getTopValuesList())
                .allSatisfy(v -> assertThat(v.getFrequency() % 1).isZero());
        RankHistogram rank = s.getRankHistogram();
        int labels = Math.min(options.numRankHistogramBuckets(), ranked.size());
        assertThat(rank.getBucketsCount()).as("rank_histogram buckets").isEqualTo(labels);
        for (int i = 0; i < labels; i++) {
            RankHistogram.Bucket bucket = rank.getBuckets(i);
            assertThat(bucket.getLowRank()).as("low_rank %d", i).isEqualTo(i);
            assertThat(bucket.getHighRank()).as("high_rank %d", i).isEqualTo(i);
            assertThat(bucket.getLabel())
                    .as("label %d", i)
                    .isEqualTo(ranked.get(i).label());
            assertThat(bucket.getSampleCount())
                    .as("sample_count %d", i)
                    .isEqualTo(ranked.get(i).count());
        }
    }

    /** {@return the statistics without the fields that are sketched or depend on the order of float additions} */
    public static FeatureNameStatistics exactPart(FeatureNameStatistics statistics) {
        FeatureNameStatistics.Builder b = statistics.toBuilder();
        if (b.hasNumStats()) {
            b.getNumStatsBuilder()
                    .clearMean()
                    .clearStdDev()
                    .clearMedian()
                    .clearHistograms()
                    .getCommonStatsBuilder()
                    .clearNumValuesHistogram();
        }
        if (b.hasStringStats()) {
            b.getStringStatsBuilder().getCommonStatsBuilder().clearNumValuesHistogram();
        }
        return b.build();
    }

    /** Checks that two results of the same rows agree: exact fields exactly, mean and std_dev closely. */
    public static void assertSameExactFields(
            FeatureNameStatistics actual, FeatureNameStatistics expected, double scale) {
        assertThat(exactPart(actual)).isEqualTo(exactPart(expected));
        assertClose(
                "mean", actual.getNumStats().getMean(), expected.getNumStats().getMean(), scale);
        assertClose(
                "std_dev",
                actual.getNumStats().getStdDev(),
                expected.getNumStats().getStdDev(),
                scale);
    }

    /** Checks {@code actual == expected} as doubles (so -0.0 equals 0.0), or both NaN. */
    public static void assertSame(String what, double actual, double expected) {
        assertThat(actual == expected || Double.isNaN(actual) && Double.isNaN(expected))
                .as("%s: expected %s, found %s", what, expected, actual)
                .isTrue();
    }

    /** Checks a sum-derived value within {@link #RELATIVE_ERROR} of the larger of |expected| and the data's scale. */
    public static void assertClose(String what, double actual, double expected, double scale) {
        if (!Double.isFinite(expected)) {
            assertSame(what, actual, expected);
            return;
        }
        double tolerance = RELATIVE_ERROR * Math.max(Math.abs(expected), scale);
        assertThat(Math.abs(actual - expected))
                .as("%s: expected %s, found %s", what, expected, actual)
                .isLessThanOrEqualTo(tolerance);
    }

    public static void assertRank(String what, double[] sorted, double value, double targetRank, double rankError) {
        double distance = BruteForceStatistics.rankDistance(sorted, value, targetRank);
        assertThat(distance)
                .as("%s = %s: rank distance from %s", what, value, targetRank)
                .isLessThanOrEqualTo(rankError + 1e-12);
    }

    /** Checks TFDV's equal-mass histogram: exact ends, N / buckets per bucket, inner boundaries within rank error. */
    public static void assertQuantiles(
            String what, Histogram h, double[] sorted, long numNan, int buckets, double rankError) {
        assertThat(h.getType()).as("%s type", what).isEqualTo(Histogram.HistogramType.QUANTILES);
        assertThat(h.getNumNan()).as("%s num_nan", what).isEqualTo(numNan);
        assertThat(h.getBucketsCount()).as("%s buckets", what).isEqualTo(buckets);
        int n = sorted.length;
        assertSame(what + " first low_value", h.getBuckets(0).getLowValue(), sorted[0]);
        assertSame(what + " last high_value", h.getBuckets(buckets - 1).getHighValue(), sorted[n - 1]);
        double sum = 0;
        for (int i = 0; i < buckets; i++) {
            Histogram.Bucket bucket = h.getBuckets(i);
            assertThat(bucket.getSampleCount())
                    .as("%s sample_count %d", what, i)
                    .isEqualTo((double) n / buckets);
            sum += bucket.getSampleCount();
            if (i > 0) {
                assertSame(
                        what + " contiguous at " + i,
                        bucket.getLowValue(),
                        h.getBuckets(i - 1).getHighValue());
                assertRank(what + " boundary " + i, sorted, bucket.getLowValue(), (double) i / buckets, rankError);
            }
        }
        assertThat(sum).as("%s total", what).isCloseTo(n, offset(1e-9 * n));
    }

    /** Checks TFDV's equal-width histogram: infinities as point buckets, finite counts within 2 eps N of the truth. */
    public static void assertStandard(
            Histogram h, BruteForceStatistics.Numeric expected, int buckets, double rankError) {
        List<Histogram.Bucket> list = h.getBucketsList();
        int i = 0;
        if (expected.negativeInfinityCount() > 0) {
            assertPoint(list.get(i++), Double.NEGATIVE_INFINITY, expected.negativeInfinityCount());
        }
        double[] sorted = expected.sortedValues();
        double tolerance = 2 * rankError * expected.count() + 1e-9;
        if (expected.finiteCount() > 0) {
            double low = expected.finiteMin();
            double high = expected.finiteMax();
            if (low == high) {
                assertPoint(list.get(i++), low, expected.finiteCount());
            } else {
                for (int b = 0; b < buckets; b++) {
                    Histogram.Bucket bucket = list.get(i++);
                    if (b == 0) {
                        assertSame("standard first low_value", bucket.getLowValue(), low);
                    } else {
                        assertSame(
                                "standard contiguous at " + b,
                                bucket.getLowValue(),
                                list.get(i - 2).getHighValue());
                    }
                    if (b == buckets - 1) {
                        assertSame("standard last high_value", bucket.getHighValue(), high);
                    }
                    assertThat(bucket.getLowValue())
                            .as("standard bucket %d is not empty", b)
                            .isLessThan(bucket.getHighValue());
                    long below = b == 0
                            ? BruteForceStatistics.countBelow(sorted, bucket.getLowValue())
                            : BruteForceStatistics.countUpTo(sorted, bucket.getLowValue());
                    long truth = BruteForceStatistics.countUpTo(sorted, bucket.getHighValue()) - below;
                    assertThat(bucket.getSampleCount())
                            .as("standard bucket %d count (true %d)", b, truth)
                            .isGreaterThanOrEqualTo(0)
                            .isCloseTo(truth, offset(tolerance));
                }
            }
        }
        if (expected.positiveInfinityCount() > 0) {
            assertPoint(list.get(i++), Double.POSITIVE_INFINITY, expected.positiveInfinityCount());
        }
        assertThat(list).as("standard buckets").hasSize(i);
        double sum = list.stream().mapToDouble(Histogram.Bucket::getSampleCount).sum();
        assertThat(sum).as("standard total").isCloseTo(expected.count(), offset(1e-9 * expected.count()));
    }

    private static void assertPoint(Histogram.Bucket bucket, double value, long count) {
        assertSame("point bucket low_value", bucket.getLowValue(), value);
        assertSame("point bucket high_value", bucket.getHighValue(), value);
        assertThat(bucket.getSampleCount())
                .as("point bucket [%s, %s] count", value, value)
                .isEqualTo(count);
    }
}
