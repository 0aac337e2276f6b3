package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH;
import static dev.veracity.proto.AnomalyInfo.Type.DATASET_LOW_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_MISSING_COLUMN;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validation of corresponding slices: the situations of TFDV's {@code ValidateCorrespondingSlicesTest}
 * ({@code validation_api_test.py}) with our own statistics, and the anomalies TFDV's test expects.
 */
class CorrespondingSlicesTest {
    /** TFDV's {@code _test_schema}: an enum of 1-4 with min_domain_mass 0.5, always present. */
    private static final String FOO = "name: 'foo' type: BYTES"
            + " string_domain { name: 'feature_foo' value: '1' value: '2' value: '3' value: '4' }"
            + " distribution_constraints { min_domain_mass: 0.5 } presence { min_fraction: 1.0 }";

    private static final String SCHEMA = "feature { " + FOO + " }";

    /** As TFDV's {@code _construct_sliced_statistics}: slice1, slice2 (when it has values) and "All Examples". */
    private static DatasetFeatureStatisticsList sliced(List<String> slice1, List<String> slice2) {
        List<String> overall = new ArrayList<>(slice1);
        overall.addAll(slice2);
        DatasetFeatureStatisticsList.Builder list = DatasetFeatureStatisticsList.newBuilder();
        list.addDatasets(dataset("slice1", slice1));
        if (!slice2.isEmpty()) {
            list.addDatasets(dataset("slice2", slice2));
        }
        list.addDatasets(dataset(DatasetView.ALL_EXAMPLES, overall));
        return list.build();
    }

    private static DatasetFeatureStatistics dataset(String name, List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        Object[] labels = new Object[counts.size() * 2];
        int i = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            labels[i++] = entry.getKey();
            labels[i++] = entry.getValue();
        }
        return Stats.examples(values.size()).strings("foo").labels(labels).build().getDatasets(0).toBuilder()
                .setName(name)
                .build();
    }

    @Test
    void noAnomalies() {
        Anomalies anomalies = Validator.validate(
                        sliced(List.of("1", "2", "3", "4"), List.of("2", "2", "3")), Stats.schema(SCHEMA))
                .correspondingSlices()
                .run();
        assertClean(anomalies);
        assertThat(anomalies.getBaseline().getFeatureList())
                .extracting(f -> f.getName())
                .containsExactly("slice(slice1)::foo", "slice(slice2)::foo", "slice(All Examples)::foo");
    }

    @Test
    void aSliceMissingInThePreviousStatisticsIsNoError() {
        Anomalies anomalies = Validator.validate(sliced(List.of("1", "2"), List.of("3", "4")), Stats.schema(SCHEMA))
                .correspondingSlices()
                .previous(sliced(List.of("1", "2", "3", "4"), List.of()))
                .run();
        assertClean(anomalies);
    }

    @Test
    void aSliceMissingInTheCurrentStatisticsIsAnError() {
        Anomalies anomalies = Validator.validate(sliced(List.of("1", "2", "3", "4"), List.of()), Stats.schema(SCHEMA))
                .correspondingSlices()
                .previous(sliced(List.of("1", "2"), List.of("3", "4")))
                .run();
        AnomalyInfo.Reason reason =
                onlyReason(anomalies, "'slice(slice2)::foo'", SCHEMA_MISSING_COLUMN, "Column is completely missing");
        assertThat(reason.getShortDescription()).isEqualTo("Column dropped");
        assertThat(anomalies
                        .getAnomalyInfoMap()
                        .get("'slice(slice2)::foo'")
                        .getPath()
                        .getStepList())
                .containsExactly("slice(slice2)::foo");
    }

    @Test
    void anAnomalyInOneSlice() {
        Anomalies anomalies = Validator.validate(
                        sliced(List.of("1", "2", "3", "4"), List.of("5")), Stats.schema(SCHEMA))
                .correspondingSlices()
                .run();
        AnomalyInfo.Reason reason = onlyReason(
                anomalies,
                "'slice(slice2)::foo'",
                ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                "Examples contain values missing from the schema: 5 (~100%). ");
        assertThat(reason.getShortDescription()).isEqualTo("Unexpected string values");
    }

    @Test
    void aGlobalDomainIsCheckedInEverySlice() {
        Schema schema = Stats.schema("feature { name: 'foo' type: BYTES domain: 'digits' }"
                + " string_domain { name: 'digits' value: '1' value: '2' value: '3' value: '4' }");
        Anomalies anomalies = Validator.validate(sliced(List.of("1", "2", "3", "4"), List.of("5")), schema)
                .correspondingSlices()
                .run();
        assertThat(anomalies.getAnomalyInfoMap())
                .containsOnlyKeys("'slice(slice2)::foo'", "'slice(All Examples)::foo'");
        assertThat(anomalies.getBaseline().getStringDomainList())
                .extracting(d -> d.getName())
                .containsExactly("slice(slice1)::digits", "slice(slice2)::digits", "slice(All Examples)::digits");
    }

    @Test
    void aDistributionalAnomalyBetweenSlices() {
        Schema schema = Stats.schema("feature { " + FOO + " drift_comparator { infinity_norm { threshold: 0.3 } } }");
        Anomalies anomalies = Validator.validate(sliced(List.of("1", "2"), List.of("3", "4")), schema)
                .correspondingSlices()
                .previous(sliced(List.of("1", "2"), List.of("1", "2")))
                .run();
        AnomalyInfo.Reason reason = onlyReason(
                anomalies,
                "'slice(slice2)::foo'",
                COMPARATOR_L_INFTY_HIGH,
                "The Linfty distance between current and previous is 0.5 (up to six significant digits), above the"
                        + " threshold 0.3. The feature value with maximum difference is: 4");
        assertThat(reason.getShortDescription()).isEqualTo("High Linfty distance between current and previous");
    }

    @Test
    void aSlicesFractionPresentIsMeasuredAgainstItsOwnExamples() {
        // slice1: 4 examples, 3 with the feature (0.75); the overall dataset has 8 examples
        DatasetFeatureStatistics slice1 =
                Stats.examples(4).strings("foo").present(3).labels("1", 3).build().getDatasets(0).toBuilder()
                        .setName("slice1")
                        .build();
        DatasetFeatureStatisticsList statistics = DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(slice1)
                .addDatasets(dataset("slice2", List.of("1", "2", "3", "4")))
                .addDatasets(Stats.examples(8)
                        .strings("foo")
                        .present(7)
                        .labels("1", 4, "2", 1, "3", 1, "4", 1)
                        .build()
                        .getDatasets(0)
                        .toBuilder()
                        .setName(DatasetView.ALL_EXAMPLES))
                .build();
        Schema schema = Stats.schema("feature { name: 'foo' type: BYTES presence { min_fraction: 0.8 } }");
        Anomalies anomalies =
                Validator.validate(statistics, schema).correspondingSlices().run();
        onlyReason(anomalies, "'slice(slice1)::foo'", FEATURE_TYPE_LOW_FRACTION_PRESENT, "0.75");
    }

    @Test
    void datasetConstraintsApplyToTheOverallDataset() {
        Schema schema = Stats.schema(SCHEMA + " dataset_constraints { min_examples_count: 5 }");
        // each slice has 4 examples or fewer, the overall dataset 7: no anomaly
        assertClean(Validator.validate(sliced(List.of("1", "2", "3", "4"), List.of("2", "2", "3")), schema)
                .correspondingSlices()
                .run());
        Anomalies low = Validator.validate(sliced(List.of("1", "2"), List.of("3", "4")), schema)
                .correspondingSlices()
                .run();
        assertThat(low.getDatasetAnomalyInfo().getReasonList())
                .extracting(AnomalyInfo.Reason::getType)
                .containsExactly(DATASET_LOW_NUM_EXAMPLES);
    }

    @Test
    void statisticsWithoutADefaultSliceAreRefused() {
        DatasetFeatureStatisticsList noDefault = DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(dataset("slice1", List.of("1")))
                .addDatasets(dataset("slice2", List.of("2")))
                .build();
        assertThatThrownBy(() -> Validator.validate(noDefault, Stats.schema(SCHEMA))
                        .correspondingSlices()
                        .run())
                .isInstanceOf(InputException.class)
                .hasMessageContaining("All Examples");
    }
}
