package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.WeightedAssertions;
import dev.veracity.testing.WeightedBruteForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TFDV's {@code per_feature_weight_override}: a feature with an override gets weighted statistics by its own weight
 * feature "v", checked against the brute-force oracle with those weights; the others keep the global weight "w" (or
 * none). Merged parts and serialized states give the same.
 */
class WeightOverrideProperties {
    private static final String OVERRIDE = "v";

    /** The rows of {@code table} with the global weight "w" (when {@code global}) and the override weight "v". */
    private static RecordBatch batch(WeightedRows.Table table, double[] v, boolean global, int from, int to) {
        List<Column> columns = new ArrayList<>(table.table().batch(from, to).columns());
        if (global) {
            columns.add(table.weightColumn(from, to));
        }
        ColumnBuilder builder = ColumnBuilder.of(OVERRIDE, FeatureType.FLOAT);
        for (int r = from; r < to; r++) {
            builder.startList();
            builder.addFloat(v[r]);
            builder.endList();
        }
        columns.add(builder.build());
        return new RecordBatch(to - from, columns);
    }

    private static DatasetAccumulator accumulate(
            StatisticsOptions options, WeightedRows.Table table, double[] v, boolean global, int from, int to, int n) {
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        for (int start = from; start < to; start += n) {
            dataset.add(batch(table, v, global, start, Math.min(to, start + n)));
        }
        return dataset;
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics statistics, String name) {
        return statistics.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    @SeededProperty(tries = 60)
    void overriddenFeaturesAreWeightedByTheirOwnWeight(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WeightedRows.Table table = WeightedRows.Table.generated(random);
        if (table.size() == 0) {
            return;
        }
        double[] v = WeightedRows.weights(random, WeightedRows.Kind.EIGHTHS, table.size());
        boolean global = random.nextBoolean();
        StatisticsOptions options = StatisticsOptions.DEFAULT.toBuilder()
                .weightFeature(global ? WeightedRows.WEIGHT : "")
                .weightOverrides(Map.of("fare", OVERRIDE, "company", OVERRIDE))
                .build();
        int batchRows = Gen.between(random, 1, 60);
        DatasetFeatureStatistics whole = accumulate(options, table, v, global, 0, table.size(), batchRows)
                .result("");
        int cut = Gen.between(random, 0, table.size());
        DatasetAccumulator merged = accumulate(options, table, v, global, 0, cut, batchRows);
        merged.merge(DatasetAccumulator.fromBytes(
                accumulate(options, table, v, global, cut, table.size(), batchRows)
                        .toBytes(),
                options));
        for (DatasetFeatureStatistics statistics : List.of(whole, merged.result(""))) {
            double totalV = WeightedBruteForce.sum(v);
            double totalW = global ? WeightedBruteForce.sum(table.weights()) : 0;
            WeightedAssertions.assertSum("weighted_num_examples", statistics.getWeightedNumExamples(), totalW, totalW);

            FeatureNameStatistics fare = feature(statistics, "fare");
            WeightedAssertions.assertCommon(
                    fare.getNumStats().getCommonStats().getWeightedCommonStats(),
                    WeightedBruteForce.common(table.table().fare(), v, totalV),
                    totalV);
            WeightedAssertions.assertNumeric(
                    fare,
                    WeightedBruteForce.numeric(table.table().fare(), v),
                    BruteForceStatistics.numeric(table.table().fare()),
                    options.forFeature("fare"));

            FeatureNameStatistics company = feature(statistics, "company");
            WeightedAssertions.assertCommon(
                    company.getStringStats().getCommonStats().getWeightedCommonStats(),
                    WeightedBruteForce.common(table.table().company(), v, totalV),
                    totalV);
            if (BruteForceStatistics.strings(table.table().company()).valueCount() > 0) {
                WeightedAssertions.assertStrings(
                        company,
                        WeightedBruteForce.ranked(table.table().company(), v),
                        StringAccumulator.WEIGHTED_FREQUENCY_THRESHOLD,
                        options.forFeature("company"));
            }

            FeatureNameStatistics trips = feature(statistics, "trips");
            if (global) {
                WeightedAssertions.assertCommon(
                        trips.getNumStats().getCommonStats().getWeightedCommonStats(),
                        WeightedBruteForce.common(table.table().trips(), table.weights(), totalW),
                        totalW);
                WeightedAssertions.assertNumeric(
                        trips,
                        WeightedBruteForce.numeric(table.table().trips(), table.weights()),
                        BruteForceStatistics.numeric(table.table().trips()),
                        options);
            } else {
                assertThat(trips.getNumStats().getCommonStats().hasWeightedCommonStats())
                        .isFalse();
                assertThat(trips.getNumStats().hasWeightedNumericStats()).isFalse();
            }
        }
        // the unweighted statistics are those of a run without any weight
        assertThat(WeightedRows.withoutWeights(feature(whole, "fare")))
                .isEqualTo(WeightedRows.withoutWeights(feature(
                        accumulate(StatisticsOptions.DEFAULT, table, v, global, 0, table.size(), batchRows)
                                .result(""),
                        "fare")));
    }

    @Test
    void aMissingOverrideWeightIsAConfigError() {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withWeightOverrides(Map.of("fare", "nope"));
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        ColumnBuilder fare = ColumnBuilder.of("fare", FeatureType.FLOAT);
        fare.startList();
        fare.addFloat(2.5);
        fare.endList();
        RecordBatch batch = new RecordBatch(1, List.of(fare.build()));
        assertThatThrownBy(() -> dataset.add(batch))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("weight feature \"nope\"");
    }

    @Test
    void statesWithOtherOverridesDoNotMerge() {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withWeightOverrides(Map.of("fare", OVERRIDE));
        DatasetAccumulator overridden = new DatasetAccumulator(options);
        DatasetAccumulator plain = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        assertThatThrownBy(() -> plain.merge(overridden)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatasetAccumulator.fromBytes(plain.toBytes(), options))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
