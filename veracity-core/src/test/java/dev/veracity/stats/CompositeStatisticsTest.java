package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.TextFormat;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import dev.veracity.testing.SeededProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The statistics of sparse and weighted features: the situations of TFDV's
 * {@code sparse_feature_stats_generator_test.py} and {@code weighted_feature_stats_generator_test.py} with the
 * values they expect, and a seeded brute-force property over merged parts.
 */
class CompositeStatisticsTest {
    private static final String SPARSE_SCHEMA = """
            sparse_feature {
              name: 'sparse_feature'
              index_feature { name: 'index_feature1' }
              index_feature { name: 'index_feature2' }
              value_feature { name: 'value_feature' }
            }
            """;
    private static final String WEIGHTED_SCHEMA = """
            weighted_feature {
              name: 'weighted_feature'
              feature { step: 'value' }
              weight_feature { step: 'weight' }
            }
            """;

    static Schema schema(String text) {
        try {
            return TextFormat.parse(text, Schema.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A column: each row a list of values (Long or String), or null for a missing row. */
    static Column column(String name, FeatureType type, List<?>... rows) {
        ColumnBuilder builder = ColumnBuilder.of(name, type);
        for (List<?> row : rows) {
            if (row == null) {
                builder.appendMissing();
                continue;
            }
            builder.startList();
            for (Object value : row) {
                if (type == FeatureType.STRING) {
                    byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                    builder.addString(bytes, 0, bytes.length);
                } else {
                    builder.addInt((Long) value);
                }
            }
            builder.endList();
        }
        return builder.build();
    }

    static List<Long> ints(long... values) {
        return Arrays.stream(values).boxed().toList();
    }

    static List<String> strings(String... values) {
        return List.of(values);
    }

    private static DatasetFeatureStatistics statistics(String schema, RecordBatch... batches) {
        DatasetAccumulator dataset = new DatasetAccumulator(
                StatisticsOptions.DEFAULT.withCompositeFeatures(CompositeFeatures.of(schema(schema))));
        for (RecordBatch batch : batches) {
            dataset.add(batch);
        }
        return dataset.result("");
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStepList().equals(List.of(name)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + dataset));
    }

    private static CustomStatistic custom(FeatureNameStatistics feature, String name) {
        return feature.getCustomStatsList().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + feature));
    }

    /** {@return index feature 1's and 2's buckets of a rank-histogram custom statistic} */
    private static List<Double> buckets(FeatureNameStatistics feature, String name) {
        RankHistogram histogram = custom(feature, name).getRankHistogram();
        assertThat(histogram.getBucketsList())
                .extracting(RankHistogram.Bucket::getLabel)
                .containsExactly("index_feature1", "index_feature2");
        return histogram.getBucketsList().stream()
                .map(RankHistogram.Bucket::getSampleCount)
                .toList();
    }

    @Nested
    class Sparse {
        private void expect(
                DatasetFeatureStatistics dataset,
                double missingValue,
                List<Double> missingIndex,
                List<Double> maxDiff,
                List<Double> minDiff) {
            FeatureNameStatistics sparse = feature(dataset, "sparse_feature");
            assertThat(sparse.getCustomStatsList())
                    .extracting(CustomStatistic::getName)
                    .containsExactly("missing_value", "missing_index", "max_length_diff", "min_length_diff");
            assertThat(sparse.getStatsCase()).isEqualTo(FeatureNameStatistics.StatsCase.STATS_NOT_SET);
            assertThat(custom(sparse, "missing_value").getNum()).isEqualTo(missingValue);
            assertThat(buckets(sparse, "missing_index")).isEqualTo(missingIndex);
            assertThat(buckets(sparse, "max_length_diff")).isEqualTo(maxDiff);
            assertThat(buckets(sparse, "min_length_diff")).isEqualTo(minDiff);
        }

        @Test
        void validInput() {
            RecordBatch batch = new RecordBatch(
                    2,
                    List.of(
                            column("value_feature", FeatureType.STRING, strings("a"), strings("a", "b")),
                            column("index_feature1", FeatureType.INT, ints(1), ints(1, 3)),
                            column("index_feature2", FeatureType.INT, ints(2), ints(2, 4))));
            expect(statistics(SPARSE_SCHEMA, batch), 0, List.of(0.0, 0.0), List.of(0.0, 0.0), List.of(0.0, 0.0));
        }

        @Test
        void missingValueAndIndex() {
            RecordBatch batch = new RecordBatch(
                    5,
                    List.of(
                            column(
                                    "value_feature",
                                    FeatureType.STRING,
                                    null,
                                    null,
                                    strings("a", "b"),
                                    strings("a", "b"),
                                    strings("a", "b")),
                            column("index_feature1", FeatureType.INT, ints(1), ints(1), null, null, null),
                            column(
                                    "index_feature2",
                                    FeatureType.INT,
                                    ints(2),
                                    ints(2),
                                    ints(2, 4),
                                    ints(2, 4),
                                    ints(2, 4))));
            expect(statistics(SPARSE_SCHEMA, batch), 2, List.of(3.0, 0.0), List.of(1.0, 1.0), List.of(-2.0, 0.0));
        }

        @Test
        void lengthMismatch() {
            RecordBatch batch = new RecordBatch(
                    5,
                    List.of(
                            column(
                                    "value_feature",
                                    FeatureType.STRING,
                                    strings(),
                                    strings(),
                                    strings("a", "b"),
                                    strings("a", "b"),
                                    strings("a", "b")),
                            column(
                                    "index_feature1",
                                    FeatureType.INT,
                                    ints(1),
                                    ints(1),
                                    ints(1, 3),
                                    ints(1, 3),
                                    ints(1, 3)),
                            column(
                                    "index_feature2",
                                    FeatureType.INT,
                                    ints(2),
                                    ints(2),
                                    ints(2, 4, 6, 7, 9),
                                    ints(2, 4, 6, 7, 9),
                                    ints(2, 4, 6, 7, 9))));
            expect(statistics(SPARSE_SCHEMA, batch), 0, List.of(0.0, 0.0), List.of(1.0, 3.0), List.of(0.0, 1.0));
        }

        @Test
        void valueFeatureNotInBatch() {
            RecordBatch batch = new RecordBatch(
                    2,
                    List.of(
                            column("index_feature1", FeatureType.INT, ints(1), ints(1, 3)),
                            column("index_feature2", FeatureType.INT, ints(2), ints(2, 4))));
            expect(statistics(SPARSE_SCHEMA, batch), 2, List.of(0.0, 0.0), List.of(2.0, 2.0), List.of(1.0, 1.0));
        }

        @Test
        void batchMissingEntireSparseFeature() {
            RecordBatch first = new RecordBatch(
                    7,
                    List.of(
                            column(
                                    "value_feature",
                                    FeatureType.STRING,
                                    null,
                                    null,
                                    strings("a", "b"),
                                    strings("a", "b"),
                                    strings("a", "b"),
                                    null,
                                    null),
                            column(
                                    "index_feature1",
                                    FeatureType.INT,
                                    ints(1, 2),
                                    ints(1, 2),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            column(
                                    "index_feature2",
                                    FeatureType.INT,
                                    ints(2, 4),
                                    ints(2, 4),
                                    ints(2, 4, 6),
                                    ints(2, 4, 6),
                                    ints(2, 4, 6),
                                    null,
                                    null),
                            column(
                                    "other_feature1",
                                    FeatureType.STRING,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    strings("a"),
                                    strings("a"))));
            RecordBatch second = new RecordBatch(
                    2, List.of(column("other_feature1", FeatureType.STRING, strings("a"), strings("b"))));
            // TFDV: missing_value 2, missing_index [3, 0], max_length_diff [2, 2], min_length_diff [-2, 1]
            expect(
                    statistics(SPARSE_SCHEMA, first, second),
                    2,
                    List.of(3.0, 0.0),
                    List.of(2.0, 2.0),
                    List.of(-2.0, 1.0));
        }

        @Test
        void datasetMissingEntireSparseFeatureIsSemanticallyEmpty() {
            RecordBatch batch = new RecordBatch(1, List.of(column("other_feature", FeatureType.STRING, strings("a"))));
            expect(statistics(SPARSE_SCHEMA, batch), 0, List.of(0.0, 0.0), List.of(0.0, 0.0), List.of(0.0, 0.0));
        }

        @Test
        void nameOfAColumnJoinsThatColumnsStatistics() {
            RecordBatch batch = new RecordBatch(
                    1,
                    List.of(
                            column("sparse_feature", FeatureType.INT, ints(1)),
                            column("value_feature", FeatureType.INT, ints(1))));
            FeatureNameStatistics joined = feature(statistics(SPARSE_SCHEMA, batch), "sparse_feature");
            assertThat(joined.hasNumStats()).isTrue();
            assertThat(joined.getCustomStatsList())
                    .extracting(CustomStatistic::getName)
                    .contains("missing_value", "missing_index");
        }
    }

    @Nested
    class Weighted {
        private void expect(
                double missingWeight, double missingValue, double minDiff, double maxDiff, RecordBatch... batches) {
            FeatureNameStatistics weighted = feature(statistics(WEIGHTED_SCHEMA, batches), "weighted_feature");
            assertThat(weighted.getCustomStatsList())
                    .extracting(CustomStatistic::getName, CustomStatistic::getNum)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("missing_weight", missingWeight),
                            org.assertj.core.groups.Tuple.tuple("missing_value", missingValue),
                            org.assertj.core.groups.Tuple.tuple("min_weight_length_diff", minDiff),
                            org.assertj.core.groups.Tuple.tuple("max_weight_length_diff", maxDiff));
        }

        private RecordBatch pairs(List<?>[] values, List<?>[] weights) {
            List<Column> columns = new ArrayList<>();
            int rows = values != null ? values.length : weights.length;
            if (values != null) {
                columns.add(column("value", FeatureType.STRING, values));
            }
            if (weights != null) {
                columns.add(column("weight", FeatureType.INT, weights));
            }
            return new RecordBatch(rows, columns);
        }

        @Test
        void allMatchingOneAndTwoBatches() {
            RecordBatch batch =
                    pairs(new List<?>[] {strings("a"), strings("a", "b")}, new List<?>[] {ints(2), ints(2, 4)});
            expect(0, 0, 0, 0, batch);
            expect(0, 0, 0, 0, batch, batch);
        }

        @Test
        void lengthMismatchPositiveAndNegative() {
            expect(0, 0, 0, 1, pairs(new List<?>[] {strings("a"), strings("a")}, new List<?>[] {ints(2), ints(2, 4)}));
            expect(0, 0, -1, 0, pairs(new List<?>[] {strings("a"), strings("a", "b")}, new List<?>[] {ints(2), ints(2)
            }));
        }

        @Test
        void lengthMismatchMultiBatch() {
            RecordBatch first = pairs(new List<?>[] {strings("a"), strings("a", "b")}, new List<?>[] {ints(), ints()});
            RecordBatch other = new RecordBatch(2, List.of(column("other", FeatureType.INT, ints(1), ints(1, 1))));
            expect(0, 0, -2, -1, first, other);
        }

        @Test
        void somePairsMissing() {
            expect(0, 0, 1, 1, pairs(new List<?>[] {strings("a"), null, strings("a", "b")}, new List<?>[] {
                ints(1, 1), null, ints(1, 1, 1)
            }));
        }

        @Test
        void emptyWeightsEmptyValuesAndNothing() {
            expect(2, 0, -2, -1, pairs(new List<?>[] {strings("a"), strings("a", "b")}, null));
            expect(0, 2, 1, 2, pairs(null, new List<?>[] {ints(1), ints(1, 2)}));
            expect(0, 0, 0, 0, new RecordBatch(0, List.of()));
        }

        @Test
        void sharedWeight() {
            String schema = """
                    weighted_feature { name: 'weighted_feature1' feature { step: 'value1' } weight_feature { step: 'weight' } }
                    weighted_feature { name: 'weighted_feature2' feature { step: 'value2' } weight_feature { step: 'weight' } }
                    """;
            RecordBatch batch = new RecordBatch(
                    3,
                    List.of(
                            column("value1", FeatureType.STRING, strings("a"), strings("a", "b"), strings("a")),
                            column("value2", FeatureType.STRING, strings("x"), strings("y"), strings("x")),
                            column("weight", FeatureType.INT, ints(2), ints(4), null)));
            DatasetFeatureStatistics dataset = statistics(schema, batch);
            // TFDV: 1 missing weight each; diffs [-1, 0] and [-1, 0]
            for (String name : List.of("weighted_feature1", "weighted_feature2")) {
                FeatureNameStatistics feature = feature(dataset, name);
                assertThat(custom(feature, "missing_weight").getNum()).isEqualTo(1);
                assertThat(custom(feature, "missing_value").getNum()).isZero();
                assertThat(custom(feature, "min_weight_length_diff").getNum()).isEqualTo(-1);
            }
            assertThat(custom(feature(dataset, "weighted_feature1"), "max_weight_length_diff")
                            .getNum())
                    .isZero();
            assertThat(custom(feature(dataset, "weighted_feature2"), "max_weight_length_diff")
                            .getNum())
                    .isZero();
        }
    }

    @Nested
    class Merging {
        private static final String BOTH = SPARSE_SCHEMA + WEIGHTED_SCHEMA;

        /** A random column of rows: missing, or a list of 0 to 3 values; absent from some batches altogether. */
        private List<?>[] rows(SplittableRandom random, int count) {
            List<?>[] rows = new List<?>[count];
            for (int r = 0; r < count; r++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                long[] values = new long[random.nextInt(4)];
                rows[r] = ints(values);
            }
            return rows;
        }

        @SeededProperty(tries = 40)
        void mergedPartsEqualTheWholeAndABruteForceCount(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> names = List.of("value_feature", "index_feature1", "index_feature2", "value", "weight");
            List<RecordBatch> batches = new ArrayList<>();
            List<List<List<?>[]>> columnsPerBatch = new ArrayList<>();
            for (int b = 1 + random.nextInt(4); b > 0; b--) {
                int count = random.nextInt(6);
                List<Column> columns = new ArrayList<>();
                List<List<?>[]> raw = new ArrayList<>();
                for (String name : names) {
                    List<?>[] rows = random.nextInt(5) == 0 ? new List<?>[count] : rows(random, count);
                    raw.add(rows);
                    if (rows.length > 0 && Arrays.stream(rows).allMatch(r -> r == null) && random.nextBoolean()) {
                        continue; // absent from the batch: missing in every row
                    }
                    columns.add(column(name, FeatureType.INT, rows));
                }
                batches.add(new RecordBatch(count, columns));
                columnsPerBatch.add(raw);
            }
            StatisticsOptions options =
                    StatisticsOptions.DEFAULT.withCompositeFeatures(CompositeFeatures.of(schema(BOTH)));
            DatasetAccumulator whole = new DatasetAccumulator(options);
            DatasetAccumulator merged = new DatasetAccumulator(options);
            for (RecordBatch batch : batches) {
                whole.add(batch);
                DatasetAccumulator part = new DatasetAccumulator(options);
                part.add(batch);
                merged.merge(DatasetAccumulator.fromBytes(part.toBytes(), options));
            }
            assertThat(merged.result("")).isEqualTo(whole.result(""));

            // brute force over the raw rows
            long missingValue = 0;
            long[] missingIndex = new long[2];
            long[] minDiff = {Long.MAX_VALUE, Long.MAX_VALUE};
            long[] maxDiff = {Long.MIN_VALUE, Long.MIN_VALUE};
            long missingW = 0;
            long missingWv = 0;
            long minW = Long.MAX_VALUE;
            long maxW = Long.MIN_VALUE;
            for (List<List<?>[]> raw : columnsPerBatch) {
                for (int r = 0; r < raw.get(0).length; r++) {
                    List<?> value = raw.get(0)[r];
                    List<?> i1 = raw.get(1)[r];
                    List<?> i2 = raw.get(2)[r];
                    if (value != null || i1 != null || i2 != null) {
                        missingValue += value == null ? 1 : 0;
                        List<?>[] indices = new List<?>[] {i1, i2};
                        for (int i = 0; i < 2; i++) {
                            missingIndex[i] += indices[i] == null ? 1 : 0;
                            long diff = size(indices[i]) - size(value);
                            minDiff[i] = Math.min(minDiff[i], diff);
                            maxDiff[i] = Math.max(maxDiff[i], diff);
                        }
                    }
                    List<?> v = raw.get(3)[r];
                    List<?> w = raw.get(4)[r];
                    if (v != null || w != null) {
                        missingWv += v == null ? 1 : 0;
                        missingW += w == null ? 1 : 0;
                        minW = Math.min(minW, size(w) - size(v));
                        maxW = Math.max(maxW, size(w) - size(v));
                    }
                }
            }
            DatasetFeatureStatistics result = whole.result("");
            FeatureNameStatistics sparse = feature(result, "sparse_feature");
            assertThat(custom(sparse, "missing_value").getNum()).isEqualTo(missingValue);
            assertThat(buckets(sparse, "missing_index"))
                    .containsExactly((double) missingIndex[0], (double) missingIndex[1]);
            assertThat(buckets(sparse, "min_length_diff"))
                    .containsExactly((double) orZero(minDiff[0]), (double) orZero(minDiff[1]));
            assertThat(buckets(sparse, "max_length_diff"))
                    .containsExactly((double) orZero(maxDiff[0]), (double) orZero(maxDiff[1]));
            FeatureNameStatistics weighted = feature(result, "weighted_feature");
            assertThat(custom(weighted, "missing_weight").getNum()).isEqualTo(missingW);
            assertThat(custom(weighted, "missing_value").getNum()).isEqualTo(missingWv);
            assertThat(custom(weighted, "min_weight_length_diff").getNum()).isEqualTo(orZero(minW));
            assertThat(custom(weighted, "max_weight_length_diff").getNum()).isEqualTo(orZero(maxW));
        }

        private static long size(List<?> list) {
            return list == null ? 0 : list.size();
        }

        private static long orZero(long extreme) {
            return extreme == Long.MAX_VALUE || extreme == Long.MIN_VALUE ? 0 : extreme;
        }

        @Test
        void stateOfOtherCompositesIsRefused() {
            StatisticsOptions sparse =
                    StatisticsOptions.DEFAULT.withCompositeFeatures(CompositeFeatures.of(schema(SPARSE_SCHEMA)));
            byte[] bytes = new DatasetAccumulator(sparse).toBytes();
            assertThatThrownBy(() -> DatasetAccumulator.fromBytes(bytes, StatisticsOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sparse features");
            assertThatThrownBy(() ->
                            new DatasetAccumulator(sparse).merge(new DatasetAccumulator(StatisticsOptions.DEFAULT)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
