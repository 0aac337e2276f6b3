package dev.veracity.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.StringStatistics;
import dev.veracity.proto.WeightedCommonStatistics;
import dev.veracity.proto.WeightedNumericStatistics;
import dev.veracity.proto.WeightedStringStatistics;
import dev.veracity.stats.StatisticsOptions;
import java.util.List;

/**
 * Checks of TFDV's {@code weighted_*} statistics against {@link WeightedBruteForce}: sums within
 * {@value #RELATIVE_ERROR} relative (of the total weight, or of the data's scale for means), sketched quantiles by
 * weighted rank within {@link StatisticsOptions#weightedQuantilesRankError()}, STANDARD bucket weights within twice
 * that times the total weight.
 */
public final class WeightedAssertions {
    /** Float sums depend on order; the oracle's are exact, so this is the error of summing in doubles. */
    public static final double RELATIVE_ERROR = 1e-9;

    private WeightedAssertions() {}

    /** Checks {@code actual} within {@link #RELATIVE_ERROR} of the larger of |expected| and {@code scale}. */
    public static void assertSum(String what, double actual, double expected, double scale) {
        StatisticsAssertions.assertClose(what, actual, expected, Math.max(scale, Double.MIN_NORMAL));
    }

    public static void assertCommon(
            WeightedCommonStatistics actual, WeightedBruteForce.Common expected, double weightedNumExamples) {
        assertSum("weighted num_non_missing", actual.getNumNonMissing(), expected.numNonMissing(), weightedNumExamples);
        assertSum("weighted num_missing", actual.getNumMissing(), expected.numMissing(), weightedNumExamples);
        assertSum(
                "weighted tot_num_values", actual.getTotNumValues(), expected.totNumValues(), expected.totNumValues());
        assertSum("weighted avg_num_values", actual.getAvgNumValues(), expected.avgNumValues(), 1);
    }

    /** Checks a numeric feature's {@code weighted_numeric_stats}; {@code numNan} is the unweighted NaN count. */
    public static void assertNumeric(
            FeatureNameStatistics actual,
            WeightedBruteForce.Numeric expected,
            BruteForceStatistics.Numeric unweighted,
            StatisticsOptions options) {
        if (!expected.hasValues()) {
            assertThat(actual.getNumStats().hasWeightedNumericStats())
                    .as("weighted_numeric_stats without values")
                    .isFalse();
            return;
        }
        assertThat(actual.getNumStats().hasWeightedNumericStats())
                .as("has weighted_numeric_stats")
                .isTrue();
        WeightedNumericStatistics s = actual.getNumStats().getWeightedNumericStats();
        assertSum("weighted mean", s.getMean(), expected.mean(), expected.scale());
        assertSum("weighted std_dev", s.getStdDev(), expected.stdDev(), expected.scale());
        assertThat(s.getHistogramsCount()).as("weighted histograms").isEqualTo(2);
        Histogram standard = s.getHistograms(0);
        Histogram quantiles = s.getHistograms(1);
        assertThat(standard.getType()).isEqualTo(Histogram.HistogramType.STANDARD);
        assertThat(quantiles.getType()).isEqualTo(Histogram.HistogramType.QUANTILES);
        assertThat(standard.getNumNan()).as("weighted standard num_nan").isEqualTo(unweighted.numNan());
        assertThat(quantiles.getNumNan()).as("weighted quantiles num_nan").isEqualTo(unweighted.numNan());
        if (expected.sortedValues().length == 0) {
            assertThat(s.getMedian()).as("weighted median without weight").isZero();
            assertThat(standard.getBucketsCount())
                    .as("weighted standard buckets without weight")
                    .isZero();
            assertThat(quantiles.getBucketsCount())
                    .as("weighted quantiles buckets without weight")
                    .isZero();
            return;
        }
        double rankError = options.weightedQuantilesRankError();
        assertRank("weighted median", expected, s.getMedian(), 0.5, rankError);
        assertStandard(standard, expected, unweighted, options.numHistogramBuckets(), rankError);
        assertQuantiles(quantiles, expected, options.numQuantilesHistogramBuckets(), rankError);
    }

    public static void assertRank(
            String what, WeightedBruteForce.Numeric expected, double value, double target, double rankError) {
        assertThat(expected.rankDistance(value, target))
                .as("%s = %s: weighted rank distance from %s", what, value, target)
                .isLessThanOrEqualTo(rankError + 1e-12);
    }

    private static void assertQuantiles(
            Histogram h, WeightedBruteForce.Numeric expected, int buckets, double rankError) {
        double[] sorted = expected.sortedValues();
        assertThat(h.getBucketsCount()).as("weighted quantiles buckets").isEqualTo(buckets);
        StatisticsAssertions.assertSame(
                "weighted quantiles first low_value", h.getBuckets(0).getLowValue(), sorted[0]);
        StatisticsAssertions.assertSame(
                "weighted quantiles last high_value",
                h.getBuckets(buckets - 1).getHighValue(),
                sorted[sorted.length - 1]);
        for (int i = 0; i < buckets; i++) {
            Histogram.Bucket bucket = h.getBuckets(i);
            assertSum(
                    "weighted quantiles sample_count " + i,
                    bucket.getSampleCount(),
                    expected.totalWeight() / buckets,
                    expected.totalWeight());
            if (i > 0) {
                StatisticsAssertions.assertSame(
                        "weighted quantiles contiguous at " + i,
                        bucket.getLowValue(),
                        h.getBuckets(i - 1).getHighValue());
                assertRank(
                        "weighted quantiles boundary " + i,
                        expected,
                        bucket.getLowValue(),
                        (double) i / buckets,
                        rankError);
            }
        }
    }

    private static void assertStandard(
            Histogram h,
            WeightedBruteForce.Numeric expected,
            BruteForceStatistics.Numeric unweighted,
            int buckets,
            double rankError) {
        List<Histogram.Bucket> list = h.getBucketsList();
        double total = expected.totalWeight();
        int i = 0;
        if (expected.negativeInfinityWeight() > 0) {
            assertPoint(list.get(i++), Double.NEGATIVE_INFINITY, expected.negativeInfinityWeight(), total);
        }
        double tolerance = 2 * rankError * total + RELATIVE_ERROR * total;
        if (expected.finiteWeight() > 0) {
            double low = unweighted.finiteMin();
            double high = unweighted.finiteMax();
            if (low == high) {
                assertPoint(list.get(i++), low, expected.finiteWeight(), total);
            } else {
                for (int b = 0; b < buckets; b++) {
                    Histogram.Bucket bucket = list.get(i++);
                    if (b == 0) {
                        StatisticsAssertions.assertSame("weighted standard first low_value", bucket.getLowValue(), low);
                    }
                    if (b == buckets - 1) {
                        StatisticsAssertions.assertSame(
                                "weighted standard last high_value", bucket.getHighValue(), high);
                    }
                    double truth = expected.weightBetween(bucket.getLowValue(), bucket.getHighValue(), b == 0);
                    assertThat(bucket.getSampleCount())
                            .as("weighted standard bucket %d weight (true %s)", b, truth)
                            .isGreaterThanOrEqualTo(0)
                            .isCloseTo(truth, offset(tolerance));
                }
            }
        }
        if (expected.positiveInfinityWeight() > 0) {
            assertPoint(list.get(i++), Double.POSITIVE_INFINITY, expected.positiveInfinityWeight(), total);
        }
        assertThat(list).as("weighted standard buckets").hasSize(i);
        double sum = list.stream().mapToDouble(Histogram.Bucket::getSampleCount).sum();
        assertSum("weighted standard total", sum, total, total);
    }

    private static void assertPoint(Histogram.Bucket bucket, double value, double weight, double total) {
        StatisticsAssertions.assertSame("point bucket low_value", bucket.getLowValue(), value);
        StatisticsAssertions.assertSame("point bucket high_value", bucket.getHighValue(), value);
        assertSum("point bucket [" + value + "] weight", bucket.getSampleCount(), weight, total);
    }

    /**
     * Checks exactly counted {@code weighted_string_stats}: the values of sums at least TFDV's threshold, in order,
     * with their sums; values whose sums differ by rounding only may swap places.
     *
     * @param ranked the oracle's ranking, before the threshold
     */
    public static void assertStrings(
            FeatureNameStatistics actual,
            List<WeightedBruteForce.LabelWeight> ranked,
            double threshold,
            StatisticsOptions options) {
        StringStatistics s = actual.getStringStats();
        assertThat(s.hasWeightedStringStats()).as("has weighted_string_stats").isTrue();
        WeightedStringStatistics w = s.getWeightedStringStats();
        List<WeightedBruteForce.LabelWeight> expected = WeightedBruteForce.atLeast(ranked, threshold);
        int top = Math.min(options.numTopValues(), expected.size());
        assertThat(w.getTopValuesCount()).as("weighted top_values").isEqualTo(top);
        for (int i = 0; i < top; i++) {
            assertRanked(
                    "weighted top_values " + i,
                    w.getTopValues(i).getValue(),
                    w.getTopValues(i).getFrequency(),
                    expected,
                    i);
        }
        RankHistogram rank = w.getRankHistogram();
        int labels = Math.min(options.numRankHistogramBuckets(), expected.size());
        assertThat(rank.getBucketsCount()).as("weighted rank_histogram buckets").isEqualTo(labels);
        for (int i = 0; i < labels; i++) {
            RankHistogram.Bucket bucket = rank.getBuckets(i);
            assertThat(bucket.getLowRank()).as("low_rank %d", i).isEqualTo(i);
            assertThat(bucket.getHighRank()).as("high_rank %d", i).isEqualTo(i);
            assertRanked("weighted rank_histogram " + i, bucket.getLabel(), bucket.getSampleCount(), expected, i);
        }
    }

    private static void assertRanked(
            String what, String label, double weight, List<WeightedBruteForce.LabelWeight> expected, int i) {
        double truth = expected.get(i).weight();
        assertSum(what + " weight", weight, truth, truth);
        if (label.equals(expected.get(i).label())) {
            return;
        }
        boolean nearTie = false;
        for (WeightedBruteForce.LabelWeight other : expected) {
            if (other.label().equals(label) && Math.abs(other.weight() - truth) <= RELATIVE_ERROR * truth) {
                nearTie = true;
            }
        }
        assertThat(nearTie)
                .as(
                        "%s: expected %s (%s), found %s (%s), not a rounding tie",
                        what, expected.get(i).label(), truth, label, weight)
                .isTrue();
    }
}
