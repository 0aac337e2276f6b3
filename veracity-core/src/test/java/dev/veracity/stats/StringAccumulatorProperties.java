package dev.veracity.stats;

import static dev.veracity.stats.StatisticsAssertions.assertStrings;
import static dev.veracity.stats.StatisticsAssertions.exactPart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.StringStatistics;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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

    @Provide
    Arbitrary<List<byte[][]>> rows() {
        return RowArbitraries.stringRows(0, RowArbitraries.MAX_ROWS);
    }

    @Property(tries = 300)
    void mergeOfPartsEqualsWhole(@ForAll("rows") List<byte[][]> rows,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
        FeatureNameStatistics merged = mergeParts(OPTIONS, Rows.split(rows, cuts)).result(rows.size());
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
    @Property(tries = 200)
    void mergeAcrossTheExactCapEqualsWhole(@ForAll("rows") List<byte[][]> rows,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
        StatisticsOptions options = OPTIONS.withMaxExactDistinct(6);
        FeatureNameStatistics merged = mergeParts(options, Rows.split(rows, cuts)).result(rows.size());
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

    @Property(tries = 200)
    void mergeIsCommutative(@ForAll("rows") List<byte[][]> rows, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        List<List<byte[][]>> parts = Rows.split(rows, List.of(cut));
        FeatureNameStatistics ab = mergeParts(OPTIONS, parts).result(rows.size());
        FeatureNameStatistics ba = mergeParts(OPTIONS, List.of(parts.get(1), parts.get(0))).result(rows.size());
        assertThat(exactPart(ab)).isEqualTo(exactPart(ba));
        assertStrings(ab, BruteForceStatistics.strings(rows), OPTIONS);
        assertStrings(ba, BruteForceStatistics.strings(rows), OPTIONS);
    }

    @Property(tries = 200)
    void mergeWithEmptyIsIdentity(@ForAll("rows") List<byte[][]> rows) {
        StringAccumulator a = accumulate(OPTIONS, rows);
        FeatureNameStatistics before = a.result(rows.size());
        a.merge(new StringAccumulator("s", OPTIONS));
        assertThat(a.result(rows.size())).isEqualTo(before);

        StringAccumulator empty = new StringAccumulator("s", OPTIONS);
        empty.merge(a);
        assertThat(empty.result(rows.size())).isEqualTo(before);
    }

    @Property(tries = 200)
    void roundTripThroughBytesKeepsTheResult(@ForAll("rows") List<byte[][]> rows,
            @ForAll @IntRange(min = 1, max = 20) int maxExactDistinct) {
        for (StatisticsOptions options : List.of(OPTIONS, OPTIONS.withMaxExactDistinct(maxExactDistinct))) {
            StringAccumulator a = accumulate(options, rows);
            FeatureAccumulator restored = FeatureAccumulator.fromBytes(a.toBytes(), options);
            assertThat(restored).isInstanceOf(StringAccumulator.class);
            assertThat(restored.result(rows.size())).isEqualTo(a.result(rows.size()));
        }
    }

    @Property(tries = 50)
    void mergeWithItselfThrows(@ForAll("rows") List<byte[][]> rows) {
        StringAccumulator a = accumulate(OPTIONS, rows);
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    }
}
