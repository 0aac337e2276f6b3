package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.DATASET_HIGH_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.DATASET_LOW_NUM_EXAMPLES;
import static dev.veracity.proto.AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_HIGH_NUMBER_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_MISSING_COLUMN;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_NEW_COLUMN;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static dev.veracity.schema.AnomalyAssertions.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.AnomalyInfo.Severity;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SeverityOverride;
import dev.veracity.proto.ValidationConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What validation does around the checks: environments, skipped features, severities, grouping, weights. */
class ValidatorBehaviourTest {

    @Nested
    class Environments {
        private final Schema schema = Stats.schema("default_environment: 'TRAINING' default_environment: 'SERVING'"
                + " feature { name: 'x' type: INT presence { min_count: 1 } }"
                + " feature { name: 'label' type: INT presence { min_count: 1 } not_in_environment: 'SERVING' }");
        private final DatasetFeatureStatisticsList withoutLabel =
                Stats.examples(10).ints("x").build();
        private final DatasetFeatureStatisticsList withLabel =
                Stats.examples(10).ints("x").ints("label").build();

        @Test
        void labelMissingInServingIsNotReported() {
            assertClean(Validator.validate(withoutLabel, schema)
                    .environment("SERVING")
                    .run());
        }

        @Test
        void labelMissingInTrainingIsReported() {
            onlyReason(
                    Validator.validate(withoutLabel, schema)
                            .environment("TRAINING")
                            .run(),
                    "label",
                    SCHEMA_MISSING_COLUMN,
                    "presence.min_count = 1");
        }

        @Test
        void labelMissingWithoutEnvironmentIsReported() {
            onlyReason(validate(withoutLabel, schema), "label", SCHEMA_MISSING_COLUMN);
        }

        @Test
        void labelPresentInServingIsAColumnMissingInTheEnvironment() {
            var reason = onlyReason(
                    Validator.validate(withLabel, schema).environment("SERVING").run(),
                    "label",
                    SCHEMA_NEW_COLUMN,
                    "label",
                    "SERVING");
            assertThat(reason.getShortDescription()).isEqualTo("Column missing in environment");
        }

        @Test
        void labelPresentInTraining() {
            assertClean(Validator.validate(withLabel, schema)
                    .environment("TRAINING")
                    .run());
        }

        @Test
        void inEnvironmentWinsOverNotInEnvironment() {
            Schema both = Stats.schema("default_environment: 'SERVING'"
                    + " feature { name: 'x' type: INT presence { min_count: 1 } in_environment: 'SERVING'"
                    + " not_in_environment: 'SERVING' } feature { name: 'y' type: INT }");
            onlyReason(
                    Validator.validate(Stats.examples(3).ints("y").build(), both)
                            .environment("SERVING")
                            .run(),
                    "x",
                    SCHEMA_MISSING_COLUMN);
        }

        @Test
        void unknownEnvironmentIsAConfigurationError() {
            assertThatThrownBy(() -> Validator.validate(withLabel, schema)
                            .environment("EVAL")
                            .run())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("\"EVAL\"")
                    .hasMessageContaining("\"TRAINING\"");
        }
    }

    @Nested
    class SkippedFeatures {
        @ParameterizedTest
        @ValueSource(strings = {"DEPRECATED", "PLANNED", "ALPHA", "DEBUG_ONLY", "DISABLED"})
        void featureNotLiveIsSkipped(String stage) {
            String schema = "feature { name: 'a' type: INT presence { min_count: 1 } lifecycle_stage: " + stage + " }"
                    + " feature { name: 'b' type: INT presence { min_count: 1 } lifecycle_stage: " + stage + " }";
            // a is absent, b has the wrong type: neither is reported
            assertClean(validate(Stats.examples(10).floats("b").range(0, 1).build(), schema));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PRODUCTION", "BETA", "UNKNOWN_STAGE"})
        void liveFeatureIsChecked(String stage) {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("b").build(),
                            "feature { name: 'a' type: INT presence { min_count: 1 } lifecycle_stage: " + stage + " }"
                                    + " feature { name: 'b' type: INT }"),
                    "a",
                    SCHEMA_MISSING_COLUMN);
        }

        @Test
        void deprecatedFlagIsSkipped() {
            assertClean(validate(
                    Stats.examples(10).floats("a").range(0, 1).build(),
                    "feature { name: 'a' type: INT deprecated: true presence { min_count: 20 } }"));
        }

        @Test
        void childrenOfADeprecatedStructAreSkipped() {
            assertClean(validate(
                    Stats.examples(10).struct("s").floats("s", "x").range(0, 1).build(),
                    "feature { name: 's' type: STRUCT lifecycle_stage: DEPRECATED struct_domain {"
                            + " feature { name: 'x' type: INT }"
                            + " feature { name: 'y' type: INT presence { min_count: 1 } } } }"));
        }
    }

    @Nested
    class Severities {
        @Test
        void overrideMakesAWarning() {
            Anomalies anomalies = Validator.validate(
                            Stats.examples(10).ints("a").ints("b").build(),
                            Stats.schema("feature { name: 'a' type: INT }"))
                    .severity(SCHEMA_NEW_COLUMN, Severity.WARNING)
                    .run();
            assertThat(anomalies.getAnomalyInfoOrThrow("b").getSeverity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void validationConfigOverridesApplyToDatasetAnomaliesToo() {
            ValidationConfig config = ValidationConfig.newBuilder()
                    .addSeverityOverrides(SeverityOverride.newBuilder()
                            .setType(DATASET_LOW_NUM_EXAMPLES)
                            .setSeverity(Severity.WARNING))
                    .build();
            Anomalies anomalies = Validator.validate(
                            Stats.examples(3).ints("a").build(),
                            Stats.schema(
                                    "dataset_constraints { min_examples_count: 4 } feature { name: 'a' type: INT }"))
                    .config(config)
                    .run();
            assertThat(anomalies.getDatasetAnomalyInfo().getSeverity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void severityIsTheHighestOfTheReasons() {
            Anomalies anomalies = Validator.validate(
                            Stats.examples(10).ints("a").present(4).values(1, 2).build(),
                            Stats.schema(
                                    "feature { name: 'a' type: INT presence { min_count: 5 } value_count { max: 1 } }"))
                    .severity(FEATURE_TYPE_HIGH_NUMBER_VALUES, Severity.WARNING)
                    .run();
            assertThat(anomalies.getAnomalyInfoOrThrow("a").getSeverity()).isEqualTo(Severity.ERROR);
        }
    }

    @Nested
    class MultipleReasons {
        @Test
        void reasonsInTfdvOrderJoinedByOneSpace() {
            AnomalyInfo info = validate(
                            Stats.examples(10).ints("a").present(4).values(1, 2).build(),
                            "feature { name: 'a' type: INT presence { min_count: 5 } value_count { max: 1 } }")
                    .getAnomalyInfoOrThrow("a");
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType)
                    .containsExactly(FEATURE_TYPE_HIGH_NUMBER_VALUES, FEATURE_TYPE_LOW_NUMBER_PRESENT);
            assertThat(info.getShortDescription()).isEqualTo("Multiple errors");
            assertThat(info.getDescription())
                    .isEqualTo(info.getReason(0).getDescription() + " "
                            + info.getReason(1).getDescription());
            assertThat(info.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(info.getPath().getStepList()).containsExactly("a");
        }
    }

    @Nested
    class Weights {
        private static final String SCHEMA = "feature { name: 'a' type: INT presence { min_fraction: 0.8 } }"
                + " feature { name: 's' type: BYTES string_domain { value: 'x' } }";

        @Test
        void weightedStatisticsAreUsedWhenEveryFeatureHasThem() {
            // unweighted: present everywhere and only 'x'; by weight: half present, and 'y' is seen
            Anomalies anomalies = validate(
                    Stats.examples(10)
                            .weighted(20)
                            .ints("a")
                            .weighted(10, 10, 10)
                            .strings("s")
                            .labels("x", 10)
                            .weighted(20, 0, 20)
                            .weightedLabels("x", 15, "y", 5)
                            .build(),
                    SCHEMA);
            assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("a", "s");
            assertThat(anomalies.getAnomalyInfoOrThrow("a").getReason(0).getType())
                    .isEqualTo(FEATURE_TYPE_LOW_FRACTION_PRESENT);
            assertThat(anomalies.getAnomalyInfoOrThrow("a").getDescription()).contains("actual = 0.5");
            assertThat(anomalies.getAnomalyInfoOrThrow("s").getReason(0).getType())
                    .isEqualTo(ENUM_TYPE_UNEXPECTED_STRING_VALUES);
            assertThat(anomalies.getAnomalyInfoOrThrow("s").getDescription()).contains("y (~25%)");
        }

        @Test
        void unweightedStatisticsWhenOneFeatureLacksWeights() {
            assertClean(validate(
                    Stats.examples(10)
                            .weighted(20)
                            .ints("a")
                            .weighted(10, 10, 10)
                            .strings("s")
                            .labels("x", 10)
                            .build(),
                    SCHEMA));
        }

        @Test
        void unweightedStatisticsWhenTheWeightedExampleCountIsZero() {
            assertClean(validate(
                    Stats.examples(10)
                            .ints("a")
                            .weighted(10, 10, 10)
                            .strings("s")
                            .labels("x", 10)
                            .weighted(20, 0, 20)
                            .weightedLabels("x", 15, "y", 5)
                            .build(),
                    SCHEMA));
        }
    }

    @Nested
    class Dataset {
        private static final String SCHEMA = "dataset_constraints { min_examples_count: 10 max_examples_count: 20 }"
                + " feature { name: 'a' type: INT }";

        @Test
        void fewerExamplesThanMinimum() {
            AnomalyInfo info =
                    validate(Stats.examples(9).ints("a").build(), SCHEMA).getDatasetAnomalyInfo();
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType)
                    .containsExactly(DATASET_LOW_NUM_EXAMPLES);
            assertThat(info.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(info.getDescription()).contains("9 examples", "min_examples_count = 10");
        }

        @Test
        void moreExamplesThanMaximum() {
            AnomalyInfo info =
                    validate(Stats.examples(21).ints("a").build(), SCHEMA).getDatasetAnomalyInfo();
            assertThat(info.getReasonList())
                    .extracting(AnomalyInfo.Reason::getType)
                    .containsExactly(DATASET_HIGH_NUM_EXAMPLES);
            assertThat(info.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(info.getDescription()).contains("21 examples", "max_examples_count = 20");
        }

        @Test
        void examplesAtTheEdges() {
            assertClean(validate(Stats.examples(10).ints("a").build(), SCHEMA));
            assertClean(validate(Stats.examples(20).ints("a").build(), SCHEMA));
        }

        @Test
        void noExamplesIsDataMissingAndNothingElse() {
            Anomalies anomalies = validate(
                    Stats.examples(0).ints("a").build(),
                    SCHEMA + " feature { name: 'b' type: INT presence { min_count: 1 } }");
            assertThat(anomalies.getDataMissing()).isTrue();
            assertThat(anomalies.getAnomalyInfoMap()).isEmpty();
            assertThat(anomalies.hasDatasetAnomalyInfo()).isFalse();
            assertThat(anomalies.getBaseline())
                    .isEqualTo(Stats.schema(SCHEMA + " feature { name: 'b' type: INT presence { min_count: 1 } }"));
        }

        @Test
        void oneExampleIsData() {
            assertThat(validate(Stats.examples(1).ints("a").build(), "feature { name: 'a' type: INT }")
                            .getDataMissing())
                    .isFalse();
        }
    }
}
