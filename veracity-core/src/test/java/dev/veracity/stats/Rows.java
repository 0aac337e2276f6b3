package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.testing.BruteForceStatistics;
import dev.veracity.testing.StatisticsAssertions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain rows (a {@code null} row is missing, an array is present) turned into columns and batches, and split into
 * parts.
 * INT rows hold integral doubles of magnitude below 2^53, so they convert to {@code long} exactly.
 */
final class Rows {
    private Rows() {}

    /**
     * Three features of the same rows: "fare" (FLOAT), "trips" (INT) and "company" (STRING).
     *
     * @param fare    FLOAT rows
     * @param trips   INT rows
     * @param company STRING rows
     */
    record Table(List<double[]> fare, List<double[]> trips, List<byte[][]> company) {
        Table {
            if (fare.size() != trips.size() || fare.size() != company.size()) {
                throw new IllegalArgumentException("features of different lengths");
            }
        }

        static Table generated(long seed, int rows) {
            GeneratedRows generated = new GeneratedRows(seed);
            return new Table(
                    generated.numericRows(FeatureType.FLOAT, rows),
                    generated.numericRows(FeatureType.INT, rows),
                    generated.stringRows(rows));
        }

        int size() {
            return fare.size();
        }

        /** {@return the rows {@code [from, to)} as a batch} */
        RecordBatch batch(int from, int to) {
            return new RecordBatch(
                    to - from,
                    List.of(
                            numericColumn("fare", FeatureType.FLOAT, fare.subList(from, to)),
                            numericColumn("trips", FeatureType.INT, trips.subList(from, to)),
                            stringColumn("company", company.subList(from, to))));
        }

        /** {@return a dataset accumulator fed the rows {@code [from, to)} in batches of at most {@code batchRows}} */
        DatasetAccumulator accumulate(StatisticsOptions options, int from, int to, int batchRows) {
            DatasetAccumulator dataset = new DatasetAccumulator(options);
            for (int start = from; start < to; start += batchRows) {
                dataset.add(batch(start, Math.min(to, start + batchRows)));
            }
            return dataset;
        }

        /** Checks statistics of these rows against the oracle, feature by feature, in order. */
        void assertMatches(DatasetFeatureStatistics statistics, StatisticsOptions options) {
            org.assertj.core.api.Assertions.assertThat(statistics.getNumExamples())
                    .isEqualTo(size());
            org.assertj.core.api.Assertions.assertThat(statistics.getFeaturesList())
                    .extracting(f -> f.getPath().getStep(0))
                    .containsExactly("fare", "trips", "company");
            StatisticsAssertions.assertNumeric(
                    statistics.getFeatures(0), BruteForceStatistics.numeric(fare), FeatureType.FLOAT, options);
            StatisticsAssertions.assertNumeric(
                    statistics.getFeatures(1), BruteForceStatistics.numeric(trips), FeatureType.INT, options);
            StatisticsAssertions.assertStrings(
                    statistics.getFeatures(2), BruteForceStatistics.strings(company), options);
        }
    }

    static Column numericColumn(String name, FeatureType type, List<double[]> rows) {
        ColumnBuilder builder = ColumnBuilder.of(name, type);
        for (double[] row : rows) {
            if (row == null) {
                builder.appendMissing();
                continue;
            }
            builder.startList();
            for (double v : row) {
                if (type == FeatureType.INT) {
                    builder.addInt((long) v);
                } else {
                    builder.addFloat(v);
                }
            }
            builder.endList();
        }
        return builder.build();
    }

    static Column stringColumn(String name, List<byte[][]> rows) {
        ColumnBuilder builder = ColumnBuilder.of(name, FeatureType.STRING);
        for (byte[][] row : rows) {
            if (row == null) {
                builder.appendMissing();
                continue;
            }
            builder.startList();
            for (byte[] value : row) {
                builder.addString(value, 0, value.length);
            }
            builder.endList();
        }
        return builder.build();
    }

    /** {@return a numeric accumulator fed the rows in batches of at most {@code batchRows} rows} */
    static NumericAccumulator numeric(
            String name, FeatureType type, StatisticsOptions options, List<double[]> rows, int batchRows) {
        NumericAccumulator accumulator = new NumericAccumulator(name, type, options);
        for (List<double[]> batch : chunks(rows, batchRows)) {
            accumulator.add(numericColumn(name, type, batch));
        }
        return accumulator;
    }

    /** {@return a string accumulator fed the rows in batches of at most {@code batchRows} rows} */
    static StringAccumulator strings(String name, StatisticsOptions options, List<byte[][]> rows, int batchRows) {
        StringAccumulator accumulator = new StringAccumulator(name, options);
        for (List<byte[][]> batch : chunks(rows, batchRows)) {
            accumulator.add(stringColumn(name, batch));
        }
        return accumulator;
    }

    static <T> List<List<T>> chunks(List<T> rows, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += size) {
            chunks.add(rows.subList(start, Math.min(rows.size(), start + size)));
        }
        return chunks;
    }

    /**
     * {@return the rows cut into {@code cuts.size() + 1} contiguous parts, possibly empty}
     *
     * @param cuts cut positions, taken modulo {@code rows.size() + 1}, in any order
     */
    static <T> List<List<T>> split(List<T> rows, List<Integer> cuts) {
        int[] positions = new int[cuts.size() + 2];
        for (int i = 0; i < cuts.size(); i++) {
            positions[i + 1] = Math.floorMod(cuts.get(i), rows.size() + 1);
        }
        positions[positions.length - 1] = rows.size();
        Arrays.sort(positions, 1, positions.length - 1);
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i + 1 < positions.length; i++) {
            parts.add(rows.subList(positions[i], positions[i + 1]));
        }
        return parts;
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
