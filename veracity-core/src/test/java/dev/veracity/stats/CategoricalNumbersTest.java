package dev.veracity.stats;

import static dev.veracity.testing.StatisticsAssertions.assertStrings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.BruteForceStatistics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CategoricalNumbersTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT.withCategoricalFeatures(Set.of("code"));

    /** Rows of 0 to 3 integers, some missing, with a skewed distribution so top values and ties both occur. */
    private static List<long[]> intRows(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[]> rows = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            if (random.nextInt(10) == 0) {
                rows.add(null);
                continue;
            }
            long[] row = new long[random.nextInt(4)];
            for (int v = 0; v < row.length; v++) {
                int pick = random.nextInt(100);
                row[v] = pick < 60
                        ? random.nextInt(40) - 10
                        : pick < 95
                                ? random.nextLong(-1_000_000, 1_000_000)
                                : pick < 97 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            rows.add(row);
        }
        return rows;
    }

    private static Column intColumn(List<long[]> rows, int from, int to) {
        ColumnBuilder builder = ColumnBuilder.of("code", FeatureType.INT);
        for (long[] row : rows.subList(from, to)) {
            if (row == null) {
                builder.appendMissing();
                continue;
            }
            builder.startList();
            for (long value : row) {
                builder.addInt(value);
            }
            builder.endList();
        }
        return builder.build();
    }

    /** The oracle's input: each integer as Java's decimal string, which is Python's {@code str(int)}. */
    private static List<byte[][]> decimalStrings(List<long[]> rows) {
        List<byte[][]> strings = new ArrayList<>(rows.size());
        for (long[] row : rows) {
            if (row == null) {
                strings.add(null);
                continue;
            }
            byte[][] values = new byte[row.length][];
            for (int v = 0; v < row.length; v++) {
                values[v] = Long.toString(row[v]).getBytes(StandardCharsets.US_ASCII);
            }
            strings.add(values);
        }
        return strings;
    }

    private static FeatureNameStatistics statistics(List<long[]> rows, int batchSize) {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        for (int from = 0; from < rows.size(); from += batchSize) {
            int to = Math.min(rows.size(), from + batchSize);
            dataset.add(new RecordBatch(to - from, List.of(intColumn(rows, from, to))));
        }
        return dataset.result("").getFeatures(0);
    }

    @Nested
    class CategoricalInt {
        @Test
        void stringStatisticsOfTheDecimalStringsMatchTheOracle() {
            List<long[]> rows = intRows(31, 20_000);
            FeatureNameStatistics actual = statistics(rows, 1000);
            assertThat(actual.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(actual.hasNumStats()).isFalse();
            assertThat(actual.getStringStats().getTopValues(0).getValue()).matches("-?[0-9]+");
            assertStrings(
                    actual.toBuilder()
                            .setType(FeatureNameStatistics.Type.STRING)
                            .build(),
                    BruteForceStatistics.strings(decimalStrings(rows)),
                    OPTIONS);
        }

        @Test
        void mergedPartsAndSerializedStateGiveTheWhole() {
            List<long[]> rows = intRows(32, 5_000);
            FeatureNameStatistics whole = statistics(rows, 5_000);
            DatasetAccumulator first = new DatasetAccumulator(OPTIONS);
            first.add(new RecordBatch(2_000, List.of(intColumn(rows, 0, 2_000))));
            DatasetAccumulator second = new DatasetAccumulator(OPTIONS);
            second.add(new RecordBatch(3_000, List.of(intColumn(rows, 2_000, 5_000))));
            DatasetAccumulator restored = DatasetAccumulator.fromBytes(first.toBytes(), OPTIONS);
            restored.merge(DatasetAccumulator.fromBytes(second.toBytes(), OPTIONS));
            assertThat(restored.result("").getFeatures(0)).isEqualTo(whole);
        }

        @Test
        void aFeatureNotNamedKeepsNumericStatistics() {
            DatasetAccumulator dataset = new DatasetAccumulator(StatisticsOptions.DEFAULT);
            dataset.add(new RecordBatch(
                    3, List.of(intColumn(List.of(new long[] {1}, new long[] {2}, new long[] {2}), 0, 3))));
            FeatureNameStatistics stats = dataset.result("").getFeatures(0);
            assertThat(stats.hasNumStats()).isTrue();
            assertThat(stats.hasStringStats()).isFalse();
        }

        @Test
        void doesNotMergeWithNumericStatisticsOfTheSameFeature() {
            StringAccumulator categorical = new StringAccumulator("code", FeatureType.INT, OPTIONS);
            NumericAccumulator numeric = new NumericAccumulator("code", FeatureType.INT, OPTIONS);
            assertThatThrownBy(() -> categorical.merge(numeric))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot merge INT into categorical INT");
        }
    }

    @Nested
    class CategoricalFloat {
        @Test
        void labelsArePythonReprAndTheTypeStaysFloat() {
            ColumnBuilder builder = ColumnBuilder.of("code", FeatureType.FLOAT);
            double[] values = {2.0, 2.0, 0.5, 1e16, 1.5e-5, 0.0001, -3.25, 2.0};
            for (double value : values) {
                builder.appendFloat(value);
            }
            DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
            dataset.add(new RecordBatch(values.length, List.of(builder.build())));
            FeatureNameStatistics stats = dataset.result("").getFeatures(0);
            assertThat(stats.getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            assertThat(stats.getStringStats().getTopValuesList())
                    .extracting(v -> v.getValue())
                    .containsExactly("2.0", "1e+16", "1.5e-05", "0.5", "0.0001", "-3.25");
            assertThat(stats.getStringStats().getTopValues(0).getFrequency()).isEqualTo(3);
            assertThat(stats.getStringStats().getUnique()).isEqualTo(6);
            // "2.0" x3, "0.5", "1e+16", "1.5e-05", "0.0001", "-3.25": 9 + 3 + 5 + 7 + 6 + 5 bytes over 8 values
            assertThat(stats.getStringStats().getAvgLength()).isEqualTo((float) (35 / 8.0));
        }
    }

    @Nested
    class Labels {
        @Test
        void longsAreTheirDecimalDigits() {
            byte[] into = new byte[NumberLabels.MAX_LONG_LENGTH];
            for (long value : new long[] {0, 7, -7, 10, 1234567890123L, Long.MIN_VALUE, Long.MAX_VALUE}) {
                int length = NumberLabels.writeLong(value, into);
                assertThat(new String(into, 0, length, StandardCharsets.US_ASCII))
                        .isEqualTo(Long.toString(value));
            }
        }

        @Test
        void doublesArePythonRepr() {
            assertThat(NumberLabels.ofDouble(1.0)).isEqualTo("1.0");
            assertThat(NumberLabels.ofDouble(-0.0)).isEqualTo("-0.0");
            assertThat(NumberLabels.ofDouble(10_000_000.0)).isEqualTo("10000000.0");
            assertThat(NumberLabels.ofDouble(1234.5)).isEqualTo("1234.5");
            assertThat(NumberLabels.ofDouble(0.1)).isEqualTo("0.1");
            assertThat(NumberLabels.ofDouble(0.00012)).isEqualTo("0.00012");
            assertThat(NumberLabels.ofDouble(0.000012)).isEqualTo("1.2e-05");
            assertThat(NumberLabels.ofDouble(1e22)).isEqualTo("1e+22");
            assertThat(NumberLabels.ofDouble(-2.5e100)).isEqualTo("-2.5e+100");
            assertThat(NumberLabels.ofDouble(Double.NaN)).isEqualTo("nan");
            assertThat(NumberLabels.ofDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        }
    }
}
