package dev.veracity.stats;

import static dev.veracity.testing.StatisticsAssertions.assertStrings;
import static dev.veracity.testing.StatisticsAssertions.exactPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.StringStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.StatisticsAssertions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StringAccumulatorProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    private static StringAccumulator accumulate(StatisticsOptions options, List<byte[][]> rows) {
        return Rows.strings("s", options, rows, Integer.MAX_VALUE);
    }

    private static StringAccumulator mergeParts(StatisticsOptions options, List<List<byte[][]>> parts) {
        StringAccumulator merged = accumulate(options, parts.get(0));
        for (List<byte[][]> part : parts.subList(1, parts.size())) {
            merged.merge(accumulate(options, part));
        }
        return merged;
    }

    static List<byte[][]> rows(SplittableRandom random) {
        return RowGenerators.stringRows(random, RowGenerators.rowCount(random));
    }

    /** The STRING columns of the edge tables. */
    static Stream<List<byte[][]>> edgeRows() {
        return RowGenerators.EDGE_TABLES.stream().map(Rows.Table::company);
    }

    @ParameterizedTest(name = "edge rows {index}")
    @MethodSource("edgeRows")
    void edgeCases(List<byte[][]> rows) {
        for (List<Integer> cuts : RowGenerators.EDGE_CUTS) {
            mergeOfPartsEqualsWhole(rows, cuts);
            mergeAcrossTheExactCapEqualsWhole(rows, cuts);
            for (int cut : cuts) {
                mergeIsCommutative(rows, cut);
            }
        }
        mergeWithEmptyIsIdentity(rows);
        for (int maxExactDistinct : new int[] {1, 20}) {
            roundTripThroughBytesKeepsTheResult(rows, maxExactDistinct);
        }
        mergeWithItselfThrows(rows);
    }

    @SeededProperty(tries = 300)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeOfPartsEqualsWhole(rows(random), RowGenerators.cuts(random));
    }

    private static void mergeOfPartsEqualsWhole(List<byte[][]> rows, List<Integer> cuts) {
        FeatureNameStatistics merged =
                mergeParts(OPTIONS, Rows.split(rows, cuts)).result(rows.size());
        FeatureNameStatistics whole = accumulate(OPTIONS, rows).result(rows.size());
        assertThat(exactPart(merged)).isEqualTo(exactPart(whole));
        BruteForceStatistics.Strings oracle = BruteForceStatistics.strings(rows);
        assertStrings(merged, oracle, OPTIONS);
        assertStrings(whole, oracle, OPTIONS);
    }

    /**
     * With a cap of a few distinct values, parts are exact and their merge is sketched, or parts are sketched: whether
     * the result is sketched depends on the data only, and so do its top values (no value is evicted from a sketch
     * this small, so every count is exact).
     */
    @SeededProperty(tries = 200)
    void mergeAcrossTheExactCapEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeAcrossTheExactCapEqualsWhole(rows(random), RowGenerators.cuts(random));
    }

    private static void mergeAcrossTheExactCapEqualsWhole(List<byte[][]> rows, List<Integer> cuts) {
        StatisticsOptions options = OPTIONS.withMaxExactDistinct(6);
        FeatureNameStatistics merged =
                mergeParts(options, Rows.split(rows, cuts)).result(rows.size());
        FeatureNameStatistics whole = accumulate(options, rows).result(rows.size());
        StringStatistics m = merged.getStringStats();
        StringStatistics w = whole.getStringStats();
        BruteForceStatistics.Strings oracle = BruteForceStatistics.strings(rows);
        assertThat(merged.getCustomStatsList()).isEqualTo(whole.getCustomStatsList());
        assertThat(merged.getCustomStatsCount()).isEqualTo(oracle.unique() > 6 ? 2 : 0);
        assertThat(m.getTopValuesList()).isEqualTo(w.getTopValuesList());
        assertThat(m.getRankHistogram()).isEqualTo(w.getRankHistogram());
        assertThat((double) m.getUnique()).isCloseTo(oracle.unique(), within(0.03 * oracle.unique() + 1));
        assertThat((double) w.getUnique()).isCloseTo(oracle.unique(), within(0.03 * oracle.unique() + 1));
        assertThat(m.getInvalidUtf8Count()).isEqualTo(oracle.invalidUtf8Count());
        assertThat(m.getAvgLength()).isEqualTo(oracle.avgLength());
        StatisticsAssertions.assertCommon(m.getCommonStats(), oracle.common(), options);
    }

    @SeededProperty(tries = 200)
    void mergeIsCommutative(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeIsCommutative(rows(random), Gen.between(random, 0, 10_000));
    }

    private static void mergeIsCommutative(List<byte[][]> rows, int cut) {
        List<List<byte[][]>> parts = Rows.split(rows, List.of(cut));
        FeatureNameStatistics ab = mergeParts(OPTIONS, parts).result(rows.size());
        FeatureNameStatistics ba =
                mergeParts(OPTIONS, List.of(parts.get(1), parts.get(0))).result(rows.size());
        assertThat(exactPart(ab)).isEqualTo(exactPart(ba));
        assertStrings(ab, BruteForceStatistics.strings(rows), OPTIONS);
        assertStrings(ba, BruteForceStatistics.strings(rows), OPTIONS);
    }

    @SeededProperty(tries = 200)
    void mergeWithEmptyIsIdentity(long seed) {
        mergeWithEmptyIsIdentity(rows(new SplittableRandom(seed)));
    }

    private static void mergeWithEmptyIsIdentity(List<byte[][]> rows) {
        StringAccumulator a = accumulate(OPTIONS, rows);
        FeatureNameStatistics before = a.result(rows.size());
        a.merge(new StringAccumulator("s", OPTIONS));
        assertThat(a.result(rows.size())).isEqualTo(before);

        StringAccumulator empty = new StringAccumulator("s", OPTIONS);
        empty.merge(a);
        assertThat(empty.result(rows.size())).isEqualTo(before);
    }

    @SeededProperty(tries = 200)
    void roundTripThroughBytesKeepsTheResult(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        roundTripThroughBytesKeepsTheResult(rows(random), Gen.between(random, 1, 20));
    }

    private static void roundTripThroughBytesKeepsTheResult(List<byte[][]> rows, int maxExactDistinct) {
        for (StatisticsOptions options : List.of(OPTIONS, OPTIONS.withMaxExactDistinct(maxExactDistinct))) {
            StringAccumulator a = accumulate(options, rows);
            FeatureAccumulator restored = FeatureAccumulator.fromBytes(a.toBytes(), options);
            assertThat(restored).isInstanceOf(StringAccumulator.class);
            assertThat(restored.result(rows.size())).isEqualTo(a.result(rows.size()));
        }
    }

    @SeededProperty(tries = 50)
    void mergeWithItselfThrows(long seed) {
        mergeWithItselfThrows(rows(new SplittableRandom(seed)));
    }

    private static void mergeWithItselfThrows(List<byte[][]> rows) {
        StringAccumulator a = accumulate(OPTIONS, rows);
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
