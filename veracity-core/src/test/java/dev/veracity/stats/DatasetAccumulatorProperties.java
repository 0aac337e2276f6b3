package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.proto.DatasetFeatureStatistics;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DatasetAccumulatorProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    @Provide
    Arbitrary<Rows.Table> tables() {
        return RowArbitraries.tables();
    }

    /** Checks two results of the same table: exact fields exactly, mean and std_dev closely. */
    private static void assertSameExactFields(Rows.Table table, DatasetFeatureStatistics actual,
            DatasetFeatureStatistics expected) {
        assertThat(actual.getNumExamples()).isEqualTo(expected.getNumExamples());
        assertThat(actual.getFeaturesCount()).isEqualTo(expected.getFeaturesCount());
        if (table.size() == 0) {
            return;
        }
        double scale = Math.max(BruteForceStatistics.numeric(table.fare()).scale(),
                BruteForceStatistics.numeric(table.trips()).scale());
        StatisticsAssertions.assertSameExactFields(actual.getFeatures(0), expected.getFeatures(0), scale);
        StatisticsAssertions.assertSameExactFields(actual.getFeatures(1), expected.getFeatures(1), scale);
        assertThat(StatisticsAssertions.exactPart(actual.getFeatures(2)))
                .isEqualTo(StatisticsAssertions.exactPart(expected.getFeatures(2)));
    }

    private static DatasetAccumulator accumulate(Rows.Table table) {
        return table.accumulate(OPTIONS, 0, table.size(), Math.max(1, table.size()));
    }

    @Property(tries = 150)
    void mergeOfPartsEqualsWhole(@ForAll("tables") Rows.Table table,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 10_000) Integer> cuts,
            @ForAll @IntRange(min = 1, max = 50) int batchRows) {
        List<List<Integer>> parts = Rows.split(IntStream.range(0, table.size()).boxed().toList(), cuts);
        DatasetAccumulator merged = new DatasetAccumulator(OPTIONS);
        int from = 0;
        for (List<Integer> part : parts) {
            merged.merge(table.accumulate(OPTIONS, from, from + part.size(), batchRows));
            from += part.size();
        }
        DatasetFeatureStatistics whole = accumulate(table).result("");
        DatasetFeatureStatistics result = merged.result("");
        assertSameExactFields(table, result, whole);
        if (table.size() > 0) {
            table.assertMatches(result, OPTIONS);
        }
    }

    @Property(tries = 150)
    void roundTripThroughBytesKeepsTheResult(@ForAll("tables") Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        DatasetAccumulator restored = DatasetAccumulator.fromBytes(dataset.toBytes(), OPTIONS);
        assertThat(restored.numExamples()).isEqualTo(table.size());
        assertThat(restored.result("r")).isEqualTo(dataset.result("r"));
    }

    @Property(tries = 100)
    void mergeWithEmptyIsIdentity(@ForAll("tables") Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        DatasetFeatureStatistics before = dataset.result("");
        dataset.merge(new DatasetAccumulator(OPTIONS));
        assertThat(dataset.result("")).isEqualTo(before);

        DatasetAccumulator empty = new DatasetAccumulator(OPTIONS);
        empty.merge(dataset);
        assertThat(empty.result("")).isEqualTo(before);
    }

    @Property(tries = 100)
    void mergeIsCommutative(@ForAll("tables") Rows.Table table, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        int split = Math.floorMod(cut, table.size() + 1);
        DatasetAccumulator ab = table.accumulate(OPTIONS, 0, split, 64);
        ab.merge(table.accumulate(OPTIONS, split, table.size(), 64));
        DatasetAccumulator ba = table.accumulate(OPTIONS, split, table.size(), 64);
        ba.merge(table.accumulate(OPTIONS, 0, split, 64));
        DatasetFeatureStatistics first = ab.result("");
        DatasetFeatureStatistics second = ba.result("");
        assertSameExactFields(table, first, second);
        if (table.size() > 0) {
            table.assertMatches(first, OPTIONS);
            table.assertMatches(second, OPTIONS);
        }
    }

    @Property(tries = 20)
    void mergeWithItselfThrows(@ForAll("tables") Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        assertThatThrownBy(() -> dataset.merge(dataset)).isInstanceOf(IllegalArgumentException.class);
    }
}
