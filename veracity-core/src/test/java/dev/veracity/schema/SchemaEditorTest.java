package dev.veracity.schema;

import static dev.veracity.schema.Schemas.feature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.ErrorCode;
import dev.veracity.proto.Feature;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchemaEditorTest {
    private final Schema taxi = Schemas.taxi();

    private static void assertInvalid(ThrowingCallable edit, String message) {
        assertThatThrownBy(edit)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((ConfigException) e).errorCode())
                .isEqualTo(ErrorCode.SCHEMA_EDIT_INVALID);
    }

    @Test
    void theExampleOfTheJavadocWorksAndLeavesTheInputAlone() {
        Schema edited = SchemaEditor.of(taxi)
                .feature("payment_type")
                .extendStringDomain("Prcard")
                .minFraction(0.9)
                .notInEnvironment("SERVING")
                .done()
                .feature("tips")
                .skewInfinityNorm(0.01)
                .driftJensenShannon(0.05)
                .done()
                .build();

        assertThat(edited.getStringDomain(0).getValueList()).containsExactly("Cash", "Credit Card", "Prcard");
        Feature payment = feature(edited, "payment_type");
        assertThat(payment.getPresence().getMinFraction()).isEqualTo(0.9);
        assertThat(payment.getPresence().getMinCount()).isEqualTo(1);
        assertThat(payment.getNotInEnvironmentList()).containsExactly("SERVING");
        assertThat(edited.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        Feature tips = feature(edited, "tips");
        assertThat(tips.getSkewComparator().getInfinityNorm().getThreshold()).isEqualTo(0.01);
        assertThat(tips.getDriftComparator().getJensenShannonDivergence().getThreshold())
                .isEqualTo(0.05);
        assertThat(taxi).isEqualTo(Schemas.taxi());
    }

    @Nested
    class StringDomains {
        @Test
        void extendingAppendsOnlyMissingValuesAndKeepsTheOrder() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("payment_type")
                    .extendStringDomain("Credit Card", "Prcard", "Dispute", "Prcard")
                    .done()
                    .build();
            assertThat(edited.getStringDomain(0).getValueList())
                    .containsExactly("Cash", "Credit Card", "Prcard", "Dispute");
            assertThat(feature(edited, "payment_type").getDomain()).isEqualTo("payment_type");
        }

        @Test
        void extendingAnInlineDomainEditsIt() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("company")
                    .extendStringDomain("Blue Diamond")
                    .done()
                    .build();
            assertThat(feature(edited, "company").getStringDomain().getValueList())
                    .containsExactly("Taxi Affiliation Services", "Flash Cab", "Blue Diamond");
        }

        @Test
        void settingReplacesTheReferencedDomainInTheGivenOrder() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("payment_type")
                    .setStringDomain("Credit Card", "Cash", "No Charge")
                    .done()
                    .build();
            assertThat(edited.getStringDomain(0).getValueList()).containsExactly("Credit Card", "Cash", "No Charge");
        }

        @Test
        void settingOnAFeatureWithoutDomainCreatesAnInlineOne() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("address.city")
                    .setStringDomain("Chicago")
                    .done()
                    .build();
            Feature city = feature(edited, "address").getStructDomain().getFeature(0);
            assertThat(city.getStringDomain().getValueList()).containsExactly("Chicago");
        }

        @Test
        void extendingWithoutADomainIsRefused() {
            assertInvalid(
                    () -> SchemaEditor.of(taxi).feature("address.city").extendStringDomain("Chicago"),
                    "expected a string domain to extend, found no domain");
        }

        @Test
        void aStringDomainOnANumericFeatureIsRefused() {
            assertInvalid(
                    () -> SchemaEditor.of(taxi).feature("trip_seconds").setStringDomain("1"),
                    "expected type [BYTES] for a string_domain, found INT");
        }

        @Test
        void duplicateOrNoValuesAreRefused() {
            assertInvalid(() -> SchemaEditor.of(taxi).feature("company").setStringDomain("A", "A"), "duplicates");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("company").setStringDomain(), "at least one");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("company").extendStringDomain(), "at least one");
        }

        @Test
        void aDanglingReferenceIsReported() {
            Schema dangling = taxi.toBuilder().clearStringDomain().build();
            assertInvalid(
                    () -> SchemaEditor.of(dangling).feature("payment_type").extendStringDomain("Prcard"),
                    "expected a top-level string_domain named \"payment_type\"");
        }
    }

    @Nested
    class Ranges {
        @Test
        void intBoundsCreateAnIntDomain() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("trip_seconds")
                    .intMin(0)
                    .intMax(86_400)
                    .done()
                    .build();
            assertThat(feature(edited, "trip_seconds").getIntDomain().getMin()).isZero();
            assertThat(feature(edited, "trip_seconds").getIntDomain().getMax()).isEqualTo(86_400);
        }

        @Test
        void floatBoundsCreateAFloatDomain() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("tips")
                    .floatMin(0f)
                    .floatMax(500f)
                    .done()
                    .build();
            assertThat(feature(edited, "tips").getFloatDomain().getMax()).isEqualTo(500f);
        }

        @Test
        void aMinAboveTheMaxIsRefused() {
            assertInvalid(
                    () -> SchemaEditor.of(taxi)
                            .feature("trip_seconds")
                            .intMax(10)
                            .intMin(11),
                    "expected int_domain min <= max, found min 11 > max 10");
            assertInvalid(
                    () -> SchemaEditor.of(taxi).feature("tips").floatMin(2f).floatMax(1f), "min <= max");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").floatMin(Float.NaN), "NaN");
        }

        @Test
        void aRangeOnAStringFeatureOrOfTheWrongKindIsRefused() {
            assertInvalid(
                    () -> SchemaEditor.of(taxi).feature("company").intMin(0),
                    "expected no domain or a int_domain, found a string_domain");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").intMin(0), "found FLOAT");
        }
    }

    @Nested
    class Presence {
        @Test
        void minFractionAndMinCountAreSet() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("trip_seconds")
                    .minFraction(0.5)
                    .minCount(10)
                    .done()
                    .build();
            assertThat(feature(edited, "trip_seconds").getPresence().getMinFraction())
                    .isEqualTo(0.5);
            assertThat(feature(edited, "trip_seconds").getPresence().getMinCount())
                    .isEqualTo(10);
        }

        @Test
        void valuesOutsideTheirRangeAreRefused() {
            assertInvalid(
                    () -> SchemaEditor.of(taxi).feature("tips").minFraction(1.5),
                    "expected a presence min_fraction in [0, 1], found 1.5");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").minFraction(-0.1), "found -0.1");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").minFraction(Double.NaN), "found NaN");
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").minCount(-1), "at least 0, found -1");
        }
    }

    @Nested
    class Environments {
        @Test
        void notInMovesTheFeatureOutAndListsTheEnvironmentOnce() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("tips")
                    .inEnvironment("SERVING")
                    .notInEnvironment("SERVING")
                    .notInEnvironment("SERVING")
                    .done()
                    .feature("company")
                    .notInEnvironment("SERVING")
                    .done()
                    .build();
            assertThat(feature(edited, "tips").getInEnvironmentList()).isEmpty();
            assertThat(feature(edited, "tips").getNotInEnvironmentList()).containsExactly("SERVING");
            assertThat(edited.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        }

        @Test
        void inMovesTheFeatureIn() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("tips")
                    .notInEnvironment("EVAL")
                    .inEnvironment("EVAL")
                    .done()
                    .build();
            assertThat(feature(edited, "tips").getInEnvironmentList()).containsExactly("EVAL");
            assertThat(feature(edited, "tips").getNotInEnvironmentList()).isEmpty();
        }

        @Test
        void defaultEnvironmentsAreAddedOnce() {
            Schema edited = SchemaEditor.of(taxi)
                    .defaultEnvironment("SERVING")
                    .defaultEnvironment("TRAINING")
                    .build();
            assertThat(edited.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        }

        @Test
        void aBlankEnvironmentIsRefused() {
            assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").notInEnvironment(" "), "found an empty one");
        }
    }

    @Test
    void deprecateSetsTheLifecycleStage() {
        Schema edited = SchemaEditor.of(taxi).feature("tips").deprecate().done().build();
        assertThat(feature(edited, "tips").getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
    }

    @Test
    void everyComparatorThresholdIsSet() {
        Feature tips = feature(
                SchemaEditor.of(taxi)
                        .feature("tips")
                        .driftInfinityNorm(0.1)
                        .driftJensenShannon(0.2)
                        .driftNormalizedAbsDifference(0.3)
                        .skewInfinityNorm(0.4)
                        .skewJensenShannon(0.5)
                        .skewNormalizedAbsDifference(0.6)
                        .done()
                        .build(),
                "tips");
        assertThat(tips.getDriftComparator().getInfinityNorm().getThreshold()).isEqualTo(0.1);
        assertThat(tips.getDriftComparator().getJensenShannonDivergence().getThreshold())
                .isEqualTo(0.2);
        assertThat(tips.getDriftComparator().getNormalizedAbsDifference().getThreshold())
                .isEqualTo(0.3);
        assertThat(tips.getSkewComparator().getInfinityNorm().getThreshold()).isEqualTo(0.4);
        assertThat(tips.getSkewComparator().getJensenShannonDivergence().getThreshold())
                .isEqualTo(0.5);
        assertThat(tips.getSkewComparator().getNormalizedAbsDifference().getThreshold())
                .isEqualTo(0.6);
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefused() {
        assertInvalid(
                () -> SchemaEditor.of(taxi).feature("tips").skewJensenShannon(1.5),
                "expected a skew threshold in [0, 1]");
        assertInvalid(() -> SchemaEditor.of(taxi).feature("tips").driftInfinityNorm(-0.01), "found -0.01");
    }

    @Nested
    class Lookup {
        @Test
        void aStructChildIsNamedByItsPath() {
            Schema edited = SchemaEditor.of(taxi)
                    .feature("address.zip")
                    .minCount(1)
                    .done()
                    .build();
            assertThat(feature(edited, "address")
                            .getStructDomain()
                            .getFeature(1)
                            .getPresence()
                            .getMinCount())
                    .isEqualTo(1);
        }

        @Test
        void aTopLevelNameWithADotNeedsNoQuotesAndQuotedPathsWork() {
            assertThat(feature(
                                    SchemaEditor.of(taxi)
                                            .feature("a.b")
                                            .minCount(2)
                                            .done()
                                            .build(),
                                    "a.b")
                            .getPresence()
                            .getMinCount())
                    .isEqualTo(2);
            assertThat(feature(
                                    SchemaEditor.of(taxi)
                                            .feature("'a.b'")
                                            .minCount(3)
                                            .done()
                                            .build(),
                                    "a.b")
                            .getPresence()
                            .getMinCount())
                    .isEqualTo(3);
        }

        @Test
        void aMissingFeatureNamesCloseNames() {
            assertThatThrownBy(() -> SchemaEditor.of(taxi).feature("paymnt_type"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("feature \"paymnt_type\": expected a feature of the schema, found none; "
                            + "did you mean payment_type?")
                    .extracting(e -> ((ConfigException) e).errorCode())
                    .isEqualTo(ErrorCode.SCHEMA_FEATURE_NOT_FOUND);
            assertThatThrownBy(() -> SchemaEditor.of(taxi).feature("address.cty"))
                    .hasMessageContaining("did you mean address.city");
            assertThatThrownBy(() -> SchemaEditor.of(taxi).feature("zzzzzzzzzzzzzz"))
                    .hasMessageEndingWith("found none (the schema has 8 features)");
        }
    }
}
