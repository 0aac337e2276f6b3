package dev.veracity.schema;

import static dev.veracity.schema.SchemaChange.Compatibility.BREAKING;
import static dev.veracity.schema.SchemaChange.Compatibility.COMPATIBLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.Schema;
import dev.veracity.schema.SchemaChange.Compatibility;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    /** The changes between two one-feature schemas ({@code f}), with the given schema-level text after them. */
    private static List<SchemaChange> diff(String before, String after) {
        return SchemaDiff.between(Schemas.parse(before), Schemas.parse(after));
    }

    private static List<SchemaChange> featureDiff(String before, String after) {
        return diff("feature { name: \"f\" " + before + " }", "feature { name: \"f\" " + after + " }");
    }

    /** Asserts one change of the aspect, classified as given, in both directions: the reverse the other way. */
    private static void assertRelaxes(String tight, String loose, String aspect) {
        assertSingle(featureDiff(tight, loose), aspect, COMPATIBLE);
        assertSingle(featureDiff(loose, tight), aspect, BREAKING);
    }

    private static SchemaChange assertSingle(List<SchemaChange> changes, String aspect, Compatibility compatibility) {
        assertThat(changes).as("changes").hasSize(1);
        SchemaChange change = changes.get(0);
        assertThat(change.aspect()).isEqualTo(aspect);
        assertThat(change.compatibility()).as(change.toString()).isEqualTo(compatibility);
        return change;
    }

    @Test
    void aSchemaEqualsItself() {
        assertThat(SchemaDiff.between(Schemas.taxi(), Schemas.taxi())).isEmpty();
    }

    @Nested
    class Features {
        @Test
        void anAddedOptionalFeatureIsCompatibleAndItsRemovalBreaking() {
            List<SchemaChange> added = diff("", "feature { name: \"f\" type: INT }");
            assertThat(added).containsExactly(new SchemaChange("f", "feature", "", "INT, optional", COMPATIBLE));
            List<SchemaChange> removed = diff("feature { name: \"f\" type: INT }", "");
            assertThat(removed).containsExactly(new SchemaChange("f", "feature", "INT, optional", "", BREAKING));
        }

        @Test
        void anAddedRequiredFeatureIsBreaking() {
            assertSingle(diff("", "feature { name: \"f\" type: INT presence { min_count: 1 } }"), "feature", BREAKING);
            assertSingle(diff("", "feature { name: \"f\" presence { min_fraction: 0.5 } }"), "feature", BREAKING);
            assertSingle(
                    diff(
                            "",
                            "feature { name: \"s\" type: STRUCT struct_domain { feature { name: \"c\" "
                                    + "presence { min_count: 1 } } } }"),
                    "feature",
                    BREAKING);
            assertSingle(
                    diff("", "feature { name: \"f\" presence { min_count: 1 } lifecycle_stage: DEPRECATED }"),
                    "feature",
                    COMPATIBLE);
        }

        @Test
        void structChildrenAreComparedByPath() {
            List<SchemaChange> changes = diff(
                    "feature { name: \"s\" type: STRUCT struct_domain { feature { name: \"c\" type: INT } } }",
                    "feature { name: \"s\" type: STRUCT struct_domain { feature { name: \"c\" type: FLOAT } "
                            + "feature { name: \"d.e\" } } }");
            assertThat(changes)
                    .containsExactly(
                            new SchemaChange("s.c", "type", "INT", "FLOAT", BREAKING),
                            new SchemaChange("s.'d.e'", "feature", "", "no type, optional", COMPATIBLE));
        }

        @Test
        void aChangedTypeIsBreaking() {
            assertSingle(featureDiff("type: INT", "type: FLOAT"), "type", BREAKING);
            assertSingle(featureDiff("", "type: BYTES"), "type", BREAKING);
        }

        @Test
        void reorderingIsNoChange() {
            assertThat(diff(
                            "feature { name: \"a\" } feature { name: \"b\" }",
                            "feature { name: \"b\" } feature { name: \"a\" }"))
                    .isEmpty();
        }
    }

    @Nested
    class Presence {
        @Test
        void loweringIsCompatibleAndRaisingBreaking() {
            assertRelaxes("presence { min_fraction: 1.0 }", "presence { min_fraction: 0.9 }", "presence.min_fraction");
            assertRelaxes("presence { min_count: 5 }", "presence { min_count: 1 }", "presence.min_count");
            assertRelaxes("presence { min_count: 1 }", "", "presence.min_count");
            assertThat(featureDiff("presence { min_count: 1 }", "group_presence { required: true }"))
                    .containsExactly(
                            new SchemaChange("f", "presence.min_count", "1", "", COMPATIBLE),
                            new SchemaChange(
                                    "f", "group_presence", "", "group_presence { required: true }", COMPATIBLE));
        }

        @Test
        void settingZeroIsNoTightening() {
            assertSingle(featureDiff("", "presence { min_fraction: 0 }"), "presence.min_fraction", COMPATIBLE);
        }
    }

    @Nested
    class Valency {
        @Test
        void wideningIsCompatibleAndNarrowingBreaking() {
            assertRelaxes("value_count { min: 1 max: 1 }", "value_count { min: 1 max: 3 }", "value_count");
            assertRelaxes("value_count { min: 2 }", "value_count { min: 1 }", "value_count");
            assertRelaxes("value_count { min: 1 max: 2 }", "", "value_count");
            assertRelaxes(
                    "value_counts { value_count { min: 1 max: 1 } value_count { max: 2 } }",
                    "value_counts { value_count { min: 1 max: 1 } value_count { max: 5 } }",
                    "value_counts");
        }

        @Test
        void anotherNestingIsBreakingBothWays() {
            String one = "value_counts { value_count { min: 1 } }";
            String two = "value_counts { value_count { min: 1 } value_count { min: 1 } }";
            assertSingle(featureDiff(one, two), "value_counts", BREAKING);
            assertSingle(featureDiff(two, one), "value_counts", BREAKING);
        }

        @Test
        void aShapeRelaxesToCountsThatAdmitItsSize() {
            assertRelaxes("shape { dim { size: 2 } dim { size: 3 } }", "value_count { min: 6 max: 6 }", "shape_type");
            assertSingle(featureDiff("shape { dim { size: 2 } }", "value_count { min: 3 }"), "shape_type", BREAKING);
            assertSingle(
                    featureDiff("shape { dim { size: 6 } }", "shape { dim { size: 2 } dim { size: 3 } }"),
                    "shape",
                    COMPATIBLE);
            assertSingle(featureDiff("shape { dim { size: 6 } }", "shape { dim { size: 5 } }"), "shape", BREAKING);
        }
    }

    @Nested
    class Domains {
        @Test
        void addedValuesAreCompatibleAndRemovedBreaking() {
            List<SchemaChange> changes = featureDiff(
                    "string_domain { value: \"a\" value: \"b\" }", "string_domain { value: \"b\" value: \"c\" }");
            assertThat(changes)
                    .containsExactly(
                            new SchemaChange("f", "string_domain.value", "", "\"c\"", COMPATIBLE),
                            new SchemaChange("f", "string_domain.value", "\"a\"", "", BREAKING));
        }

        @Test
        void referencesAreResolvedAndReorderingIsNoChange() {
            List<SchemaChange> changes = diff(
                    "feature { name: \"f\" domain: \"d\" } string_domain { name: \"d\" value: \"a\" value: \"b\" }",
                    "feature { name: \"f\" string_domain { value: \"b\" value: \"a\" } }");
            assertThat(changes).isEmpty();
            List<SchemaChange> shared = diff(
                    "feature { name: \"f\" domain: \"d\" } string_domain { name: \"d\" value: \"a\" }",
                    "feature { name: \"f\" domain: \"d\" } string_domain { name: \"d\" value: \"a\" value: \"x\" }");
            assertThat(shared).containsExactly(new SchemaChange("f", "string_domain.value", "", "\"x\"", COMPATIBLE));
        }

        @Test
        void droppingADomainIsCompatibleAndAddingOneBreaking() {
            assertRelaxes("string_domain { value: \"a\" }", "", "domain");
            assertRelaxes("bool_domain { }", "", "domain");
            assertSingle(featureDiff("int_domain { min: 0 }", "float_domain { min: 0 }"), "domain", BREAKING);
        }

        @Test
        void rangesWidenAndNarrow() {
            assertRelaxes("int_domain { min: 0 max: 10 }", "int_domain { min: 0 max: 20 }", "int_domain.max");
            assertRelaxes("int_domain { min: 0 max: 10 }", "int_domain { min: -5 max: 10 }", "int_domain.min");
            assertRelaxes("int_domain { min: 0 }", "int_domain { }", "int_domain.min");
            assertRelaxes("float_domain { max: 1.5 }", "float_domain { max: 2.5 }", "float_domain.max");
            assertRelaxes("float_domain { min: 0 }", "float_domain { min: -1 }", "float_domain.min");
            assertRelaxes("float_domain { disallow_nan: true }", "float_domain { }", "float_domain.disallow_nan");
            assertRelaxes("float_domain { disallow_inf: true }", "float_domain { }", "float_domain.disallow_inf");
        }

        @Test
        void flagsTfdvDoesNotValidateAreCompatible() {
            assertSingle(
                    featureDiff("int_domain { }", "int_domain { is_categorical: true }"),
                    "int_domain.is_categorical",
                    COMPATIBLE);
            assertSingle(
                    featureDiff("float_domain { }", "float_domain { is_embedding: true }"), "float_domain", COMPATIBLE);
            assertSingle(
                    featureDiff(
                            "string_domain { value: \"a\" }",
                            "string_domain { value: \"a\" is_categorical: CATEGORICAL_YES }"),
                    "string_domain.is_categorical",
                    COMPATIBLE);
        }

        @Test
        void anotherBoolDomainIsBreaking() {
            assertSingle(
                    featureDiff("bool_domain { true_value: \"yes\" }", "bool_domain { true_value: \"y\" }"),
                    "bool_domain",
                    BREAKING);
        }

        @Test
        void moreOffDomainMassIsCompatible() {
            assertRelaxes(
                    "string_domain { value: \"a\" }",
                    "string_domain { value: \"a\" } distribution_constraints { min_domain_mass: 0.9 }",
                    "distribution_constraints.min_domain_mass");
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void deprecatingIsCompatibleAndUndeprecatingBreaking() {
            assertRelaxes("", "lifecycle_stage: DEPRECATED", "lifecycle_stage");
            assertRelaxes("lifecycle_stage: PRODUCTION", "lifecycle_stage: DISABLED", "lifecycle_stage");
            assertRelaxes("", "deprecated: true", "lifecycle_stage");
            assertSingle(
                    featureDiff("lifecycle_stage: BETA", "lifecycle_stage: PRODUCTION"), "lifecycle_stage", COMPATIBLE);
        }

        @Test
        void anyChangeToAFeatureTheNewSchemaDeprecatesIsCompatible() {
            List<SchemaChange> changes = featureDiff(
                    "type: INT presence { min_count: 1 }",
                    "type: BYTES presence { min_count: 9 } lifecycle_stage: DEPRECATED");
            assertThat(changes)
                    .extracting(SchemaChange::aspect)
                    .containsExactly("lifecycle_stage", "type", "presence.min_count");
            assertThat(changes).allMatch(change -> change.compatibility() == COMPATIBLE);
        }
    }

    @Nested
    class Comparators {
        @Test
        void raisingOrRemovingAThresholdIsCompatibleAndLoweringOrAddingBreaking() {
            assertRelaxes(
                    "drift_comparator { infinity_norm { threshold: 0.01 } }",
                    "drift_comparator { infinity_norm { threshold: 0.05 } }",
                    "drift_comparator.infinity_norm.threshold");
            assertRelaxes(
                    "skew_comparator { jensen_shannon_divergence { threshold: 0.1 } }",
                    "",
                    "skew_comparator.jensen_shannon_divergence.threshold");
            assertRelaxes(
                    "skew_comparator { normalized_abs_difference { threshold: 0.1 } }",
                    "skew_comparator { normalized_abs_difference { threshold: 0.2 } }",
                    "skew_comparator.normalized_abs_difference.threshold");
        }

        @Test
        void anotherHistogramForJensenShannonIsBreaking() {
            assertSingle(
                    featureDiff(
                            "drift_comparator { jensen_shannon_divergence { threshold: 0.1 } }",
                            "drift_comparator { jensen_shannon_divergence { threshold: 0.1 source { type: QUANTILES } } }"),
                    "drift_comparator.jensen_shannon_divergence.source",
                    BREAKING);
        }
    }

    @Nested
    class Environments {
        private static final String LABEL = "feature { name: \"tips\" presence { min_count: 1 } %s }";

        @Test
        void leavingAnEnvironmentIsBreakingAndEnteringItAsRequiredToo() {
            String everywhere =
                    "default_environment: \"TRAINING\" default_environment: \"SERVING\" " + LABEL.formatted("");
            String notServing = "default_environment: \"TRAINING\" default_environment: \"SERVING\" "
                    + LABEL.formatted("not_in_environment: \"SERVING\"");
            assertSingle(diff(everywhere, notServing), "environment", BREAKING);
            assertSingle(diff(notServing, everywhere), "environment", BREAKING);
        }

        @Test
        void enteringAnEnvironmentAsOptionalIsCompatible() {
            String base = "default_environment: \"TRAINING\" feature { name: \"f\" %s }";
            assertSingle(
                    diff(base.formatted(""), base.formatted("in_environment: \"SERVING\"")), "environment", COMPATIBLE);
        }

        @Test
        void aDefaultEnvironmentIsJudgedByTheFeaturesItMoves() {
            assertSingle(
                    diff(
                            "default_environment: \"TRAINING\" feature { name: \"f\" }",
                            "default_environment: \"TRAINING\" default_environment: \"SERVING\" feature { name: \"f\" }"),
                    "default_environment",
                    COMPATIBLE);
            assertSingle(
                    diff(
                            "default_environment: \"TRAINING\" " + LABEL.formatted(""),
                            "default_environment: \"TRAINING\" default_environment: \"SERVING\" "
                                    + LABEL.formatted("")),
                    "default_environment",
                    BREAKING);
            assertSingle(
                    diff(
                            "default_environment: \"TRAINING\" default_environment: \"SERVING\" "
                                    + "feature { name: \"f\" }",
                            "default_environment: \"TRAINING\" feature { name: \"f\" }"),
                    "default_environment",
                    BREAKING);
            assertThat(diff(
                            "default_environment: \"A\" default_environment: \"B\"",
                            "default_environment: \"B\" default_environment: \"A\""))
                    .isEmpty();
        }
    }

    @Nested
    class Dataset {
        @Test
        void constraintsOnTheNumberOfExamplesWidenAndNarrow() {
            assertSingle(
                    diff(
                            "dataset_constraints { min_examples_count: 10 }",
                            "dataset_constraints { min_examples_count: 5 }"),
                    "dataset_constraints.min_examples_count",
                    COMPATIBLE);
            assertSingle(
                    diff("", "dataset_constraints { min_examples_count: 5 }"),
                    "dataset_constraints.min_examples_count",
                    BREAKING);
            assertSingle(
                    diff(
                            "dataset_constraints { max_examples_count: 10 }",
                            "dataset_constraints { max_examples_count: 5 }"),
                    "dataset_constraints.max_examples_count",
                    BREAKING);
            assertSingle(
                    diff(
                            "dataset_constraints { num_examples_drift_comparator { min_fraction_threshold: 0.8 } }",
                            "dataset_constraints { num_examples_drift_comparator { min_fraction_threshold: 0.5 } }"),
                    "dataset_constraints.num_examples_drift_comparator.min_fraction_threshold",
                    COMPATIBLE);
            assertSingle(
                    diff("", "dataset_constraints { num_examples_version_comparator { max_fraction_threshold: 2 } }"),
                    "dataset_constraints.num_examples_version_comparator.max_fraction_threshold",
                    BREAKING);
        }
    }

    @Nested
    class Other {
        @Test
        void annotationsAreCompatibleAndUnknownConstraintsBreaking() {
            assertSingle(featureDiff("", "annotation { tag: \"pii\" }"), "annotation", COMPATIBLE);
            assertSingle(diff("", "annotation { tag: \"v2\" }"), "annotation", COMPATIBLE);
            assertSingle(
                    featureDiff("unique_constraints { min: 1 max: 10 }", "unique_constraints { min: 1 max: 5 }"),
                    "unique_constraints.max",
                    BREAKING);
            assertSingle(
                    featureDiff("unique_constraints { min: 2 }", "unique_constraints { min: 1 }"),
                    "unique_constraints.min",
                    COMPATIBLE);
            assertSingle(diff("", "sparse_feature { name: \"sp\" }"), "sparse_feature", BREAKING);
            assertSingle(diff("", "weighted_feature { name: \"w\" }"), "weighted_feature", BREAKING);
        }

        @Test
        void changesReadAsText() {
            SchemaChange change = assertSingle(
                    featureDiff("value_count { min: 1 }", "value_count { min: 1 max: 3 }"), "value_count", BREAKING);
            assertThat(change.before()).isEqualTo("value_count [1, inf]");
            assertThat(change.after()).isEqualTo("value_count [1, 3]");
        }
    }

    @Test
    void theTaxiCurationOfTheTutorialIsClassified() {
        Schema frozen = Schemas.taxi();
        Schema curated = SchemaEditor.of(frozen)
                .feature("payment_type")
                .extendStringDomain("Prcard")
                .minFraction(0.9)
                .done()
                .feature("tips")
                .notInEnvironment("SERVING")
                .skewInfinityNorm(0.01)
                .done()
                .build();
        // SERVING was listed nowhere, so TFDV validated no feature in it: listing it makes the required ones required
        assertThat(SchemaDiff.between(frozen, curated))
                .containsExactly(
                        new SchemaChange("", "default_environment", "TRAINING", "TRAINING, SERVING", BREAKING),
                        new SchemaChange("payment_type", "presence.min_fraction", "1.0", "0.9", COMPATIBLE),
                        new SchemaChange("payment_type", "string_domain.value", "", "\"Prcard\"", COMPATIBLE),
                        new SchemaChange("tips", "environment", "", "not_in: SERVING", COMPATIBLE),
                        new SchemaChange("tips", "skew_comparator.infinity_norm.threshold", "", "0.01", BREAKING));
        assertThat(SchemaDiff.hasBreakingChange(SchemaDiff.between(frozen, curated)))
                .isTrue();
    }
}
