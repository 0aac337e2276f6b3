package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_NEW_COLUMN;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_LENGTH_MISMATCH;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_MISSING_INDEX;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_MISSING_VALUE;
import static dev.veracity.proto.AnomalyInfo.Type.SPARSE_FEATURE_NAME_COLLISION;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_LENGTH_MISMATCH;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_MISSING_VALUE;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_MISSING_WEIGHT;
import static dev.veracity.proto.AnomalyInfo.Type.WEIGHTED_FEATURE_NAME_COLLISION;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The anomalies of sparse and weighted features, in the situations and with the descriptions of TFDV's
 * {@code schema_anomalies_test.cc} ({@code MissingFeatureSparseFeature}, {@code LengthMismatchSparseFeature}),
 * {@code schema_test.cc} ({@code UpdateWeighted*}) and {@code validation_api_test.py}
 * ({@code test_validate_stats_weighted_feature}).
 */
class CompositeAnomaliesTest {
    private static final String SPARSE = """
            sparse_feature {
              name: 'sparse_feature'
              index_feature { name: 'index_feature1' }
              index_feature { name: 'index_feature2' }
              value_feature { name: 'value_feature' }
            }
            """;
    private static final String WEIGHTED = """
            weighted_feature {
              name: 'weighted_feature'
              feature { step: 'value' }
              weight_feature { step: 'weight' }
            }
            """;

    private static DatasetFeatureStatisticsList statistics(String features) {
        try {
            return TextFormat.parse(
                    "datasets { num_examples: 10 " + features + " }", DatasetFeatureStatisticsList.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String sparseStats(String name, double missingValue, int[] missingIndex, int[] max, int[] min) {
        return "features { name: '" + name + "' custom_stats { name: 'missing_value' num: " + missingValue + " }"
                + histogram("missing_index", missingIndex) + histogram("max_length_diff", max)
                + histogram("min_length_diff", min) + " }";
    }

    private static String histogram(String name, int[] counts) {
        return " custom_stats { name: '" + name + "' rank_histogram {"
                + " buckets { label: 'index_feature1' sample_count: " + counts[0] + " }"
                + " buckets { label: 'index_feature2' sample_count: " + counts[1] + " } } }";
    }

    private static String weightedStats(String name, double missingWeight, double missingValue, int min, int max) {
        return "features { path { step: '" + name + "' }"
                + " custom_stats { name: 'missing_weight' num: " + missingWeight + " }"
                + " custom_stats { name: 'missing_value' num: " + missingValue + " }"
                + " custom_stats { name: 'min_weight_length_diff' num: " + min + " }"
                + " custom_stats { name: 'max_weight_length_diff' num: " + max + " } }";
    }

    private static final int[] ZEROS = {0, 0};

    @Nested
    class Sparse {
        @Test
        void conformingStatisticsAreClean() {
            assertClean(AnomalyAssertions.validate(
                    statistics(sparseStats("sparse_feature", 0, ZEROS, ZEROS, ZEROS)), SPARSE));
        }

        @Test
        void missingValueAndIndex() {
            Anomalies anomalies = AnomalyAssertions.validate(
                    statistics(sparseStats("sparse_feature", 42, new int[] {10, 0}, ZEROS, ZEROS)), SPARSE);
            AnomalyInfo info = anomalies.getAnomalyInfoMap().get("sparse_feature");
            assertThat(info.getPath().getStepList()).containsExactly("sparse_feature");
            assertThat(info.getSeverity()).isEqualTo(AnomalyInfo.Severity.ERROR);
            assertThat(info.getShortDescription()).isEqualTo("Multiple errors");
            assertThat(info.getDescription())
                    .isEqualTo("Found 42 examples missing value feature Found 10 examples missing index feature: "
                            + "index_feature1");
            assertThat(info.getReasonList())
                    .extracting(
                            AnomalyInfo.Reason::getType,
                            AnomalyInfo.Reason::getShortDescription,
                            AnomalyInfo.Reason::getDescription)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    SPARSE_FEATURE_MISSING_VALUE,
                                    "Missing value feature",
                                    "Found 42 examples missing value feature"),
                            org.assertj.core.groups.Tuple.tuple(
                                    SPARSE_FEATURE_MISSING_INDEX,
                                    "Missing index feature",
                                    "Found 10 examples missing index feature: index_feature1"));
        }

        @Test
        void lengthMismatch() {
            Anomalies anomalies = AnomalyAssertions.validate(
                    statistics(sparseStats("sparse_feature", 0, ZEROS, new int[] {1, 0}, new int[] {0, -2})), SPARSE);
            AnomalyInfo info = anomalies.getAnomalyInfoMap().get("sparse_feature");
            assertThat(info.getDescription())
                    .isEqualTo("Mismatch between index feature: index_feature1 and value column, with "
                            + "max_length_diff = 1 Mismatch between index feature: index_feature2 and value column, "
                            + "with min_length_diff = -2");
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType, AnomalyInfo.Reason::getShortDescription)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(
                            SPARSE_FEATURE_LENGTH_MISMATCH, "Length mismatch between value and index feature"));
        }

        @Test
        void severityOverrideApplies() {
            Anomalies anomalies = Validator.validate(
                            statistics(sparseStats("sparse_feature", 0, ZEROS, new int[] {1, 0}, ZEROS)),
                            Stats.schema(SPARSE))
                    .severity(SPARSE_FEATURE_LENGTH_MISMATCH, AnomalyInfo.Severity.WARNING)
                    .run();
            assertThat(anomalies.getAnomalyInfoMap().get("sparse_feature").getSeverity())
                    .isEqualTo(AnomalyInfo.Severity.WARNING);
        }

        @Test
        void updateDeprecatesTheSparseFeatureAndThenValidationIsClean() {
            DatasetFeatureStatisticsList stats =
                    statistics(sparseStats("sparse_feature", 42, new int[] {10, 0}, ZEROS, ZEROS));
            Schema updated = SchemaUpdater.update(Stats.schema(SPARSE), stats);
            assertThat(updated.getSparseFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
            assertClean(Validator.validate(stats, updated).run());
        }

        @Test
        void nameCollisionWithAFeature() {
            String schema = SPARSE + "feature { name: 'sparse_feature' type: INT }";
            Anomalies anomalies = AnomalyAssertions.validate(
                    statistics(sparseStats("sparse_feature", 0, ZEROS, ZEROS, ZEROS)), schema);
            AnomalyInfo.Reason reason =
                    onlyReason(anomalies, "sparse_feature", SPARSE_FEATURE_NAME_COLLISION, "name collision");
            assertThat(reason.getShortDescription()).isEqualTo("Sparse feature name collision");
            assertThat(reason.getDescription()).isEqualTo("Sparse feature name collision.");
            Schema updated = SchemaUpdater.update(
                    Stats.schema(schema), statistics(sparseStats("sparse_feature", 0, ZEROS, ZEROS, ZEROS)));
            assertThat(updated.getSparseFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
            assertThat(updated.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
        }

        @Test
        void deprecatedSparseFeatureIsSkippedAndNoNewColumnIsReported() {
            String schema =
                    SPARSE.replace("name: 'sparse_feature'", "name: 'sparse_feature' lifecycle_stage: DEPRECATED");
            assertClean(AnomalyAssertions.validate(
                    statistics(sparseStats("sparse_feature", 42, ZEROS, ZEROS, ZEROS)), schema));
        }

        @Test
        void withoutADeclarationTheStatisticsAreNoNewColumn() {
            Anomalies anomalies =
                    AnomalyAssertions.validate(statistics(sparseStats("sparse_feature", 42, ZEROS, ZEROS, ZEROS)), "");
            AnomalyAssertions.assertNoReason(anomalies, SCHEMA_NEW_COLUMN);
        }
    }

    @Nested
    class Weighted {
        @Test
        void conformingStatisticsAreCleanAndTheSchemaUnchanged() {
            DatasetFeatureStatisticsList stats = statistics(weightedStats("weighted_feature", 0, 0, 0, 0));
            assertClean(AnomalyAssertions.validate(stats, WEIGHTED));
            assertThat(SchemaUpdater.update(Stats.schema(WEIGHTED), stats)).isEqualTo(Stats.schema(WEIGHTED));
        }

        @Test
        void missingWeightMissingValueAndLengthMismatch() {
            String schema = "feature { name: 'value' } feature { name: 'weight' } " + WEIGHTED;
            Anomalies anomalies =
                    AnomalyAssertions.validate(statistics(weightedStats("weighted_feature", 1, 2, 3, 4)), schema);
            assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("weighted_feature");
            AnomalyInfo info = anomalies.getAnomalyInfoMap().get("weighted_feature");
            assertThat(info.getShortDescription()).isEqualTo("Multiple errors");
            assertThat(info.getDescription())
                    .isEqualTo("Found 1 examples missing weight feature. Found 2 examples missing value feature. "
                            + "Mismatch between weight and value feature with min_weight_length_diff = 3 and "
                            + "max_weight_length_diff = 4.");
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType, AnomalyInfo.Reason::getShortDescription)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    WEIGHTED_FEATURE_MISSING_WEIGHT, "Missing weight feature"),
                            org.assertj.core.groups.Tuple.tuple(
                                    WEIGHTED_FEATURE_MISSING_VALUE, "Missing value feature"),
                            org.assertj.core.groups.Tuple.tuple(
                                    WEIGHTED_FEATURE_LENGTH_MISMATCH,
                                    "Length mismatch between value and weight feature"));
        }

        @Test
        void updateDeprecatesTheWeightedFeatureAndThenValidationIsClean() {
            DatasetFeatureStatisticsList stats = statistics(weightedStats("weighted_feature", 0, 0, 0, 2));
            Schema updated = SchemaUpdater.update(Stats.schema(WEIGHTED), stats);
            assertThat(updated.getWeightedFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
            assertClean(Validator.validate(stats, updated).run());
        }

        @Test
        void nameCollisionWithAFeatureDeprecatesBoth() {
            String schema = WEIGHTED.replace("'weighted_feature'", "'existing_feature'")
                    + "feature { name: 'existing_feature' type: INT }";
            DatasetFeatureStatisticsList stats = statistics(weightedStats("existing_feature", 0, 0, 0, 0));
            AnomalyInfo.Reason reason = onlyReason(
                    AnomalyAssertions.validate(stats, schema), "existing_feature", WEIGHTED_FEATURE_NAME_COLLISION);
            assertThat(reason.getShortDescription()).isEqualTo("Weighted feature name collision");
            assertThat(reason.getDescription()).isEqualTo("Weighted feature name collision.");
            Schema updated = SchemaUpdater.update(Stats.schema(schema), stats);
            assertThat(updated.getWeightedFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
            assertThat(updated.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
        }

        @Test
        void nameCollisionWithASparseFeatureDeprecatesBoth() {
            String schema = WEIGHTED.replace("'weighted_feature'", "'existing_feature'")
                    + SPARSE.replace("'sparse_feature'", "'existing_feature'");
            DatasetFeatureStatisticsList stats = statistics(weightedStats("existing_feature", 0, 0, 0, 0));
            onlyReason(AnomalyAssertions.validate(stats, schema), "existing_feature", WEIGHTED_FEATURE_NAME_COLLISION);
            Schema updated = SchemaUpdater.update(Stats.schema(schema), stats);
            assertThat(updated.getWeightedFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
            assertThat(updated.getSparseFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
        }
    }
}
