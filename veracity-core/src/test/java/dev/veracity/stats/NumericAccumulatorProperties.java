package dev.veracity.stats;

import static dev.veracity.testing.StatisticsAssertions.assertNumeric;
import static dev.veracity.testing.StatisticsAssertions.assertSameExactFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NumericAccumulatorProperties {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    /** One numeric feature's rows and type. */
    record Feature(FeatureType type, List<double[]> rows) {
        NumericAccumulator accumulate(List<double[]> part) {
            return Rows.numeric("x", type, OPTIONS, part, Integer.MAX_VALUE);
        }

        NumericAccumulator accumulate() {
            return accumulate(rows);
        }

        BruteForceStatistics.Numeric oracle() {
            return BruteForceStatistics.numeric(rows);
        }
    }

    static Feature feature(SplittableRandom random) {
        FeatureType type = Gen.oneOf(random, FeatureType.INT, FeatureType.FLOAT);
        return new Feature(type, RowGenerators.numericRows(random, type, RowGenerators.rowCount(random)));
    }

    /** The FLOAT and INT columns of the edge tables. */
    static Stream<Feature> edgeFeatures() {
        return RowGenerators.EDGE_TABLES.stream()
                .flatMap(table -> Stream.of(
                        new Feature(FeatureType.FLOAT, table.fare()), new Feature(FeatureType.INT, table.trips())));
    }

    @ParameterizedTest(name = "edge feature {index}")
    @MethodSource("edgeFeatures")
    void edgeCases(Feature feature) {
        for (List<Integer> cuts : RowGenerators.EDGE_CUTS) {
            mergeOfPartsEqualsWhole(feature, cuts);
            for (int cut : cuts) {
                mergeIsCommutative(feature, cut);
            }
        }
        mergeWithEmptyIsIdentity(feature);
        roundTripThroughBytesKeepsTheResult(feature);
        mergeWithItselfThrows(feature);
        resultIsRepeatable(feature);
    }

    @SeededProperty(tries = 300)
    void mergeOfPartsEqualsWhole(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeOfPartsEqualsWhole(feature(random), RowGenerators.cuts(random));
    }

    private static void mergeOfPartsEqualsWhole(Feature feature, List<Integer> cuts) {
        List<List<double[]>> parts = Rows.split(feature.rows(), cuts);
        NumericAccumulator merged = feature.accumulate(parts.get(0));
        for (List<double[]> part : parts.subList(1, parts.size())) {
            merged.merge(feature.accumulate(part));
        }
        long n = feature.rows().size();
        BruteForceStatistics.Numeric oracle = feature.oracle();
        FeatureNameStatistics whole = feature.accumulate().result(n);
        FeatureNameStatistics mergedResult = merged.result(n);
        assertSameExactFields(mergedResult, whole, oracle.scale());
        assertNumeric(mergedResult, oracle, feature.type(), OPTIONS);
        assertNumeric(whole, oracle, feature.type(), OPTIONS);
    }

    @SeededProperty(tries = 200)
    void mergeIsCommutative(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        mergeIsCommutative(feature(random), Gen.between(random, 0, 10_000));
    }

    private static void mergeIsCommutative(Feature feature, int cut) {
        List<List<double[]>> parts = Rows.split(feature.rows(), List.of(cut));
        NumericAccumulator ab = feature.accumulate(parts.get(0));
        ab.merge(feature.accumulate(parts.get(1)));
        NumericAccumulator ba = feature.accumulate(parts.get(1));
        ba.merge(feature.accumulate(parts.get(0)));
        long n = feature.rows().size();
        BruteForceStatistics.Numeric oracle = feature.oracle();
        assertSameExactFields(ab.result(n), ba.result(n), oracle.scale());
        assertNumeric(ab.result(n), oracle, feature.type(), OPTIONS);
        assertNumeric(ba.result(n), oracle, feature.type(), OPTIONS);
    }

    @SeededProperty(tries = 200)
    void mergeWithEmptyIsIdentity(long seed) {
        mergeWithEmptyIsIdentity(feature(new SplittableRandom(seed)));
    }

    private static void mergeWithEmptyIsIdentity(Feature feature) {
        long n = feature.rows().size();
        NumericAccumulator a = feature.accumulate();
        FeatureNameStatistics before = a.result(n);
        a.merge(new NumericAccumulator("x", feature.type(), OPTIONS));
        assertThat(a.result(n)).isEqualTo(before);

        NumericAccumulator empty = new NumericAccumulator("x", feature.type(), OPTIONS);
        empty.merge(a);
        assertThat(empty.result(n)).isEqualTo(before);
    }

    @SeededProperty(tries = 200)
    void roundTripThroughBytesKeepsTheResult(long seed) {
        roundTripThroughBytesKeepsTheResult(feature(new SplittableRandom(seed)));
    }

    private static void roundTripThroughBytesKeepsTheResult(Feature feature) {
        long n = feature.rows().size();
        NumericAccumulator a = feature.accumulate();
        FeatureAccumulator restored = FeatureAccumulator.fromBytes(a.toBytes(), OPTIONS);
        assertThat(restored).isInstanceOf(NumericAccumulator.class);
        assertThat(restored.name()).isEqualTo("x");
        assertThat(restored.result(n)).isEqualTo(a.result(n));
    }

    @SeededProperty(tries = 50)
    void mergeWithItselfThrows(long seed) {
        mergeWithItselfThrows(feature(new SplittableRandom(seed)));
    }

    private static void mergeWithItselfThrows(Feature feature) {
        NumericAccumulator a = feature.accumulate();
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @SeededProperty(tries = 100)
    void resultIsRepeatable(long seed) {
        resultIsRepeatable(feature(new SplittableRandom(seed)));
    }

    private static void resultIsRepeatable(Feature feature) {
        NumericAccumulator a = feature.accumulate();
        assertThat(a.result(feature.rows().size()))
                .isEqualTo(a.result(feature.rows().size()));
    }
}
