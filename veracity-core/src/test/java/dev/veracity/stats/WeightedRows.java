package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.Gen;
import dev.veracity.testing.StatisticsAssertions;
import dev.veracity.testing.WeightedAssertions;
import dev.veracity.testing.WeightedBruteForce;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link Rows.Table} with a weight per row, in a fourth column "w" (FLOAT, or INT when the weights are integers),
 * and generators of weights of several kinds.
 */
final class WeightedRows {
    static final String WEIGHT = "w";

    private WeightedRows() {}

    /** How weights are drawn: kinds that sum exactly in doubles, and kinds that do not. */
    enum Kind {
        /** Integers 0 to 5, in an INT column. */
        INTEGERS,
        /** Multiples of 1/8 below 8: exact sums, many ties. */
        EIGHTHS,
        /** Uniform in [0, 10): rounded sums, a few significant bits lost to the quantile sketches. */
        REALS,
        /** Log-uniform over 2^-20 to 2^20, one time in 10 zero: a wide range of exponents. */
        WIDE
    }

    static double weight(SplittableRandom random, Kind kind) {
        return switch (kind) {
            case INTEGERS -> Gen.between(random, 0, 5);
            case EIGHTHS -> Gen.between(random, 0, 63) / 8.0;
            case REALS -> random.nextDouble(10);
            case WIDE -> Gen.oneIn(random, 10) ? 0 : Math.scalb(1 + random.nextDouble(), random.nextInt(-20, 21));
        };
    }

    static double[] weights(SplittableRandom random, Kind kind, int rows) {
        double[] weights = new double[rows];
        for (int r = 0; r < rows; r++) {
            weights[r] = weight(random, kind);
        }
        return weights;
    }

    /**
     * A table with weights.
     *
     * @param table   the features' rows
     * @param weights per row, its weight
     * @param kind    how the weights were drawn
     */
    record Table(Rows.Table table, double[] weights, Kind kind) {
        static Table generated(SplittableRandom random) {
            Rows.Table table = RowGenerators.table(random);
            Kind kind = Gen.oneOf(random, Kind.values());
            return new Table(table, WeightedRows.weights(random, kind, table.size()), kind);
        }

        int size() {
            return table.size();
        }

        Column weightColumn(int from, int to) {
            FeatureType type = kind == Kind.INTEGERS ? FeatureType.INT : FeatureType.FLOAT;
            ColumnBuilder builder = ColumnBuilder.of(WEIGHT, type);
            for (int r = from; r < to; r++) {
                builder.startList();
                if (kind == Kind.INTEGERS) {
                    builder.addInt((long) weights[r]);
                } else {
                    builder.addFloat(weights[r]);
                }
                builder.endList();
            }
            return builder.build();
        }

        /** {@return the rows {@code [from, to)} as a batch of four columns, the weight second} */
        RecordBatch batch(int from, int to) {
            List<Column> columns = new ArrayList<>(table.batch(from, to).columns());
            columns.add(1, weightColumn(from, to));
            return new RecordBatch(to - from, columns);
        }

        /** {@return a dataset accumulator fed the rows {@code [from, to)} in batches of at most {@code batchRows}} */
        DatasetAccumulator accumulate(StatisticsOptions options, int from, int to, int batchRows) {
            DatasetAccumulator dataset = new DatasetAccumulator(options);
            for (int start = from; start < to; start += batchRows) {
                dataset.add(batch(start, Math.min(to, start + batchRows)));
            }
            return dataset;
        }

        List<double[]> weightRows() {
            List<double[]> rows = new ArrayList<>(weights.length);
            for (double w : weights) {
                rows.add(new double[] {w});
            }
            return rows;
        }

        /** {@return the largest of the features' scales: the scale of rounding errors in their sums} */
        double scale() {
            return Math.max(
                    Math.max(
                            BruteForceStatistics.numeric(table.fare()).scale(),
                            BruteForceStatistics.numeric(table.trips()).scale()),
                    BruteForceStatistics.numeric(weightRows()).scale());
        }

        /**
         * Checks weighted statistics of these rows against the oracles: the unweighted fields as without weights,
         * the weighted ones by {@link WeightedAssertions}.
         */
        void assertMatches(DatasetFeatureStatistics statistics, StatisticsOptions options) {
            org.assertj.core.api.Assertions.assertThat(statistics.getNumExamples())
                    .isEqualTo(size());
            if (size() == 0) {
                org.assertj.core.api.Assertions.assertThat(statistics.getWeightedNumExamples())
                        .isZero();
                org.assertj.core.api.Assertions.assertThat(statistics.getFeaturesList())
                        .isEmpty();
                return;
            }
            double total = WeightedBruteForce.sum(weights);
            WeightedAssertions.assertSum("weighted_num_examples", statistics.getWeightedNumExamples(), total, total);
            org.assertj.core.api.Assertions.assertThat(statistics.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("fare", WEIGHT, "trips", "company");
            StatisticsOptions unweighted = options.withWeightFeature("");
            assertNumeric(statistics.getFeatures(0), table.fare(), FeatureType.FLOAT, options, total);
            assertNumeric(
                    statistics.getFeatures(1),
                    weightRows(),
                    kind == Kind.INTEGERS ? FeatureType.INT : FeatureType.FLOAT,
                    options,
                    total);
            assertNumeric(statistics.getFeatures(2), table.trips(), FeatureType.INT, options, total);
            FeatureNameStatistics company = statistics.getFeatures(3);
            StatisticsAssertions.assertStrings(
                    withoutWeights(company), BruteForceStatistics.strings(table.company()), unweighted);
            WeightedAssertions.assertCommon(
                    company.getStringStats().getCommonStats().getWeightedCommonStats(),
                    WeightedBruteForce.common(table.company(), weights, total),
                    total);
            if (BruteForceStatistics.strings(table.company()).valueCount() > 0) {
                WeightedAssertions.assertStrings(
                        company,
                        WeightedBruteForce.ranked(table.company(), weights),
                        StringAccumulator.WEIGHTED_FREQUENCY_THRESHOLD,
                        options);
            } else {
                org.assertj.core.api.Assertions.assertThat(
                                company.getStringStats().hasWeightedStringStats())
                        .isFalse();
            }
        }

        private void assertNumeric(
                FeatureNameStatistics actual,
                List<double[]> rows,
                FeatureType type,
                StatisticsOptions options,
                double total) {
            BruteForceStatistics.Numeric unweighted = BruteForceStatistics.numeric(rows);
            StatisticsAssertions.assertNumeric(withoutWeights(actual), unweighted, type, options.withWeightFeature(""));
            WeightedAssertions.assertCommon(
                    actual.getNumStats().getCommonStats().getWeightedCommonStats(),
                    WeightedBruteForce.common(rows, weights, total),
                    total);
            WeightedAssertions.assertNumeric(actual, WeightedBruteForce.numeric(rows, weights), unweighted, options);
        }
    }

    /** {@return the statistics without their {@code weighted_*} fields} */
    static FeatureNameStatistics withoutWeights(FeatureNameStatistics statistics) {
        FeatureNameStatistics.Builder b = statistics.toBuilder();
        if (b.hasNumStats()) {
            b.getNumStatsBuilder()
                    .clearWeightedNumericStats()
                    .getCommonStatsBuilder()
                    .clearWeightedCommonStats();
        }
        if (b.hasStringStats()) {
            b.getStringStatsBuilder()
                    .clearWeightedStringStats()
                    .getCommonStatsBuilder()
                    .clearWeightedCommonStats();
        }
        return b.build();
    }

    /** {@return the dataset statistics without their {@code weighted_*} fields} */
    static DatasetFeatureStatistics withoutWeights(DatasetFeatureStatistics statistics) {
        DatasetFeatureStatistics.Builder b =
                statistics.toBuilder().clearWeightedNumExamples().clearFeatures();
        for (FeatureNameStatistics feature : statistics.getFeaturesList()) {
            b.addFeatures(withoutWeights(feature));
        }
        return b.build();
    }

    static double[] concat(double[] first, double[] second) {
        double[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
