package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_MISSING_TYPE;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_HIGH_NUMBER_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_FRACTION_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_NUMBER_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_NOT_PRESENT;
import static dev.veracity.proto.AnomalyInfo.Type.INVALID_FEATURE_SHAPE;
import static dev.veracity.proto.AnomalyInfo.Type.INVALID_SCHEMA_SPECIFICATION;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_MISSING_COLUMN;
import static dev.veracity.proto.AnomalyInfo.Type.SCHEMA_NEW_COLUMN;
import static dev.veracity.proto.AnomalyInfo.Type.UNEXPECTED_DATA_TYPE;
import static dev.veracity.proto.AnomalyInfo.Type.VALUE_NESTEDNESS_MISMATCH;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static dev.veracity.schema.AnomalyAssertions.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.AnomalyInfo;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Columns, presence, valency, shape and type: for each anomaly type, hand-made statistics that trigger it and
 * statistics at the edge that just do not.
 */
class PresenceAnomaliesTest {

    @Nested
    class MissingColumn {
        private static final String SCHEMA =
                "feature { name: 'a' type: INT presence { min_count: 1 } }" + " feature { name: 'b' type: INT }";

        @Test
        void requiredColumnAbsentFromStatistics() {
            var reason = onlyReason(
                    validate(Stats.examples(10).ints("b").build(), SCHEMA),
                    "a",
                    SCHEMA_MISSING_COLUMN,
                    "presence.min_count = 1",
                    "completely missing");
            assertThat(reason.getShortDescription()).isEqualTo("Column dropped");
        }

        @Test
        void requiredByFractionOnly() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("b").build(),
                            "feature { name: 'a' type: INT presence { min_fraction: 0.5 } } feature { name: 'b' type: INT }"),
                    "a",
                    SCHEMA_MISSING_COLUMN,
                    "presence.min_fraction = 0.5");
        }

        @Test
        void optionalColumnMayBeAbsent() {
            assertClean(validate(
                    Stats.examples(10).ints("b").build(),
                    "feature { name: 'a' type: INT presence { min_count: 0 min_fraction: 0 } }"
                            + " feature { name: 'b' type: INT }"));
        }

        @Test
        void childOfARequiredStructIsReportedByItsPath() {
            onlyReason(
                    validate(
                            Stats.examples(10).struct("s").ints("s", "x").build(),
                            "feature { name: 's' type: STRUCT struct_domain {"
                                    + " feature { name: 'x' type: INT }"
                                    + " feature { name: 'y' type: INT presence { min_count: 1 } } } }"),
                    "s.y",
                    SCHEMA_MISSING_COLUMN,
                    "presence.min_count = 1");
        }
    }

    @Nested
    class NewColumn {
        @Test
        void columnNotInSchema() {
            var anomalies = validate(
                    Stats.examples(10).ints("a").strings("b").labels("x", 10).build(),
                    "feature { name: 'a' type: INT }");
            var reason = onlyReason(anomalies, "b", SCHEMA_NEW_COLUMN, "New column");
            assertThat(reason.getShortDescription()).isEqualTo("New column");
        }

        @Test
        void columnInSchema() {
            assertClean(validate(Stats.examples(10).ints("a").build(), "feature { name: 'a' type: INT }"));
        }

        @Test
        void severalNewColumnsAreReportedOnePerPath() {
            var anomalies = validate(
                    Stats.examples(10).ints("a").ints("b").ints("c").build(), "feature { name: 'a' type: INT }");
            assertThat(anomalies.getAnomalyInfoMap()).containsOnlyKeys("b", "c");
            anomalies.getAnomalyInfoMap().values().forEach(info -> {
                assertThat(info.getReasonList())
                        .extracting(AnomalyInfo.Reason::getType)
                        .containsExactly(SCHEMA_NEW_COLUMN);
                assertThat(info.getShortDescription()).isEqualTo("New column");
            });
        }
    }

    @Nested
    class LowFractionPresent {
        @Test
        void fractionBelowMinimum() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").present(8).build(),
                            "feature { name: 'a' type: INT presence { min_fraction: 0.9 } }"),
                    "a",
                    FEATURE_TYPE_LOW_FRACTION_PRESENT,
                    "presence.min_fraction = 0.9",
                    "actual = 0.8");
        }

        @Test
        void fractionExactlyAtMinimumDoesNotTrigger() {
            assertClean(validate(
                    Stats.examples(10).ints("a").present(9).build(),
                    "feature { name: 'a' type: INT presence { min_fraction: 0.9 } }"));
        }

        @Test
        void minFractionOneWithOneMissingExample() {
            onlyReason(
                    validate(
                            Stats.examples(1000).ints("a").present(999).build(),
                            "feature { name: 'a' type: INT presence { min_fraction: 1.0 } }"),
                    "a",
                    FEATURE_TYPE_LOW_FRACTION_PRESENT,
                    "presence.min_fraction = 1",
                    "actual = 0.999");
        }

        @Test
        void minFractionOneWithAMissingExampleEvenWhenTheRatioRoundsToOne() {
            // num_missing counts one example that num_examples does not: the ratio is 1, the count says otherwise
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").present(10).missing(1).build(),
                            "feature { name: 'a' type: INT presence { min_fraction: 1.0 } }"),
                    "a",
                    FEATURE_TYPE_LOW_FRACTION_PRESENT,
                    "presence.min_fraction = 1",
                    "1 of 10");
        }

        @Test
        void minFractionOneWithNothingMissing() {
            assertClean(validate(
                    Stats.examples(10).ints("a").build(),
                    "feature { name: 'a' type: INT presence { min_fraction: 1.0 } }"));
        }
    }

    @Nested
    class LowNumberPresent {
        @Test
        void countBelowMinimum() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").present(4).build(),
                            "feature { name: 'a' type: INT presence { min_count: 5 } }"),
                    "a",
                    FEATURE_TYPE_LOW_NUMBER_PRESENT,
                    "presence.min_count = 5",
                    "actual = 4");
        }

        @Test
        void countExactlyAtMinimumDoesNotTrigger() {
            assertClean(validate(
                    Stats.examples(10).ints("a").present(5).build(),
                    "feature { name: 'a' type: INT presence { min_count: 5 } }"));
        }
    }

    @Nested
    class NotPresent {
        @Test
        void requiredFeatureInNoExample() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").present(0).build(),
                            "feature { name: 'a' type: INT presence { min_count: 1 } }"),
                    "a",
                    FEATURE_TYPE_NOT_PRESENT,
                    "presence.min_count = 1",
                    "no examples");
        }

        @Test
        void optionalFeatureInNoExample() {
            assertClean(validate(
                    Stats.examples(10).ints("a").present(0).build(),
                    "feature { name: 'a' type: INT presence { min_count: 0 } }"));
        }

        @Test
        void requiredFeatureInOneExample() {
            assertClean(validate(
                    Stats.examples(10).ints("a").present(1).build(),
                    "feature { name: 'a' type: INT presence { min_count: 1 } }"));
        }
    }

    @Nested
    class NumberOfValues {
        @Test
        void fewerValuesThanMinimum() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").values(1, 3).build(),
                            "feature { name: 'a' type: INT value_count { min: 2 max: 3 } }"),
                    "a",
                    FEATURE_TYPE_LOW_NUMBER_VALUES,
                    "value_count.min = 2",
                    "has 1");
        }

        @Test
        void valuesExactlyAtMinimum() {
            assertClean(validate(
                    Stats.examples(10).ints("a").values(2, 3).build(),
                    "feature { name: 'a' type: INT value_count { min: 2 max: 3 } }"));
        }

        @Test
        void moreValuesThanMaximum() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").values(2, 4).build(),
                            "feature { name: 'a' type: INT value_count { min: 2 max: 3 } }"),
                    "a",
                    FEATURE_TYPE_HIGH_NUMBER_VALUES,
                    "value_count.max = 3",
                    "has 4");
        }

        @Test
        void valuesExactlyAtMaximum() {
            assertClean(validate(
                    Stats.examples(10).ints("a").values(3, 3).build(),
                    "feature { name: 'a' type: INT value_count { min: 2 max: 3 } }"));
        }

        @Test
        void perLevelCountsOfNestedData() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .ints("a")
                                    .level(0, 1, 2)
                                    .level(0, 1, 5)
                                    .build(),
                            "feature { name: 'a' type: INT value_counts { value_count { min: 1 max: 2 }"
                                    + " value_count { min: 1 max: 4 } } }"),
                    "a",
                    FEATURE_TYPE_HIGH_NUMBER_VALUES,
                    "value_counts.value_count[1].max = 4",
                    "has 5");
        }

        @Test
        void nestedDataWithinPerLevelCounts() {
            assertClean(validate(
                    Stats.examples(10).ints("a").level(0, 1, 2).level(0, 1, 4).build(),
                    "feature { name: 'a' type: INT value_counts { value_count { min: 1 max: 2 }"
                            + " value_count { min: 1 max: 4 } } }"));
        }
    }

    @Nested
    class NestednessMismatch {
        @Test
        void flatValueCountOnNestedData() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .ints("a")
                                    .level(0, 1, 2)
                                    .level(0, 1, 1)
                                    .build(),
                            "feature { name: 'a' type: INT value_count { min: 1 } }"),
                    "a",
                    VALUE_NESTEDNESS_MISMATCH,
                    "1 nesting level",
                    "data has 2");
        }

        @Test
        void valueCountsWithTheDataNestLevels() {
            assertClean(validate(
                    Stats.examples(10).ints("a").level(0, 1, 2).level(0, 1, 1).build(),
                    "feature { name: 'a' type: INT value_counts { value_count { min: 1 } value_count { min: 1 } } }"));
        }
    }

    @Nested
    class FeatureShape {
        private static final String SCHEMA = "feature { name: 'a' type: FLOAT shape { dim { size: 3 } } }";

        @Test
        void exampleWithoutTheFeature() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .floats("a")
                                    .present(9)
                                    .values(3, 3)
                                    .build(),
                            SCHEMA),
                    "a",
                    INVALID_FEATURE_SHAPE,
                    "[3]",
                    "1 examples lack");
        }

        @Test
        void varyingNumberOfValues() {
            onlyReason(
                    validate(Stats.examples(10).floats("a").values(2, 3).build(), SCHEMA),
                    "a",
                    INVALID_FEATURE_SHAPE,
                    "[3]",
                    "between 2 and 3");
        }

        @Test
        void wrongFixedNumberOfValues() {
            onlyReason(
                    validate(Stats.examples(10).floats("a").values(4, 4).build(), SCHEMA),
                    "a",
                    INVALID_FEATURE_SHAPE,
                    "[3]",
                    "4 values");
        }

        @Test
        void exactlyTheShape() {
            assertClean(validate(Stats.examples(10).floats("a").values(3, 3).build(), SCHEMA));
        }
    }

    @Nested
    class DataType {
        @Test
        void floatsWhereIntsExpected() {
            onlyReason(
                    validate(Stats.examples(10).floats("a").range(0, 1).build(), "feature { name: 'a' type: INT }"),
                    "a",
                    UNEXPECTED_DATA_TYPE,
                    "Expected data of type: INT but got FLOAT");
        }

        @Test
        void stringStatisticsAreBytes() {
            assertClean(validate(
                    Stats.examples(10).strings("a").labels("x", 10).build(), "feature { name: 'a' type: BYTES }"));
        }
    }

    @Nested
    class MissingType {
        @Test
        void featureWithoutType() {
            onlyReason(
                    validate(Stats.examples(10).ints("a").build(), "feature { name: 'a' }"),
                    "a",
                    FEATURE_MISSING_TYPE,
                    "no type",
                    "deprecated");
        }

        @Test
        void featureWithoutTypeButAStringDomainBecomesBytes() {
            var anomalies = validate(
                    Stats.examples(10).strings("a").labels("x", 10).build(),
                    "feature { name: 'a' string_domain { value: 'x' } }");
            onlyReason(anomalies, "a", FEATURE_MISSING_TYPE, "BYTES");
        }

        @Test
        void featureWithType() {
            assertClean(validate(Stats.examples(10).ints("a").build(), "feature { name: 'a' type: INT }"));
        }
    }

    @Nested
    class SchemaSpecification {
        @Test
        void minFractionAboveOne() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").build(),
                            "feature { name: 'a' type: INT presence { min_fraction: 1.5 } }"),
                    "a",
                    INVALID_SCHEMA_SPECIFICATION,
                    "presence.min_fraction = 1.5",
                    "above 1");
        }

        @Test
        void negativeMinFraction() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").build(),
                            "feature { name: 'a' type: INT presence { min_fraction: -0.5 } }"),
                    "a",
                    INVALID_SCHEMA_SPECIFICATION,
                    "presence.min_fraction = -0.5",
                    "negative");
        }

        @Test
        void valueCountMaxBelowMin() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").build(),
                            "feature { name: 'a' type: INT value_count { min: 3 max: 2 } }"),
                    "a",
                    INVALID_SCHEMA_SPECIFICATION,
                    "min: 3",
                    "max: 2");
        }

        @Test
        void shapeOfSizeZero() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").build(),
                            "feature { name: 'a' type: INT shape { dim { size: 0 } } }"),
                    "a",
                    INVALID_SCHEMA_SPECIFICATION,
                    "shape",
                    "size 0");
        }

        @Test
        void distributionConstraintsWithoutStringDomain() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("a").build(),
                            "feature { name: 'a' type: INT distribution_constraints { min_domain_mass: 0.5 } }"),
                    "a",
                    INVALID_SCHEMA_SPECIFICATION,
                    "distribution_constraints",
                    "no domain");
        }

        @Test
        void validEdges() {
            assertClean(validate(
                    Stats.examples(10).ints("a").values(2, 2).build(),
                    "feature { name: 'a' type: INT presence { min_fraction: 1.0 } value_count { min: 2 max: 2 } }"));
            assertClean(validate(
                    Stats.examples(10).ints("a").values(2, 2).build(),
                    "feature { name: 'a' type: INT presence { min_fraction: 0.0 } shape { dim { size: 2 } } }"));
        }
    }
}
