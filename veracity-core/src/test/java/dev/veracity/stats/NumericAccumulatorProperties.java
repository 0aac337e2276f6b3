package dev.veracity.stats;

import static dev.veracity.stats.StatisticsAssertions.assertNumeric;
import static dev.veracity.stats.StatisticsAssertions.assertSameExactFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.data.FeatureType;
import dev.veracity.proto.FeatureNameStatistics;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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

    @Provide
    Arbitrary<Feature> features() {
        return Arbitraries.of(FeatureType.INT, FeatureType.FLOAT).flatMap(type ->
                RowArbitraries.numericRows(type, 0, RowArbitraries.MAX_ROWS).map(rows -> new Feature(type, rows)));
    }

    @Property(tries = 300)
    void mergeOfPartsEqualsWhole(@ForAll("features") Feature feature,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 10_000) Integer> cuts) {
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

    @Property(tries = 200)
    void mergeIsCommutative(@ForAll("features") Feature feature, @ForAll @IntRange(min = 0, max = 10_000) int cut) {
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

    @Property(tries = 200)
    void mergeWithEmptyIsIdentity(@ForAll("features") Feature feature) {
        long n = feature.rows().size();
        NumericAccumulator a = feature.accumulate();
        FeatureNameStatistics before = a.result(n);
        a.merge(new NumericAccumulator("x", feature.type(), OPTIONS));
        assertThat(a.result(n)).isEqualTo(before);

        NumericAccumulator empty = new NumericAccumulator("x", feature.type(), OPTIONS);
        empty.merge(a);
        assertThat(empty.result(n)).isEqualTo(before);
    }

    @Property(tries = 200)
    void roundTripThroughBytesKeepsTheResult(@ForAll("features") Feature feature) {
        long n = feature.rows().size();
        NumericAccumulator a = feature.accumulate();
        FeatureAccumulator restored = FeatureAccumulator.fromBytes(a.toBytes(), OPTIONS);
        assertThat(restored).isInstanceOf(NumericAccumulator.class);
        assertThat(restored.name()).isEqualTo("x");
        assertThat(restored.result(n)).isEqualTo(a.result(n));
    }

    @Property(tries = 50)
    void mergeWithItselfThrows(@ForAll("features") Feature feature) {
        NumericAccumulator a = feature.accumulate();
        assertThatThrownBy(() -> a.merge(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 100)
    void resultIsRepeatable(@ForAll("features") Feature feature) {
        NumericAccumulator a = feature.accumulate();
        assertThat(a.result(feature.rows().size())).isEqualTo(a.result(feature.rows().size()));
    }
}
