package dev.veracity.stats;

import static dev.veracity.testing.StatisticsAssertions.assertNumeric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NumericAccumulatorTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    private static FeatureNameStatistics statistics(FeatureType type, List<double[]> rows) {
        return Rows.numeric("x", type, OPTIONS, rows, 1000).result(rows.size());
    }

    private static List<double[]> rows(double[]... rows) {
        List<double[]> list = new ArrayList<>();
        Collections.addAll(list, rows);
        return list;
    }

    @Nested
    class GeneratedData {
        @ParameterizedTest
        @EnumSource(
                value = FeatureType.class,
                names = {"INT", "FLOAT"})
        void everyFieldMatchesTheOracle(FeatureType type) {
            List<double[]> rows = new GeneratedRows(11).numericRows(type, 20_000);
            FeatureNameStatistics actual = statistics(type, rows);
            assertNumeric(actual, BruteForceStatistics.numeric(rows), type, OPTIONS);
        }

        @Test
        void smallBatchesGiveTheSameStatistics() {
            List<double[]> rows = new GeneratedRows(12).numericRows(FeatureType.FLOAT, 3_000);
            FeatureNameStatistics actual =
                    Rows.numeric("x", FeatureType.FLOAT, OPTIONS, rows, 7).result(rows.size());
            BruteForceStatistics.Numeric expected = BruteForceStatistics.numeric(rows);
            assertNumeric(actual, expected, FeatureType.FLOAT, OPTIONS);
            StatisticsAssertions.assertSameExactFields(actual, statistics(FeatureType.FLOAT, rows), expected.scale());
        }

        @Test
        void otherBucketCountsAndACoarserRankError() {
            StatisticsOptions options = StatisticsOptions.builder()
                    .numHistogramBuckets(7)
                    .numQuantilesHistogramBuckets(4)
                    .numValuesHistogramBuckets(3)
                    .quantilesRankError(0.05)
                    .build();
            List<double[]> rows = new GeneratedRows(13).numericRows(FeatureType.FLOAT, 20_000);
            FeatureNameStatistics actual =
                    Rows.numeric("x", FeatureType.FLOAT, options, rows, 500).result(rows.size());
            assertNumeric(actual, BruteForceStatistics.numeric(rows), FeatureType.FLOAT, options);
        }

        @Test
        void finiteValuesOnlyHaveFiniteMomentsAndTenBuckets() {
            List<double[]> rows = new ArrayList<>();
            for (double[] row : new GeneratedRows(14).numericRows(FeatureType.FLOAT, 5_000)) {
                rows.add(
                        row == null
                                ? null
                                : Arrays.stream(row).filter(Double::isFinite).toArray());
            }
            FeatureNameStatistics actual = statistics(FeatureType.FLOAT, rows);
            BruteForceStatistics.Numeric expected = BruteForceStatistics.numeric(rows);
            assertNumeric(actual, expected, FeatureType.FLOAT, OPTIONS);
            assertThat(actual.getNumStats().getStdDev()).isPositive().isFinite();
            assertThat(actual.getNumStats().getHistograms(0).getBucketsCount()).isEqualTo(10);
        }
    }

    @Nested
    class KnownValues {
        @Test
        void smallDatasetHasTfdvFields() {
            List<double[]> rows = rows(new double[] {1}, new double[] {2, 3}, null, new double[0], new double[] {4});
            FeatureNameStatistics s = statistics(FeatureType.FLOAT, rows);
            assertThat(s.getPath())
                    .isEqualTo(FeaturePaths.Path.newBuilder().addStep("x").build());
            assertThat(s.getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            CommonStatistics common = s.getNumStats().getCommonStats();
            assertThat(common.toBuilder().clearNumValuesHistogram().build())
                    .isEqualTo(CommonStatistics.newBuilder()
                            .setNumNonMissing(4)
                            .setNumMissing(1)
                            .setMinNumValues(0)
                            .setMaxNumValues(2)
                            .setAvgNumValues(1f)
                            .setTotNumValues(4)
                            .build());
            NumericStatistics n = s.getNumStats();
            assertThat(n.getMean()).isEqualTo(2.5);
            assertThat(n.getStdDev()).isCloseTo(Math.sqrt(1.25), offset(1e-15));
            assertThat(n.getMin()).isEqualTo(1);
            assertThat(n.getMax()).isEqualTo(4);
            assertThat(n.getNumZeros()).isZero();
            assertThat(n.getMedian()).isIn(2.0, 3.0);
            assertThat(n.getHistograms(0).getBucketsList())
                    .extracting(Histogram.Bucket::getSampleCount)
                    .containsExactly(1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0);
            assertThat(n.getHistograms(1).getBucketsList())
                    .allSatisfy(b -> assertThat(b.getSampleCount()).isEqualTo(0.4));
        }

        @Test
        void zerosOfBothSignsAreCounted() {
            FeatureNameStatistics s = statistics(FeatureType.FLOAT, rows(new double[] {0.0, -0.0, 1, Double.NaN}));
            assertThat(s.getNumStats().getNumZeros()).isEqualTo(2);
        }

        @Test
        void positiveInfinityMakesTheMeanInfiniteAndTheStandardDeviationNaN() {
            NumericStatistics n = statistics(FeatureType.FLOAT, rows(new double[] {1, 2, Double.POSITIVE_INFINITY}))
                    .getNumStats();
            assertThat(n.getMean()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(n.getStdDev()).isNaN();
            assertThat(n.getMax()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(n.getMin()).isEqualTo(1);
            Histogram standard = n.getHistograms(0);
            assertThat(standard.getBuckets(standard.getBucketsCount() - 1))
                    .isEqualTo(Histogram.Bucket.newBuilder()
                            .setLowValue(Double.POSITIVE_INFINITY)
                            .setHighValue(Double.POSITIVE_INFINITY)
                            .setSampleCount(1)
                            .build());
        }

        @Test
        void infinitiesOfBothSignsMakeTheMeanNaN() {
            NumericStatistics n = statistics(
                            FeatureType.FLOAT,
                            rows(new double[] {Double.NEGATIVE_INFINITY, 5, Double.POSITIVE_INFINITY}))
                    .getNumStats();
            assertThat(n.getMean()).isNaN();
            assertThat(n.getStdDev()).isNaN();
            assertThat(n.getMin()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(n.getMax()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(n.getHistograms(0).getBucketsList())
                    .extracting(Histogram.Bucket::getLowValue)
                    .containsExactly(Double.NEGATIVE_INFINITY, 5.0, Double.POSITIVE_INFINITY);
        }

        @Test
        void nanIsExcludedFromEverythingButNumNan() {
            NumericStatistics n = statistics(
                            FeatureType.FLOAT, rows(new double[] {Double.NaN, 3}, new double[] {Double.NaN}))
                    .getNumStats();
            assertThat(n.getMean()).isEqualTo(3);
            assertThat(n.getStdDev()).isZero();
            assertThat(n.getMedian()).isEqualTo(3);
            assertThat(n.getHistogramsList())
                    .allSatisfy(h -> assertThat(h.getNumNan()).isEqualTo(2));
            assertThat(n.getHistograms(0).getBucketsList())
                    .containsExactly(Histogram.Bucket.newBuilder()
                            .setLowValue(3)
                            .setHighValue(3)
                            .setSampleCount(1)
                            .build());
            assertThat(n.getCommonStats().getTotNumValues())
                    .as("value counts include NaN")
                    .isEqualTo(3);
        }

        @Test
        void allNanValuesGiveOnlyNumNanHistograms() {
            List<double[]> rows = rows(new double[] {Double.NaN}, new double[] {Double.NaN, Double.NaN});
            assertNumeric(
                    statistics(FeatureType.FLOAT, rows),
                    BruteForceStatistics.numeric(rows),
                    FeatureType.FLOAT,
                    OPTIONS);
        }

        @Test
        void univalentValueCountsHaveAllQuantileBucketsAtOne() {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                rows.add(new double[] {i % 17});
            }
            Histogram h = statistics(FeatureType.INT, rows)
                    .getNumStats()
                    .getCommonStats()
                    .getNumValuesHistogram();
            assertThat(h.getType()).isEqualTo(Histogram.HistogramType.QUANTILES);
            assertThat(h.getBucketsList())
                    .hasSize(10)
                    .allSatisfy(b -> assertThat(b)
                            .isEqualTo(Histogram.Bucket.newBuilder()
                                    .setLowValue(1)
                                    .setHighValue(1)
                                    .setSampleCount(500)
                                    .build()));
        }

        @Test
        void largeIntegersKeepTheirExactExtremes() {
            List<double[]> rows = rows(new double[] {17031010100L, 17031980100L, 17031242100L});
            NumericStatistics n = statistics(FeatureType.INT, rows).getNumStats();
            assertThat(n.getMin()).isEqualTo(17031010100.0);
            assertThat(n.getMax()).isEqualTo(17031980100.0);
            assertThat(n.getMedian()).isEqualTo(17031242100.0);
        }

        @Test
        void intAndFloatOfTheSameValuesDifferOnlyInType() {
            List<double[]> rows = new ArrayList<>();
            for (double[] row : new GeneratedRows(15).numericRows(FeatureType.INT, 60)) {
                if (row == null || row.length < 5) {
                    rows.add(row); // at most 240 values: below the sketch's k, so both sketches are exact
                }
            }
            FeatureNameStatistics ints = statistics(FeatureType.INT, rows);
            FeatureNameStatistics floats = statistics(FeatureType.FLOAT, rows);
            assertThat(ints.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(floats.getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            assertThat(ints.toBuilder()
                            .setType(FeatureNameStatistics.Type.FLOAT)
                            .build())
                    .isEqualTo(floats);
        }
    }

    @Nested
    class WithoutValues {
        @Test
        void emptyAccumulatorHasOnlyCommonStatistics() {
            NumericAccumulator empty = new NumericAccumulator("x", FeatureType.INT, OPTIONS);
            assertThat(empty.result(0))
                    .isEqualTo(FeatureNameStatistics.newBuilder()
                            .setPath(FeaturePaths.Path.newBuilder().addStep("x"))
                            .setType(FeatureNameStatistics.Type.INT)
                            .setNumStats(NumericStatistics.newBuilder()
                                    .setCommonStats(CommonStatistics.getDefaultInstance()))
                            .build());
            assertThat(empty.result(7).getNumStats().getCommonStats())
                    .isEqualTo(CommonStatistics.newBuilder().setNumMissing(7).build());
        }

        @ParameterizedTest
        @EnumSource(
                value = FeatureType.class,
                names = {"INT", "FLOAT"})
        void allMissingColumnHasOnlyCommonStatistics(FeatureType type) {
            List<double[]> rows = new ArrayList<>(Collections.nCopies(1_234, (double[]) null));
            FeatureNameStatistics s = statistics(type, rows);
            assertThat(s.getNumStats())
                    .isEqualTo(NumericStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.newBuilder().setNumMissing(1_234))
                            .build());
            assertNumeric(s, BruteForceStatistics.numeric(rows), type, OPTIONS);
        }

        @Test
        void onlyEmptyListsArePresentWithoutValues() {
            List<double[]> rows = new ArrayList<>(Collections.nCopies(10, new double[0]));
            rows.add(null);
            FeatureNameStatistics s = statistics(FeatureType.INT, rows);
            assertNumeric(s, BruteForceStatistics.numeric(rows), FeatureType.INT, OPTIONS);
            assertThat(s.getNumStats().getCommonStats().getNumNonMissing()).isEqualTo(10);
            assertThat(s.getNumStats().getHistogramsList()).isEmpty();
        }
    }

    @Nested
    class Contract {
        @Test
        void rejectsStringFeaturesAndColumns() {
            assertThatThrownBy(() -> new NumericAccumulator("x", FeatureType.STRING, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class);
            NumericAccumulator a = new NumericAccumulator("x", FeatureType.INT, OPTIONS);
            assertThatThrownBy(() ->
                            a.add(ColumnBuilder.of("x", FeatureType.STRING).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void mergeRejectsItselfAndOtherKinds() {
            NumericAccumulator ints = new NumericAccumulator("x", FeatureType.INT, OPTIONS);
            assertThatThrownBy(() -> ints.merge(ints)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ints.merge(new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ints.merge(new StringAccumulator("x", OPTIONS)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void resultIsRepeatable() {
            List<double[]> rows = new GeneratedRows(16).numericRows(FeatureType.FLOAT, 20_000);
            NumericAccumulator a = Rows.numeric("x", FeatureType.FLOAT, OPTIONS, rows, 1000);
            FeatureNameStatistics first = a.result(rows.size());
            for (int i = 0; i < 5; i++) {
                assertThat(a.result(rows.size())).isEqualTo(first);
            }
        }

        @Test
        void retainedBytesGrowWithTheOptionsNotTheRows() {
            NumericAccumulator a = new NumericAccumulator("x", FeatureType.FLOAT, OPTIONS);
            GeneratedRows generated = new GeneratedRows(17);
            long afterFew = 0;
            for (int batch = 0; batch < 300; batch++) {
                a.add(Rows.numericColumn("x", FeatureType.FLOAT, generated.numericRows(FeatureType.FLOAT, 1_000)));
                if (batch == 10) {
                    afterFew = a.retainedBytes();
                }
            }
            assertThat(a.retainedBytes()).isLessThan(2 * afterFew).isLessThan(64 * 1024);
        }

        @Test
        void serializedFormStartsWithItsVersionAndUnknownVersionsAreRefused() {
            NumericAccumulator a = Rows.numeric(
                    "x", FeatureType.FLOAT, OPTIONS, new GeneratedRows(18).numericRows(FeatureType.FLOAT, 100), 1000);
            byte[] bytes = a.toBytes();
            assertThat(bytes[0]).isEqualTo((byte) AccumulatorCodec.VERSION);
            byte[] future = bytes.clone();
            future[0] = (byte) (AccumulatorCodec.VERSION + 1);
            assertThatThrownBy(() -> FeatureAccumulator.fromBytes(future, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("version");
            byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
            assertThatThrownBy(() -> FeatureAccumulator.fromBytes(truncated, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
