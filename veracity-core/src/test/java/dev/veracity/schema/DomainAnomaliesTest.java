package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.BOOL_TYPE_BIG_INT;
import static dev.veracity.proto.AnomalyInfo.Type.BOOL_TYPE_SMALL_INT;
import static dev.veracity.proto.AnomalyInfo.Type.BOOL_TYPE_UNEXPECTED_FLOAT;
import static dev.veracity.proto.AnomalyInfo.Type.BOOL_TYPE_UNEXPECTED_STRING;
import static dev.veracity.proto.AnomalyInfo.Type.DOMAIN_INVALID_FOR_TYPE;
import static dev.veracity.proto.AnomalyInfo.Type.ENUM_TYPE_INVALID_UTF8;
import static dev.veracity.proto.AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_HIGH_UNIQUE;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_LOW_UNIQUE;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_TYPE_NO_UNIQUE;
import static dev.veracity.proto.AnomalyInfo.Type.FLOAT_TYPE_BIG_FLOAT;
import static dev.veracity.proto.AnomalyInfo.Type.FLOAT_TYPE_HAS_INF;
import static dev.veracity.proto.AnomalyInfo.Type.FLOAT_TYPE_HAS_NAN;
import static dev.veracity.proto.AnomalyInfo.Type.FLOAT_TYPE_SMALL_FLOAT;
import static dev.veracity.proto.AnomalyInfo.Type.FLOAT_TYPE_STRING_NOT_FLOAT;
import static dev.veracity.proto.AnomalyInfo.Type.INT_TYPE_BIG_INT;
import static dev.veracity.proto.AnomalyInfo.Type.INT_TYPE_NOT_INT_STRING;
import static dev.veracity.proto.AnomalyInfo.Type.INT_TYPE_SMALL_INT;
import static dev.veracity.proto.AnomalyInfo.Type.INVALID_DOMAIN_SPECIFICATION;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static dev.veracity.schema.AnomalyAssertions.validate;

import dev.veracity.proto.Histogram.HistogramType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Domains and unique values: for each anomaly type, statistics that trigger it and statistics that just do not. */
class DomainAnomaliesTest {

    @Nested
    class UnexpectedStringValues {
        private static final String SCHEMA =
                "feature { name: 's' type: BYTES domain: 's' }" + " string_domain { name: 's' value: 'a' value: 'b' }";

        @Test
        void valueOutsideTheDomain() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 5, "c", 5)
                                    .build(),
                            SCHEMA),
                    "s",
                    ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                    "c (~50%)");
        }

        @Test
        void rareValueOutsideTheDomain() {
            onlyReason(
                    validate(
                            Stats.examples(1000)
                                    .strings("s")
                                    .labels("a", 999, "c", 1)
                                    .build(),
                            SCHEMA),
                    "s",
                    ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                    "c (<1%)");
        }

        @Test
        void valuesInsideTheDomain() {
            assertClean(validate(
                    Stats.examples(10).strings("s").labels("a", 5, "b", 5).build(), SCHEMA));
        }

        @Test
        void inlineStringDomain() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 5, "c", 5)
                                    .build(),
                            "feature { name: 's' type: BYTES string_domain { value: 'a' } }"),
                    "s",
                    ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                    "c (~50%)");
        }

        private static final String MASS = "feature { name: 's' type: BYTES domain: 's'"
                + " distribution_constraints { min_domain_mass: 0.75 } }"
                + " string_domain { name: 's' value: 'a' }";

        @Test
        void offDomainShareExactlyAtTheAllowanceDoesNotTrigger() {
            // 1 - 0.75 = 0.25 exactly in binary, and 25 of 100 values are off the domain
            assertClean(validate(
                    Stats.examples(100).strings("s").labels("a", 75, "z", 25).build(), MASS));
        }

        @Test
        void offDomainShareJustAboveTheAllowance() {
            onlyReason(
                    validate(
                            Stats.examples(100)
                                    .strings("s")
                                    .labels("a", 74, "z", 26)
                                    .build(),
                            MASS),
                    "s",
                    ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                    "z (~26%)",
                    "min_domain_mass = 0.75",
                    "found 26%");
        }

        @Test
        void minDomainMassOneAllowsNothingOutside() {
            onlyReason(
                    validate(
                            Stats.examples(1000)
                                    .strings("s")
                                    .labels("a", 999, "z", 1)
                                    .build(),
                            MASS.replace("0.75", "1.0")),
                    "s",
                    ENUM_TYPE_UNEXPECTED_STRING_VALUES,
                    "z (<1%)");
        }
    }

    @Nested
    class InvalidUtf8 {
        private static final String SCHEMA = "feature { name: 's' type: BYTES string_domain { value: 'a' } }";

        @Test
        void invalidUtf8Values() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 10)
                                    .invalidUtf8(2)
                                    .build(),
                            SCHEMA),
                    "s",
                    ENUM_TYPE_INVALID_UTF8,
                    "Found 2 values",
                    "UTF-8");
        }

        @Test
        void noInvalidUtf8() {
            assertClean(validate(
                    Stats.examples(10)
                            .strings("s")
                            .labels("a", 10)
                            .invalidUtf8(0)
                            .build(),
                    SCHEMA));
        }
    }

    @Nested
    class BoolDomain {
        private static final String INT_BOOL = "feature { name: 'b' type: INT bool_domain {} }";

        @Test
        void intAboveOne() {
            onlyReason(
                    validate(Stats.examples(10).ints("b").range(0, 2).build(), INT_BOOL),
                    "b",
                    BOOL_TYPE_BIG_INT,
                    "such as 2",
                    "{0, 1}");
        }

        @Test
        void intBelowZero() {
            onlyReason(
                    validate(Stats.examples(10).ints("b").range(-1, 1).build(), INT_BOOL),
                    "b",
                    BOOL_TYPE_SMALL_INT,
                    "such as -1",
                    "{0, 1}");
        }

        @Test
        void intsZeroAndOne() {
            assertClean(validate(Stats.examples(10).ints("b").range(0, 1).build(), INT_BOOL));
        }

        private static final String STRING_BOOL =
                "feature { name: 'b' type: BYTES" + " bool_domain { true_value: 'yes' false_value: 'no' } }";

        @Test
        void unexpectedString() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("b")
                                    .labels("yes", 4, "no", 4, "maybe", 2)
                                    .build(),
                            STRING_BOOL),
                    "b",
                    BOOL_TYPE_UNEXPECTED_STRING,
                    "true_value \"yes\"",
                    "false_value \"no\"",
                    "maybe");
        }

        @Test
        void onlyTrueAndFalseStrings() {
            assertClean(validate(
                    Stats.examples(10).strings("b").labels("yes", 6, "no", 4).build(), STRING_BOOL));
        }

        private static final String FLOAT_BOOL = "feature { name: 'b' type: FLOAT bool_domain {} }";

        @Test
        void floatAboveOne() {
            onlyReason(
                    validate(Stats.examples(10).floats("b").range(0, 1.5).build(), FLOAT_BOOL),
                    "b",
                    BOOL_TYPE_UNEXPECTED_FLOAT,
                    "max = 1.5");
        }

        @Test
        void floatNan() {
            onlyReason(
                    validate(Stats.examples(10).floats("b").range(0, 1).nan(1).build(), FLOAT_BOOL),
                    "b",
                    BOOL_TYPE_UNEXPECTED_FLOAT,
                    "NaN values = 1");
        }

        @Test
        void quantilesBucketStrictlyBetweenZeroAndOne() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .floats("b")
                                    .range(0, 1)
                                    .bucket(HistogramType.QUANTILES, 0, 0, 4)
                                    .bucket(HistogramType.QUANTILES, 0.2, 0.8, 2)
                                    .bucket(HistogramType.QUANTILES, 1, 1, 4)
                                    .build(),
                            FLOAT_BOOL),
                    "b",
                    BOOL_TYPE_UNEXPECTED_FLOAT,
                    "min = 0",
                    "max = 1");
        }

        @Test
        void floatsZeroAndOneWithStandardBucketsAcrossTheMiddle() {
            // a STANDARD bucket [0, 0.5] holds zeros: only quantiles buckets strictly inside (0, 1) are evidence
            assertClean(validate(
                    Stats.examples(10)
                            .floats("b")
                            .range(0, 1)
                            .bucket(HistogramType.STANDARD, 0, 0.5, 5)
                            .bucket(HistogramType.STANDARD, 0.5, 1, 5)
                            .build(),
                    FLOAT_BOOL));
        }
    }

    @Nested
    class IntDomain {
        private static final String SCHEMA = "feature { name: 'i' type: INT int_domain { min: 0 max: 10 } }";

        @Test
        void aboveMax() {
            onlyReason(
                    validate(Stats.examples(10).ints("i").range(0, 11).build(), SCHEMA),
                    "i",
                    INT_TYPE_BIG_INT,
                    "11",
                    "int_domain.max = 10");
        }

        @Test
        void belowMin() {
            onlyReason(
                    validate(Stats.examples(10).ints("i").range(-1, 10).build(), SCHEMA),
                    "i",
                    INT_TYPE_SMALL_INT,
                    "-1",
                    "int_domain.min = 0");
        }

        @Test
        void exactlyMinAndMax() {
            assertClean(validate(Stats.examples(10).ints("i").range(0, 10).build(), SCHEMA));
        }

        private static final String STRINGS = "feature { name: 'i' type: BYTES int_domain { max: 10 } }";

        @Test
        void stringThatIsNotAnInt() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("i")
                                    .labels("1", 5, "x", 5)
                                    .build(),
                            STRINGS),
                    "i",
                    INT_TYPE_NOT_INT_STRING,
                    "\"x\"",
                    "int_domain");
        }

        @Test
        void intStringAboveMax() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("i")
                                    .labels("1", 5, "11", 5)
                                    .build(),
                            STRINGS),
                    "i",
                    INT_TYPE_BIG_INT,
                    "11",
                    "int_domain.max = 10");
        }

        @Test
        void intStringsWithinMax() {
            assertClean(validate(
                    Stats.examples(10).strings("i").labels("-3", 5, "10", 5).build(), STRINGS));
        }
    }

    @Nested
    class FloatDomain {
        private static final String SCHEMA = "feature { name: 'f' type: FLOAT float_domain { min: 0 max: 1 } }";

        @Test
        void aboveMax() {
            onlyReason(
                    validate(Stats.examples(10).floats("f").range(0, 1.5).build(), SCHEMA),
                    "f",
                    FLOAT_TYPE_BIG_FLOAT,
                    "1.5",
                    "float_domain.max = 1");
        }

        @Test
        void belowMin() {
            onlyReason(
                    validate(Stats.examples(10).floats("f").range(-0.25, 1).build(), SCHEMA),
                    "f",
                    FLOAT_TYPE_SMALL_FLOAT,
                    "-0.25",
                    "float_domain.min = 0");
        }

        @Test
        void exactlyMinAndMax() {
            assertClean(validate(Stats.examples(10).floats("f").range(0, 1).build(), SCHEMA));
        }

        private static final String STRINGS = "feature { name: 'f' type: BYTES float_domain {} }";

        @Test
        void stringThatIsNotAFloat() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("f")
                                    .labels("1.5", 5, "abc", 5)
                                    .build(),
                            STRINGS),
                    "f",
                    FLOAT_TYPE_STRING_NOT_FLOAT,
                    "\"abc\"",
                    "float_domain");
        }

        @Test
        void floatStrings() {
            assertClean(validate(
                    Stats.examples(10).strings("f").labels("1.5", 5, "-2e3", 5).build(), STRINGS));
        }

        private static final String NO_NAN = "feature { name: 'f' type: FLOAT float_domain { disallow_nan: true } }";

        @Test
        void nanDisallowed() {
            onlyReason(
                    validate(Stats.examples(10).floats("f").range(0, 1).nan(1).build(), NO_NAN),
                    "f",
                    FLOAT_TYPE_HAS_NAN,
                    "1 NaN",
                    "disallow_nan");
        }

        @Test
        void nanDisallowedAndNone() {
            assertClean(
                    validate(Stats.examples(10).floats("f").range(0, 1).nan(0).build(), NO_NAN));
        }

        @Test
        void nanAllowed() {
            assertClean(validate(
                    Stats.examples(10).floats("f").range(0, 1).nan(3).build(),
                    "feature { name: 'f' type: FLOAT float_domain { } }"));
        }

        private static final String NO_INF = "feature { name: 'f' type: FLOAT float_domain { disallow_inf: true } }";

        @Test
        void infinityDisallowed() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .floats("f")
                                    .range(0, Double.POSITIVE_INFINITY)
                                    .build(),
                            NO_INF),
                    "f",
                    FLOAT_TYPE_HAS_INF,
                    "max = inf",
                    "disallow_inf");
        }

        @Test
        void negativeInfinityDisallowed() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .floats("f")
                                    .range(Double.NEGATIVE_INFINITY, 0)
                                    .build(),
                            NO_INF),
                    "f",
                    FLOAT_TYPE_HAS_INF,
                    "min = -inf",
                    "disallow_inf");
        }

        @Test
        void largestFiniteValues() {
            assertClean(validate(
                    Stats.examples(10)
                            .floats("f")
                            .range(-Double.MAX_VALUE, Double.MAX_VALUE)
                            .build(),
                    NO_INF));
        }
    }

    @Nested
    class UniqueValues {
        private static final String SCHEMA = "feature { name: 's' type: BYTES unique_constraints { min: 2 max: 3 } }";

        @Test
        void tooManyUniques() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 10)
                                    .unique(4)
                                    .build(),
                            SCHEMA),
                    "s",
                    FEATURE_TYPE_HIGH_UNIQUE,
                    "no more than 3",
                    "found 4");
        }

        @Test
        void tooFewUniques() {
            onlyReason(
                    validate(
                            Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 10)
                                    .unique(1)
                                    .build(),
                            SCHEMA),
                    "s",
                    FEATURE_TYPE_LOW_UNIQUE,
                    "at least 2",
                    "found 1");
        }

        @Test
        void uniquesAtTheEdges() {
            assertClean(validate(
                    Stats.examples(10).strings("s").labels("a", 10).unique(2).build(), SCHEMA));
            assertClean(validate(
                    Stats.examples(10).strings("s").labels("a", 10).unique(3).build(), SCHEMA));
        }

        @Test
        void noStringStatistics() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("n").range(0, 5).build(),
                            "feature { name: 'n' type: INT unique_constraints { max: 3 } }"),
                    "n",
                    FEATURE_TYPE_NO_UNIQUE,
                    "unique_constraints",
                    "no distinct count");
        }

        @Test
        void categoricalIntHasStringStatistics() {
            assertClean(validate(
                    Stats.examples(10).ints("n").labels("1", 5, "2", 5).build(),
                    "feature { name: 'n' type: INT unique_constraints { max: 3 } }"));
        }
    }

    @Nested
    class DomainForType {
        @Test
        void intDomainOnFloats() {
            onlyReason(
                    validate(
                            Stats.examples(10).floats("f").range(0, 1).build(),
                            "feature { name: 'f' type: FLOAT int_domain { min: 0 } }"),
                    "f",
                    DOMAIN_INVALID_FOR_TYPE,
                    "int_domain",
                    "FLOAT");
        }

        @Test
        void stringDomainOnNumericInts() {
            onlyReason(
                    validate(
                            Stats.examples(10).ints("i").range(0, 1).build(),
                            "feature { name: 'i' type: INT string_domain { value: '0' } }"),
                    "i",
                    DOMAIN_INVALID_FOR_TYPE,
                    "string_domain",
                    "INT");
        }

        @Test
        void stringDomainOnCategoricalInts() {
            assertClean(validate(
                    Stats.examples(10).ints("i").labels("0", 5, "1", 5).build(),
                    "feature { name: 'i' type: INT string_domain { value: '0' value: '1' } }"));
        }

        @Test
        void domainOnBytesStatistics() {
            // stats type BYTES (raw bytes, no labels) carries no values a string domain could check
            onlyReason(
                    validate(
                            Stats.examples(10).bytes("b").build(),
                            "feature { name: 'b' type: BYTES string_domain { value: 'x' } }"),
                    "b",
                    DOMAIN_INVALID_FOR_TYPE,
                    "string_domain",
                    "BYTES");
        }

        @Test
        void intDomainOnInts() {
            assertClean(validate(
                    Stats.examples(10).ints("i").range(0, 1).build(),
                    "feature { name: 'i' type: INT int_domain { min: 0 } }"));
        }

        @Test
        void noDomainOnBytesStatistics() {
            assertClean(validate(Stats.examples(10).bytes("b").build(), "feature { name: 'b' type: BYTES }"));
        }
    }

    @Nested
    class DomainSpecification {
        @Test
        void domainNamesNoStringDomain() {
            onlyReason(
                    validate(
                            Stats.examples(10).strings("s").labels("a", 10).build(),
                            "feature { name: 's' type: BYTES domain: 'nope' }"),
                    "s",
                    INVALID_DOMAIN_SPECIFICATION,
                    "domain: \"nope\"");
        }

        @Test
        void boolDomainWithTheSameTrueAndFalseValue() {
            onlyReason(
                    validate(
                            Stats.examples(10).strings("b").labels("y", 10).build(),
                            "feature { name: 'b' type: BYTES bool_domain { true_value: 'y' false_value: 'y' } }"),
                    "b",
                    INVALID_DOMAIN_SPECIFICATION,
                    "true_value",
                    "\"y\"");
        }

        @Test
        void boolDomainWithOnlyAnEmptyTrueValueIsWellFormed() {
            // inference writes bool_domain { true_value: "" } for a feature whose only label is "": the unset
            // false_value reads as "" too, but it is not set
            assertClean(validate(
                    Stats.examples(10).strings("b").labels("", 10).build(),
                    "feature { name: 'b' type: BYTES bool_domain { true_value: '' } }"));
        }

        @Test
        void stringDomainWithRepeatedValues() {
            onlyReason(
                    validate(
                            Stats.examples(10).strings("s").labels("a", 10).build(),
                            "feature { name: 's' type: BYTES domain: 'd' } string_domain { name: 'd' value: 'a' value: 'a' }"),
                    "s",
                    INVALID_DOMAIN_SPECIFICATION,
                    "\"d\"",
                    "1 repeats");
        }

        @Test
        void wellFormedDomains() {
            assertClean(validate(
                    Stats.examples(10)
                            .strings("s")
                            .labels("a", 10)
                            .strings("b")
                            .labels("y", 10)
                            .build(),
                    "feature { name: 's' type: BYTES domain: 'd' } string_domain { name: 'd' value: 'a' }"
                            + " feature { name: 'b' type: BYTES bool_domain { true_value: 'y' false_value: 'n' } }"));
        }
    }
}
