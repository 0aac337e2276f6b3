package dev.veracity.stats;

import static dev.veracity.testing.StatisticsAssertions.assertStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StringAccumulatorTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    private static FeatureNameStatistics statistics(StatisticsOptions options, List<byte[][]> rows) {
        return Rows.strings("s", options, rows, 1000).result(rows.size());
    }

    private static byte[][] row(String... values) {
        byte[][] row = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            row[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return row;
    }

    private static double custom(FeatureNameStatistics statistics, String name) {
        return statistics.getCustomStatsList().stream()
                .filter(c -> c.getName().equals(name))
                .mapToDouble(CustomStatistic::getNum)
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class GeneratedData {
        @Test
        void everyFieldMatchesTheOracle() {
            List<byte[][]> rows = new GeneratedRows(21).stringRows(20_000);
            BruteForceStatistics.Strings expected = BruteForceStatistics.strings(rows);
            assertThat(expected.invalidUtf8Count()).isPositive();
            assertThat(expected.unique()).isLessThan(OPTIONS.maxExactDistinct());
            assertStrings(statistics(OPTIONS, rows), expected, OPTIONS);
        }

        @Test
        void smallBatchesGiveTheSameStatistics() {
            List<byte[][]> rows = new GeneratedRows(22).stringRows(3_000);
            FeatureNameStatistics actual = Rows.strings("s", OPTIONS, rows, 3).result(rows.size());
            assertStrings(actual, BruteForceStatistics.strings(rows), OPTIONS);
            assertThat(StatisticsAssertions.exactPart(actual))
                    .isEqualTo(StatisticsAssertions.exactPart(statistics(OPTIONS, rows)));
        }
    }

    @Nested
    class KnownValues {
        @Test
        void topValuesAreOrderedByCountThenByValueDescending() {
            List<byte[][]> rows = List.of(row("b", "a", "c"), row("a", "b"), row("ä", "z", "z"), row(""), row("ä"));
            StringStatistics s = statistics(OPTIONS, rows).getStringStats();
            assertThat(s.getTopValuesList())
                    .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                    .containsExactly("ä=2", "z=2", "b=2", "a=2", "c=1", "=1");
            assertThat(s.getUnique()).isEqualTo(6);
            assertThat(s.getAvgLength()).isEqualTo((float) (11.0 / 10));
        }

        @Test
        void invalidUtf8IsCountedAndLabelled() {
            byte[] invalid = {(byte) 0xC3, 'x'};
            List<byte[][]> rows = List.of(new byte[][] {invalid, invalid, {(byte) 0xFF}}, row("ok"));
            FeatureNameStatistics s = statistics(OPTIONS, rows);
            assertThat(s.getStringStats().getInvalidUtf8Count()).isEqualTo(3);
            assertThat(s.getStringStats().getTopValuesList())
                    .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                    .containsExactly("__BYTES_VALUE__=2", "__BYTES_VALUE__=1", "ok=1");
            assertThat(s.getStringStats().getRankHistogram().getBucketsList())
                    .extracting(b -> b.getLabel())
                    .containsExactly("__BYTES_VALUE__", "__BYTES_VALUE__", "ok");
            assertStrings(s, BruteForceStatistics.strings(rows), OPTIONS);
        }

        @Test
        void averageLengthCountsUtf8Bytes() {
            StringStatistics s =
                    statistics(OPTIONS, List.<byte[][]>of(row("日本", "😀"))).getStringStats();
            assertThat(s.getAvgLength()).isEqualTo(5f);
        }

        @Test
        void topValuesAndRankHistogramHaveTheirOwnLimits() {
            StatisticsOptions options = StatisticsOptions.builder()
                    .numTopValues(3)
                    .numRankHistogramBuckets(5)
                    .build();
            List<byte[][]> rows = new GeneratedRows(23).stringRows(2_000);
            FeatureNameStatistics s = statistics(options, rows);
            assertThat(s.getStringStats().getTopValuesCount()).isEqualTo(3);
            assertThat(s.getStringStats().getRankHistogram().getBucketsCount()).isEqualTo(5);
            assertStrings(s, BruteForceStatistics.strings(rows), options);

            StatisticsOptions noTopValues = StatisticsOptions.builder()
                    .numTopValues(0)
                    .numRankHistogramBuckets(0)
                    .build();
            FeatureNameStatistics none = statistics(noTopValues, rows);
            assertThat(none.getStringStats().getTopValuesList()).isEmpty();
            assertThat(none.getStringStats().getRankHistogram().getBucketsList())
                    .isEmpty();
            assertStrings(none, BruteForceStatistics.strings(rows), noTopValues);
        }

        @Test
        void moreRankHistogramLabelsThanTopValues() {
            StatisticsOptions options = StatisticsOptions.DEFAULT.withNumTopValues(2);
            List<byte[][]> rows = new GeneratedRows(24).stringRows(500);
            FeatureNameStatistics s = statistics(options, rows);
            assertThat(s.getStringStats().getTopValuesCount()).isEqualTo(2);
            assertThat(s.getStringStats().getRankHistogram().getBucketsCount()).isGreaterThan(20);
            assertStrings(s, BruteForceStatistics.strings(rows), options);
        }
    }

    @Nested
    class WithoutValues {
        @Test
        void emptyAccumulatorHasOnlyCommonStatistics() {
            StringAccumulator empty = new StringAccumulator("s", OPTIONS);
            assertThat(empty.result(3).getStringStats())
                    .isEqualTo(StringStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.newBuilder().setNumMissing(3))
                            .build());
            assertThat(empty.result(0).getType()).isEqualTo(FeatureNameStatistics.Type.STRING);
        }

        @Test
        void allMissingColumnHasOnlyCommonStatistics() {
            List<byte[][]> rows = new ArrayList<>(Collections.nCopies(321, (byte[][]) null));
            FeatureNameStatistics s = statistics(OPTIONS, rows);
            assertThat(s.getStringStats())
                    .isEqualTo(StringStatistics.newBuilder()
                            .setCommonStats(CommonStatistics.newBuilder().setNumMissing(321))
                            .build());
            assertStrings(s, BruteForceStatistics.strings(rows), OPTIONS);
        }

        @Test
        void emptyStringsAreValues() {
            List<byte[][]> rows = List.of(row(""), row("", ""), new byte[0][]);
            StringStatistics s = statistics(OPTIONS, rows).getStringStats();
            assertThat(s.getUnique()).isEqualTo(1);
            assertThat(s.getAvgLength()).isZero();
            assertThat(s.getTopValuesList())
                    .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                    .containsExactly("=3");
            assertThat(s.getCommonStats().getMinNumValues()).isZero();
        }
    }

    /** Past {@link StatisticsOptions#maxExactDistinct()} distinct values, frequencies are sketched. */
    @Nested
    class SketchedFrequencies {
        private static final int MAX_EXACT = 500;
        private final StatisticsOptions options = OPTIONS.withMaxExactDistinct(MAX_EXACT);

        /** Heavy hitters h0..h9 with well separated counts, over a tail of 30,000 values seen once or twice. */
        private List<byte[][]> heavyHitters(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<byte[][]> rows = new ArrayList<>();
            for (int h = 0; h < 10; h++) {
                for (int i = 0; i < 3_000 - 250 * h; i++) {
                    rows.add(row("h" + h));
                }
            }
            for (int t = 0; t < 30_000; t++) {
                rows.add(random.nextInt(5) == 0 ? row("tail-" + t, "tail-" + t) : row("tail-" + t));
            }
            rows.add(new byte[][] {{(byte) 0xFF}});
            Collections.shuffle(rows, new Random(seed));
            return rows;
        }

        @Test
        void uniqueIsEstimatedAndTheErrorsAreReported() {
            List<byte[][]> rows = heavyHitters(31);
            BruteForceStatistics.Strings expected = BruteForceStatistics.strings(rows);
            FeatureNameStatistics s = statistics(options, rows);
            StringStatistics strings = s.getStringStats();
            assertThat((double) strings.getUnique()).isCloseTo(expected.unique(), within(0.03 * expected.unique()));
            assertThat(s.getCustomStatsList())
                    .extracting(CustomStatistic::getName)
                    .containsExactly(StringAccumulator.TOP_VALUES_MAX_ERROR, StringAccumulator.UNIQUE_RELATIVE_ERROR);
            assertThat(custom(s, StringAccumulator.UNIQUE_RELATIVE_ERROR)).isBetween(0.001, 0.03);
            assertThat(custom(s, StringAccumulator.TOP_VALUES_MAX_ERROR)).isNotNegative();
            assertThat(strings.getInvalidUtf8Count()).isEqualTo(1);
            assertThat(strings.getAvgLength()).isEqualTo(expected.avgLength());
            StatisticsAssertions.assertCommon(strings.getCommonStats(), expected.common(), options);
        }

        @Test
        void topValuesStayRightOnHeavyHitters() {
            List<byte[][]> rows = heavyHitters(32);
            BruteForceStatistics.Strings expected = BruteForceStatistics.strings(rows);
            FeatureNameStatistics s = statistics(options, rows);
            double maxError = custom(s, StringAccumulator.TOP_VALUES_MAX_ERROR);
            List<StringStatistics.FreqAndValue> top = s.getStringStats().getTopValuesList();
            assertThat(top).hasSize(OPTIONS.numTopValues());
            for (int i = 0; i < 10; i++) {
                assertThat(top.get(i).getValue()).isEqualTo("h" + i);
                assertThat(top.get(i).getFrequency())
                        .as("frequency of h%d", i)
                        .isCloseTo(expected.ranked().get(i).count(), within(maxError));
            }
            assertThat(s.getStringStats().getRankHistogram().getBuckets(0).getLabel())
                    .isEqualTo("h0");
        }

        @Test
        void exactlyTheCapStaysExactAndOneMoreSwitches() {
            List<byte[][]> rows = new ArrayList<>();
            for (int i = 0; i < MAX_EXACT; i++) {
                rows.add(row("value-" + i, "value-" + (i % 7)));
            }
            FeatureNameStatistics exact = statistics(options, rows);
            assertThat(exact.getCustomStatsList()).isEmpty();
            assertStrings(exact, BruteForceStatistics.strings(rows), options);

            rows.add(row("one-more"));
            FeatureNameStatistics sketched = statistics(options, rows);
            assertThat(sketched.getCustomStatsList()).hasSize(2);
            assertThat(sketched.getStringStats().getUnique()).isGreaterThan(MAX_EXACT);
            assertThat((double) sketched.getStringStats().getUnique())
                    .isCloseTo(MAX_EXACT + 1, within(0.03 * MAX_EXACT));
            assertThat(sketched.getStringStats().getTopValues(0).getValue())
                    .isIn("value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6");
        }

        @Test
        void mergingExactPartsPastTheCapSwitchesToSketches() {
            List<byte[][]> rows = heavyHitters(33);
            BruteForceStatistics.Strings expected = BruteForceStatistics.strings(rows);
            List<List<byte[][]>> parts = Rows.chunks(rows, 200);
            StringAccumulator merged = new StringAccumulator("s", options);
            for (List<byte[][]> part : parts) {
                merged.merge(Rows.strings("s", options, part, 1000));
            }
            FeatureNameStatistics s = merged.result(rows.size());
            assertThat(s.getCustomStatsList()).hasSize(2);
            assertThat((double) s.getStringStats().getUnique())
                    .isCloseTo(expected.unique(), within(0.03 * expected.unique()));
            assertThat(s.getStringStats().getTopValuesList().subList(0, 10))
                    .extracting(StringStatistics.FreqAndValue::getValue)
                    .containsExactly("h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9");
            StatisticsAssertions.assertCommon(s.getStringStats().getCommonStats(), expected.common(), options);

            StringAccumulator restored = (StringAccumulator) FeatureAccumulator.fromBytes(merged.toBytes(), options);
            assertThat(restored.result(rows.size())).isEqualTo(s);
        }

        @Test
        void sketchedAccumulatorsMergeWithExactOnes() {
            List<byte[][]> rows = heavyHitters(34);
            int half = rows.size() - 100;
            StringAccumulator sketched = Rows.strings("s", options, rows.subList(0, half), 1000);
            StringAccumulator exact = Rows.strings("s", options, rows.subList(half, rows.size()), 1000);
            assertThat(exact.result(100).getCustomStatsList()).isEmpty();
            BruteForceStatistics.Strings expected = BruteForceStatistics.strings(rows);
            List<FeatureNameStatistics> results =
                    List.of(merged(sketched, exact, rows.size()), merged(exact, sketched, rows.size()));
            for (FeatureNameStatistics s : results) {
                assertThat((double) s.getStringStats().getUnique())
                        .isCloseTo(expected.unique(), within(0.03 * expected.unique()));
                assertThat(s.getStringStats().getTopValues(0).getValue()).isEqualTo("h0");
                assertThat(s.getStringStats().getCommonStats().getTotNumValues())
                        .isEqualTo(expected.common().totNumValues());
            }
        }

        private FeatureNameStatistics merged(StringAccumulator first, StringAccumulator second, long numExamples) {
            StringAccumulator copy = (StringAccumulator) FeatureAccumulator.fromBytes(first.toBytes(), options);
            copy.merge(second);
            return copy.result(numExamples);
        }
    }

    @Nested
    class Contract {
        @Test
        void rejectsNumericColumnsAndAccumulators() {
            StringAccumulator a = new StringAccumulator("s", OPTIONS);
            assertThatThrownBy(
                            () -> a.add(ColumnBuilder.of("s", FeatureType.INT).build()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> a.merge(new NumericAccumulator("s", FeatureType.FLOAT, OPTIONS)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void retainedBytesStayBoundedPastTheCap() {
            StatisticsOptions options = OPTIONS.withMaxExactDistinct(1_000);
            StringAccumulator a = new StringAccumulator("s", options);
            long atCap = 0;
            for (int batch = 0; batch < 50; batch++) {
                List<byte[][]> rows = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    rows.add(row("value-" + batch + "-" + i));
                }
                a.add(Rows.stringColumn("s", rows));
                if (batch == 5) {
                    atCap = a.retainedBytes();
                }
            }
            assertThat(a.retainedBytes()).isLessThan(2 * atCap).isLessThan(1 << 20);
        }
    }
}
