package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.DERIVED_FEATURE_BAD_LIFECYCLE;
import static dev.veracity.proto.AnomalyInfo.Type.DERIVED_FEATURE_INVALID_SOURCE;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_MISSING_NAME;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Anomalies about the schema's own declarations: derived features (TFDV's {@code schema_anomalies_test.cc}
 * {@code DerivedFeatureBadLifecycle}, {@code ...DisabledLifecycle}, {@code ...DerivedLifecycle}) and a feature
 * without a name ({@code Schema::UpdateFeatureSelf}).
 */
class SchemaOnlyAnomaliesTest {
    private static final String DERIVED_STATS = """
            datasets {
              num_examples: 10
              features {
                name: "categorical_feature"
                type: STRING
                string_stats { common_stats: { num_non_missing: 10 min_num_values: 1 max_num_values: 1
                                               avg_num_values: 1 tot_num_values: 10 } }
                validation_derived_source: { deriver_name: 'deriver_name' }
              }
            }
            """;

    private static DatasetFeatureStatisticsList statistics(String text) {
        try {
            return TextFormat.parse(text, DatasetFeatureStatisticsList.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String derivedSchema(String stage) {
        return "feature { name: 'categorical_feature' type: BYTES lifecycle_stage: " + stage
                + " validation_derived_source: { deriver_name: 'deriver_name' } }";
    }

    @Nested
    class Derived {
        @Test
        void badLifecycle() {
            AnomalyInfo.Reason reason = onlyReason(
                    AnomalyAssertions.validate(statistics(DERIVED_STATS), derivedSchema("PRODUCTION")),
                    "categorical_feature",
                    DERIVED_FEATURE_BAD_LIFECYCLE);
            assertThat(reason.getShortDescription()).isEqualTo("Derived feature has wrong lifecycle.");
            assertThat(reason.getDescription()).isEqualTo("Derived feature has wrong lifecycle.");
            Schema updated = SchemaUpdater.update(Stats.schema(derivedSchema("PRODUCTION")), statistics(DERIVED_STATS));
            assertThat(updated.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.VALIDATION_DERIVED);
            assertClean(Validator.validate(statistics(DERIVED_STATS), updated).run());
        }

        @Test
        void disabledAndDerivedLifecyclesAreClean() {
            assertClean(AnomalyAssertions.validate(statistics(DERIVED_STATS), derivedSchema("DISABLED")));
            assertClean(AnomalyAssertions.validate(statistics(DERIVED_STATS), derivedSchema("VALIDATION_DERIVED")));
        }

        @Test
        void sourceMissingFromTheSchema() {
            String schema = "feature { name: 'categorical_feature' type: BYTES }";
            AnomalyInfo.Reason reason = onlyReason(
                    AnomalyAssertions.validate(statistics(DERIVED_STATS), schema),
                    "categorical_feature",
                    DERIVED_FEATURE_INVALID_SOURCE);
            assertThat(reason.getDescription()).isEqualTo("Derived source not set in schema.");
            Schema updated = SchemaUpdater.update(Stats.schema(schema), statistics(DERIVED_STATS));
            assertThat(updated.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.VALIDATION_DERIVED);
            assertThat(updated.getFeature(0).getValidationDerivedSource().getDeriverName())
                    .isEqualTo("deriver_name");
            assertClean(Validator.validate(statistics(DERIVED_STATS), updated).run());
        }

        @Test
        void inferenceMarksANewDerivedFeature() {
            Schema inferred = SchemaInference.infer(statistics(DERIVED_STATS));
            assertThat(inferred.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.VALIDATION_DERIVED);
            assertThat(inferred.getFeature(0).getValidationDerivedSource().getDeriverName())
                    .isEqualTo("deriver_name");
        }
    }

    @Test
    void featureWithoutANameIsDeprecated() {
        String stats = DERIVED_STATS
                .replace("name: \"categorical_feature\"", "name: \"\"")
                .replace("validation_derived_source: { deriver_name: 'deriver_name' }", "");
        String schema = "feature { type: BYTES }";
        AnomalyInfo.Reason reason =
                onlyReason(AnomalyAssertions.validate(statistics(stats), schema), "''", FEATURE_MISSING_NAME);
        assertThat(reason.getDescription())
                .isEqualTo("unspecified name (maybe meant to be the empty string): find name rather than "
                        + "deprecating.");
        assertThat(SchemaUpdater.update(Stats.schema(schema), statistics(stats))
                        .getFeature(0)
                        .getLifecycleStage())
                .isEqualTo(LifecycleStage.DEPRECATED);
    }
}
