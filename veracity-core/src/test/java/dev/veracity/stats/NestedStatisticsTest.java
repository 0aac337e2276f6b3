package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.TextFormat;
import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import dev.veracity.proto.CommonStatistics;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-level statistics of nested features, on the situations of TFDV's {@code basic_stats_generator_test.py}
 * ({@code _NESTED_TEST_CASES}) with the values its tests state, and on a struct as tfx-bsl decodes feature lists.
 */
class NestedStatisticsTest {
    private static final StatisticsOptions OPTIONS = StatisticsOptions.builder()
            .numHistogramBuckets(3)
            .numQuantilesHistogramBuckets(4)
            .numValuesHistogramBuckets(2)
            .build();

    /** TFDV's "nested" case: three batches of list<list<list<bytes>>> with weights 1; 'a' has 3 levels. */
    @Test
    void tfdvNestedCase() throws Exception {
        StatisticsOptions options = OPTIONS.withWeightFeature("w");
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        dataset.add(batch(Arrays.asList(null, null), 3));
        dataset.add(batch(
                List.of(
                        Arrays.asList(Arrays.asList(List.of("a", "a"), List.of("a"), null), null, List.of()),
                        List.of(List.of(List.of("a", "a")), List.of(List.of("a")))),
                3));
        dataset.add(batch(List.of(Arrays.asList(Arrays.asList(null, null), null, List.of())), 3));
        FeatureNameStatistics a = feature(dataset.result(""), "a");
        FeatureNameStatistics expected = TextFormat.parse("""
                type: STRING
                string_stats {
                  common_stats {
                    num_non_missing: 3
                    num_missing: 2
                    max_num_values: 3
                    avg_num_values: 2.0
                    weighted_common_stats { num_non_missing: 3.0 num_missing: 2.0 avg_num_values: 2.0 tot_num_values: 6.0 }
                    tot_num_values: 6
                    presence_and_valency_stats {
                      num_non_missing: 3 num_missing: 2 min_num_values: 2 max_num_values: 3 tot_num_values: 8 }
                    presence_and_valency_stats { num_non_missing: 6 num_missing: 2 max_num_values: 3 tot_num_values: 7 }
                    presence_and_valency_stats {
                      num_non_missing: 4 num_missing: 3 min_num_values: 1 max_num_values: 2 tot_num_values: 6 }
                    weighted_presence_and_valency_stats {
                      num_non_missing: 3.0 num_missing: 2.0 avg_num_values: 2.6666666666666665 tot_num_values: 8.0 }
                    weighted_presence_and_valency_stats {
                      num_non_missing: 6.0 num_missing: 2.0 avg_num_values: 1.1666666666666667 tot_num_values: 7.0 }
                    weighted_presence_and_valency_stats {
                      num_non_missing: 4.0 num_missing: 3.0 avg_num_values: 1.5 tot_num_values: 6.0 }
                  }
                  avg_length: 1.0
                }
                path { step: "a" }
                """, FeatureNameStatistics.class);
        CommonStatistics common = a.getStringStats().getCommonStats();
        CommonStatistics want = expected.getStringStats().getCommonStats();
        assertThat(a.getType()).isEqualTo(expected.getType());
        assertThat(a.getPath()).isEqualTo(expected.getPath());
        assertThat(common.toBuilder().clearNumValuesHistogram().build()).isEqualTo(want);
        assertThat(a.getStringStats().getAvgLength()).isEqualTo(1.0f);
        // TFDV's level histograms are interpolated from its quantiles sketch; ours are exact: the names, and the
        // ranges from the least to the greatest count, are TFDV's
        assertThat(a.getCustomStatsList())
                .extracting(CustomStatistic::getName)
                .containsExactly(
                        "level_2_value_list_length_quantiles",
                        "level_2_value_list_length_standard",
                        "level_3_value_list_length_quantiles",
                        "level_3_value_list_length_standard");
        var level2 = a.getCustomStats(1).getHistogram();
        assertThat(level2.getBuckets(0).getLowValue()).isEqualTo(0);
        assertThat(level2.getBuckets(1).getHighValue()).isEqualTo(3);
        assertThat(level2.getBuckets(0).getHighValue()).isEqualTo(1.5);
        // counts per non-null level-2 list: 3, 0, 1, 1, 2, 0: four below 1.5, two from 1.5 to 3
        assertThat(level2.getBuckets(0).getSampleCount()).isEqualTo(4);
        assertThat(level2.getBuckets(1).getSampleCount()).isEqualTo(2);
        var level3 = a.getCustomStats(3).getHistogram();
        // counts per non-null level-3 list: 2, 1, 2, 1: buckets [1, 1.5) and [1.5, 2]
        assertThat(level3.getBuckets(0).getSampleCount()).isEqualTo(2);
        assertThat(level3.getBuckets(1).getSampleCount()).isEqualTo(2);
    }

    /** TFDV's "nested_null" case: {@code [[None, None], None, []]} of list<null>. */
    @Test
    void tfdvNestedNullCase() {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        dataset.add(batch(Arrays.asList(Arrays.asList(null, null), null, List.of()), 2));
        CommonStatistics common = common(feature(dataset.result(""), "a"));
        assertThat(common.getNumNonMissing()).isEqualTo(2);
        assertThat(common.getNumMissing()).isEqualTo(1);
        assertThat(common.getPresenceAndValencyStatsCount()).isEqualTo(2);
        assertThat(common.getPresenceAndValencyStats(0)
                        .toString()
                        .replaceAll("\\s+", " ")
                        .trim())
                .isEqualTo("num_non_missing: 2 num_missing: 1 max_num_values: 2 tot_num_values: 2");
        assertThat(common.getPresenceAndValencyStats(1).toString().trim()).isEqualTo("num_missing: 2");
    }

    /** TFDV's "nested_with_non_utf8" case, unweighted. */
    @Test
    void tfdvNestedWithNonUtf8Case() {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        dataset.add(batch(
                List.of(
                        Arrays.asList(Arrays.asList(List.of("a", "a"), List.of("a"), null), null, List.of()),
                        List.of(List.of(List.of("a", "\u00fc\u00a1\u00a1\u00a1\u00a1\u00a1")), List.of(List.of("a")))),
                3));
        FeatureNameStatistics a = feature(dataset.result(""), "a");
        CommonStatistics common = common(a);
        assertThat(common.getNumNonMissing()).isEqualTo(2);
        assertThat(common.getMinNumValues()).isEqualTo(3);
        assertThat(common.getMaxNumValues()).isEqualTo(3);
        assertThat(common.getAvgNumValues()).isEqualTo(3f);
        assertThat(common.getTotNumValues()).isEqualTo(6);
        assertThat(common.getPresenceAndValencyStatsList())
                .extracting(p -> List.of(
                        p.getNumNonMissing(),
                        p.getNumMissing(),
                        p.getMinNumValues(),
                        p.getMaxNumValues(),
                        p.getTotNumValues()))
                .containsExactly(List.of(2L, 0L, 2L, 3L, 5L), List.of(4L, 1L, 0L, 3L, 5L), List.of(4L, 1L, 1L, 2L, 6L));
        assertThat(a.getStringStats().getInvalidUtf8Count()).isEqualTo(1);
        assertThat(a.getStringStats().getAvgLength()).isCloseTo(1.833333f, within(1e-6f));
    }

    /** A feature list under a struct: the struct first, its fields' level-0 missing counted against it. */
    @Test
    void structBeforeItsFieldsWithPaths() {
        List<List<List<Object>>> rows = Arrays.asList(List.of(List.of("x")), null, List.of());
        Built built = build("##SEQUENCE##.f", List.of("##SEQUENCE##", "f"), new ArrayList<>(rows), 2);
        boolean[] present = {true, true, true};
        RecordBatch batch = new RecordBatch(
                3,
                List.of(built.column()),
                new Nesting(List.of(built.levels()), List.of(new StructRows(List.of("##SEQUENCE##"), present))));
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        dataset.add(batch);
        DatasetAccumulator restored = DatasetAccumulator.fromBytes(dataset.toBytes(), OPTIONS);
        DatasetFeatureStatistics result = restored.result("");
        assertThat(result).isEqualTo(dataset.result(""));
        assertThat(result.getFeaturesList())
                .extracting(f -> (List<String>) List.copyOf(f.getPath().getStepList()))
                .containsExactly(List.of("##SEQUENCE##"), List.of("##SEQUENCE##", "f"));
        FeatureNameStatistics struct = result.getFeatures(0);
        assertThat(struct.getType()).isEqualTo(FeatureNameStatistics.Type.STRUCT);
        assertThat(struct.getStructStats().getCommonStats().getNumNonMissing()).isEqualTo(3);
        assertThat(struct.getStructStats().getCommonStats().getTotNumValues()).isEqualTo(3);
        CommonStatistics f = common(result.getFeatures(1));
        assertThat(f.getNumNonMissing()).isEqualTo(2);
        assertThat(f.getNumMissing()).isEqualTo(1);
        // sliced batches keep their levels
        RecordBatch firstTwo = batch.select(new int[] {0, 1}, 2);
        assertThat(firstTwo.nesting().lists().get(0).offsets()[0]).containsExactly(0, 1, 1);
    }

    @Test
    void differentNestLevelsAreAnError() {
        DatasetAccumulator dataset = new DatasetAccumulator(OPTIONS);
        dataset.add(batch(List.of(List.of(List.of(List.of("a")))), 3));
        RecordBatch twoLevels = batch(List.of(List.of(List.of("a"))), 2);
        assertThatThrownBy(() -> dataset.add(twoLevels))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected 3 nesting levels");
    }

    // ---- building nested columns from Java lists ------------------------------------------------------------------

    private record Built(Column column, ListLevels levels) {}

    /** {@return a batch of feature "a" (rows of nested lists, null for missing) and weight "w" of 1 per row} */
    private static RecordBatch batch(List<?> rows, int levels) {
        Built built = build("a", List.of("a"), rows, levels);
        ColumnBuilder w = ColumnBuilder.of("w", FeatureType.FLOAT);
        for (int r = 0; r < rows.size(); r++) {
            w.appendFloat(1);
        }
        return new RecordBatch(
                rows.size(), List.of(built.column(), w.build()), new Nesting(List.of(built.levels()), List.of()));
    }

    private static Built build(String name, List<String> path, List<?> rows, int levels) {
        ColumnBuilder values = ColumnBuilder.of(name, FeatureType.STRING);
        List<List<Integer>> offsets = new ArrayList<>();
        List<List<Boolean>> present = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            offsets.add(new ArrayList<>(List.of(0)));
            if (k > 0) {
                present.add(new ArrayList<>());
            }
        }
        for (Object row : rows) {
            if (row == null) {
                values.appendMissing();
            } else {
                values.startList();
                walk((List<?>) row, 0, levels, values, offsets, present);
                values.endList();
            }
            if (row == null) {
                offsets.get(0).add(last(offsets.get(0)));
            }
        }
        int[][] o = new int[levels][];
        boolean[][] p = new boolean[levels - 1][];
        for (int k = 0; k < levels; k++) {
            o[k] = offsets.get(k).stream().mapToInt(Integer::intValue).toArray();
            if (k > 0) {
                List<Boolean> flags = present.get(k - 1);
                p[k - 1] = new boolean[flags.size()];
                for (int i = 0; i < flags.size(); i++) {
                    p[k - 1][i] = flags.get(i);
                }
            }
        }
        return new Built(values.build(), new ListLevels(name, path, o, p));
    }

    /** Adds a present list at level k: its entries one level down (or values), and their offsets. */
    private static void walk(
            List<?> list,
            int k,
            int levels,
            ColumnBuilder values,
            List<List<Integer>> offsets,
            List<List<Boolean>> present) {
        if (k == levels - 1) {
            for (Object value : list) {
                byte[] bytes = ((String) value).getBytes(StandardCharsets.ISO_8859_1);
                values.addString(bytes, 0, bytes.length);
            }
            offsets.get(k).add(last(offsets.get(k)) + list.size());
            return;
        }
        for (Object entry : list) {
            present.get(k).add(entry != null);
            if (entry == null) {
                for (int j = k + 1; j < levels; j++) {
                    if (j == k + 1) {
                        offsets.get(j).add(last(offsets.get(j)));
                    }
                }
            } else {
                walk((List<?>) entry, k + 1, levels, values, offsets, present);
            }
        }
        offsets.get(k).add(last(offsets.get(k)) + list.size());
    }

    private static int last(List<Integer> list) {
        return list.get(list.size() - 1);
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static CommonStatistics common(FeatureNameStatistics feature) {
        return switch (feature.getStatsCase()) {
            case NUM_STATS -> feature.getNumStats().getCommonStats();
            case STRING_STATS -> feature.getStringStats().getCommonStats();
            case BYTES_STATS -> feature.getBytesStats().getCommonStats();
            case STRUCT_STATS -> feature.getStructStats().getCommonStats();
            case STATS_NOT_SET -> throw new AssertionError("no statistics");
        };
    }
}
