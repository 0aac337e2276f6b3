package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_HIGH_NUMBER_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_VALUES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.ListLevels;
import dev.veracity.data.Nesting;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StructRows;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.proto.ValueCount;
import dev.veracity.stats.DatasetAccumulator;
import dev.veracity.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inference and validation of nested features end to end, from statistics computed on nested batches: a feature list
 * under the {@code ##SEQUENCE##} struct gets a STRUCT parent and {@code value_counts} per nesting level, as TFDV's
 * {@code InitValueCount} writes them ({@code schema_test.cc}: "feature_with_multiple_nestedness_levels"), and
 * {@code UpdateValueCounts} checks each level ({@code feature_util_test.cc}: "num_values_outside_value_counts_bounds").
 */
class NestedSchemaTest {
    private static final String SEQ = "##SEQUENCE##";

    /** {@return statistics of rows of a feature list f (steps of int lists) and a context feature c} */
    private static DatasetFeatureStatisticsList statistics(List<List<List<Long>>> rows) {
        ColumnBuilder values = ColumnBuilder.of(SEQ + ".f", FeatureType.INT);
        ColumnBuilder context = ColumnBuilder.of("c", FeatureType.INT);
        List<Integer> rowSteps = new ArrayList<>(List.of(0));
        List<Integer> stepValues = new ArrayList<>(List.of(0));
        for (List<List<Long>> row : rows) {
            values.startList();
            for (List<Long> step : row) {
                step.forEach(values::addInt);
                stepValues.add(stepValues.get(stepValues.size() - 1) + step.size());
            }
            values.endList();
            rowSteps.add(rowSteps.get(rowSteps.size() - 1) + row.size());
            context.appendInt(1);
        }
        boolean[] stepPresent = new boolean[stepValues.size() - 1];
        Arrays.fill(stepPresent, true);
        boolean[] structPresent = new boolean[rows.size()];
        Arrays.fill(structPresent, true);
        ListLevels levels = new ListLevels(
                SEQ + ".f",
                List.of(SEQ, "f"),
                new int[][] {
                    rowSteps.stream().mapToInt(Integer::intValue).toArray(),
                    stepValues.stream().mapToInt(Integer::intValue).toArray()
                },
                new boolean[][] {stepPresent});
        RecordBatch batch = new RecordBatch(
                rows.size(),
                List.of(context.build(), values.build()),
                new Nesting(List.of(levels), List.of(new StructRows(List.of(SEQ), structPresent))));
        DatasetAccumulator dataset = new DatasetAccumulator(StatisticsOptions.DEFAULT);
        dataset.add(batch);
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(dataset.result(""))
                .build();
    }

    private static final List<List<List<Long>>> TWO_STEPS_OF_ONE =
            List.of(List.of(List.of(1L), List.of(2L)), List.of(List.of(3L), List.of(4L)));

    @Test
    void featureListsInferAStructWithValueCountsPerLevel() {
        Schema schema = SchemaInference.infer(statistics(TWO_STEPS_OF_ONE));
        assertThat(schema.getFeatureList()).extracting(Feature::getName).containsExactly("c", SEQ);
        Feature struct = schema.getFeature(1);
        assertThat(struct.getType()).isEqualTo(dev.veracity.proto.FeatureType.STRUCT);
        assertThat(struct.getStructDomain().getFeatureList())
                .extracting(Feature::getName)
                .containsExactly("f");
        Feature f = struct.getStructDomain().getFeature(0);
        assertThat(f.getType()).isEqualTo(dev.veracity.proto.FeatureType.INT);
        assertThat(f.hasValueCount()).isFalse();
        assertThat(f.getValueCounts().getValueCountList())
                .containsExactly(
                        ValueCount.newBuilder().setMin(2).setMax(2).build(),
                        ValueCount.newBuilder().setMin(1).setMax(1).build());
        assertThat(Validator.isClean(
                        Validator.validate(statistics(TWO_STEPS_OF_ONE), schema).run()))
                .isTrue();
    }

    @Test
    void eachLevelIsCheckedAgainstItsValueCount() {
        Schema schema = SchemaInference.infer(statistics(TWO_STEPS_OF_ONE));
        // one example has three steps (level 0 above 2); one step has no value and one has two (level 1 outside 1)
        Anomalies anomalies = Validator.validate(
                        statistics(List.of(
                                List.of(List.of(1L), List.of(2L), List.of(3L)), List.of(List.of(), List.of(4L, 5L)))),
                        schema)
                .run();
        String key = PathNames.serialize(List.of(SEQ, "f"));
        AnomalyAssertions.someReason(anomalies, key, FEATURE_TYPE_HIGH_NUMBER_VALUES, "value_count[0].max = 2");
        AnomalyAssertions.someReason(anomalies, key, FEATURE_TYPE_LOW_NUMBER_VALUES, "value_count[1].min = 1");
        assertThat(anomalies.getAnomalyInfoMap().get(key).getReasonList())
                .filteredOn(r -> r.getType() == FEATURE_TYPE_HIGH_NUMBER_VALUES)
                .extracting(dev.veracity.proto.AnomalyInfo.Reason::getDescription)
                .anyMatch(d -> d.contains("value_count[1].max = 1"));
        Schema updated = SchemaUpdater.update(
                schema,
                statistics(
                        List.of(List.of(List.of(1L), List.of(2L), List.of(3L)), List.of(List.of(), List.of(4L, 5L)))));
        Feature f = updated.getFeature(1).getStructDomain().getFeature(0);
        assertThat(f.getValueCounts().getValueCountList())
                .containsExactly(
                        ValueCount.newBuilder().setMin(2).setMax(3).build(),
                        ValueCount.newBuilder().setMax(2).build());
    }
}
