package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.StatisticsAssertions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetAccumulatorProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    static Stream<Rows.Table> edgeTables() {
        return RowGenerators.EDGE_TABLES.stream();
    }

    /** Checks two results of the same table: exact fields exactly, mean and std_dev closely. */
    private static void assertSameExactFields(
            Rows.Table table, DatasetFeatureStatistics actual, DatasetFeatureStatistics expected) {
        assertThat(actual.getNumExamples()).isEqualTo(expected.getNumExamples());
        assertThat(actual.getFeaturesCount()).isEqualTo(expected.getFeaturesCount());
        if (table.size() == 0) {
            return;
        }
        double scale = Math.max(
                BruteForceStatistics.numeric(table.fare()).scale(),
                BruteForceStatistics.numeric(table.trips()).scale());
        StatisticsAssertions.assertSameExactFields(actual.getFeatures(0), expected.getFeatures(0), scale);
        StatisticsAssertions.assertSameExactFields(actual.getFeatures(1), expected.getFeatures(1), scale);
        assertThat(StatisticsAssertions.exactPart(actual.getFeatures(2)))
                .isEqualTo(StatisticsAssertions.exactPart(expected.getFeatures(2)));
    }

    private static DatasetAccumulator accumulate(Rows.Table table) {
        return table.accumulate(OPTIONS, 0, table.size(), Math.max(1, table.size()));
    }

    @ParameterizedTest(name = "edge table {index}")
    @MethodSource("edgeTables")
    void edgeCases(Rows.Table table) {
        for (List<Integer> cuts : RowGenerators.EDGE_CUTS) {
            for (int batchRows : new int[] {1, 50}) {
                mergeOfPartsEqualsWhole(table, cuts, batchRows);
            }
            for (int cut : cuts) {
                mergeIsCommutative(table, cut);
            }
        }
        roundTripThroughBytesKeepsTheResult(table);
        mergeWithEmptyIsIdentity(table);
        mergeWithItselfThrows(table);
    }

    @SeededProperty(tries = 150)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeOfPartsEqualsWhole(RowGenerators.table(random), RowGenerators.cuts(random), Gen.between(random, 1, 50));
    }

    private static void mergeOfPartsEqualsWhole(Rows.Table table, List<Integer> cuts, int batchRows) {
        List<List<Integer>> parts =
                Rows.split(IntStream.range(0, table.size()).boxed().toList(), cuts);
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

    @SeededProperty(tries = 150)
    void roundTripThroughBytesKeepsTheResult(long seed) {
        roundTripThroughBytesKeepsTheResult(RowGenerators.table(new SplittableRandom(seed)));
    }

    private static void roundTripThroughBytesKeepsTheResult(Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        DatasetAccumulator restored = DatasetAccumulator.fromBytes(dataset.toBytes(), OPTIONS);
        assertThat(restored.numExamples()).isEqualTo(table.size());
        assertThat(restored.result("r")).isEqualTo(dataset.result("r"));
    }

    @SeededProperty(tries = 100)
    void mergeWithEmptyIsIdentity(long seed) {
        mergeWithEmptyIsIdentity(RowGenerators.table(new SplittableRandom(seed)));
    }

    private static void mergeWithEmptyIsIdentity(Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        DatasetFeatureStatistics before = dataset.result("");
        dataset.merge(new DatasetAccumulator(OPTIONS));
        assertThat(dataset.result("")).isEqualTo(before);

        DatasetAccumulator empty = new DatasetAccumulator(OPTIONS);
        empty.merge(dataset);
        assertThat(empty.result("")).isEqualTo(before);
    }

    @SeededProperty(tries = 100)
    void mergeIsCommutative(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeIsCommutative(RowGenerators.table(random), Gen.between(random, 0, 10_000));
    }

    private static void mergeIsCommutative(Rows.Table table, int cut) {
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

    @SeededProperty(tries = 20)
    void mergeWithItselfThrows(long seed) {
        mergeWithItselfThrows(RowGenerators.table(new SplittableRandom(seed)));
    }

    private static void mergeWithItselfThrows(Rows.Table table) {
        DatasetAccumulator dataset = accumulate(table);
        assertThatThrownBy(() -> dataset.merge(dataset)).isInstanceOf(IllegalArgumentException.class);
    }
}
