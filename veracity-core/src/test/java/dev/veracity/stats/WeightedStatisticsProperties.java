package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.StatisticsAssertions;
import dev.veracity.testing.WeightedAssertions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Weighted dataset statistics against the brute-force oracle, and the merge and serialization laws with weights. */
class WeightedStatisticsProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT.withWeightFeature(WeightedRows.WEIGHT);

    private static DatasetAccumulator accumulate(WeightedRows.Table table, int batchRows) {
        return table.accumulate(OPTIONS, 0, table.size(), batchRows);
    }

    @SeededProperty(tries = 200)
    void resultMatchesTheOracle(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        StatisticsOptions options = Gen.oneIn(random, 3)
                ? OPTIONS.withNumTopValues(Gen.between(random, 0, 5)).withNumHistogramBuckets(Gen.between(random, 1, 7))
                : OPTIONS;
        DatasetAccumulator dataset = table.accumulate(options, 0, table.size(), Gen.between(random, 1, 60));
        table.assertMatches(dataset.result(""), options);
    }

    @SeededProperty(tries = 150)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        List<List<Integer>> parts =
                Rows.split(IntStream.range(0, table.size()).boxed().toList(), RowGenerators.cuts(random));
        int batchRows = Gen.between(random, 1, 50);
        DatasetAccumulator merged = new DatasetAccumulator(OPTIONS);
        int from = 0;
        for (List<Integer> part : parts) {
            merged.merge(table.accumulate(OPTIONS, from, from + part.size(), batchRows));
            from += part.size();
        }
        DatasetFeatureStatistics result = merged.result("");
        DatasetFeatureStatistics whole =
                accumulate(table, Math.max(1, table.size())).result("");
        assertSameExactWeightedFields(table, result, whole);
        if (table.size() > 0) {
            table.assertMatches(result, OPTIONS);
        }
    }

    /** Exact weighted fields agree within the error of summing in another order; sketched ones are checked apart. */
    private static void assertSameExactWeightedFields(
            WeightedRows.Table table, DatasetFeatureStatistics actual, DatasetFeatureStatistics expected) {
        assertThat(actual.getNumExamples()).isEqualTo(expected.getNumExamples());
        double total = expected.getWeightedNumExamples();
        WeightedAssertions.assertSum("weighted_num_examples", actual.getWeightedNumExamples(), total, total);
        assertThat(actual.getFeaturesCount()).isEqualTo(expected.getFeaturesCount());
        double scale = table.size() == 0 ? 1 : table.scale();
        for (int f = 0; f < actual.getFeaturesCount(); f++) {
            FeatureNameStatistics a = actual.getFeatures(f);
            FeatureNameStatistics e = expected.getFeatures(f);
            assertThat(StatisticsAssertions.exactPart(WeightedRows.withoutWeights(a)))
                    .isEqualTo(StatisticsAssertions.exactPart(WeightedRows.withoutWeights(e)));
            if (a.hasNumStats()) {
                var wa = a.getNumStats().getCommonStats().getWeightedCommonStats();
                var we = e.getNumStats().getCommonStats().getWeightedCommonStats();
                WeightedAssertions.assertSum(
                        "weighted num_non_missing", wa.getNumNonMissing(), we.getNumNonMissing(), total);
                WeightedAssertions.assertSum(
                        "weighted tot_num_values", wa.getTotNumValues(), we.getTotNumValues(), we.getTotNumValues());
                assertThat(a.getNumStats().hasWeightedNumericStats())
                        .isEqualTo(e.getNumStats().hasWeightedNumericStats());
                var na = a.getNumStats().getWeightedNumericStats();
                var ne = e.getNumStats().getWeightedNumericStats();
                WeightedAssertions.assertSum("weighted mean", na.getMean(), ne.getMean(), scale);
                WeightedAssertions.assertSum("weighted std_dev", na.getStdDev(), ne.getStdDev(), scale);
            }
        }
    }

    @SeededProperty(tries = 100)
    void roundTripThroughBytesKeepsTheResult(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        DatasetAccumulator dataset = accumulate(table, Gen.between(random, 1, 60));
        byte[] bytes = dataset.toBytes();
        assertThat(bytes[0]).isEqualTo((byte) DatasetAccumulator.VERSION);
        DatasetAccumulator restored = DatasetAccumulator.fromBytes(bytes, OPTIONS);
        assertThat(restored.numExamples()).isEqualTo(table.size());
        assertThat(restored.weightedNumExamples()).isEqualTo(dataset.weightedNumExamples());
        assertThat(restored.result("r")).isEqualTo(dataset.result("r"));
    }

    @SeededProperty(tries = 100)
    void mergeWithEmptyIsIdentity(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetAccumulator dataset = accumulate(WeightedRows.Table.generated(random), Gen.between(random, 1, 60));
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
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        int split = Gen.between(random, 0, table.size());
        DatasetAccumulator ab = table.accumulate(OPTIONS, 0, split, 64);
        ab.merge(table.accumulate(OPTIONS, split, table.size(), 64));
        DatasetAccumulator ba = table.accumulate(OPTIONS, split, table.size(), 64);
        ba.merge(table.accumulate(OPTIONS, 0, split, 64));
        assertSameExactWeightedFields(table, ab.result(""), ba.result(""));
        if (table.size() > 0) {
            table.assertMatches(ab.result(""), OPTIONS);
            table.assertMatches(ba.result(""), OPTIONS);
        }
    }

    /** Weights add fields and change none: without them, the result is the unweighted one. */
    @SeededProperty(tries = 100)
    void unweightedFieldsAreThoseWithoutWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        int batchRows = Gen.between(random, 1, 60);
        DatasetFeatureStatistics weighted =
                table.accumulate(OPTIONS, 0, table.size(), batchRows).result("");
        DatasetFeatureStatistics unweighted = table.accumulate(StatisticsOptions.DEFAULT, 0, table.size(), batchRows)
                .result("");
        assertThat(unweighted.getWeightedNumExamples()).isZero();
        for (FeatureNameStatistics feature : unweighted.getFeaturesList()) {
            assertThat(WeightedRows.withoutWeights(feature)).isEqualTo(feature);
        }
        DatasetFeatureStatistics stripped = WeightedRows.withoutWeights(weighted);
        assertThat(stripped.getFeaturesCount()).isEqualTo(unweighted.getFeaturesCount());
        for (int f = 0; f < stripped.getFeaturesCount(); f++) {
            assertThat(StatisticsAssertions.exactPart(stripped.getFeatures(f)))
                    .isEqualTo(StatisticsAssertions.exactPart(unweighted.getFeatures(f)));
        }
    }
}
