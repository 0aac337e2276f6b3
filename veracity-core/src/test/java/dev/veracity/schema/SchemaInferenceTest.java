package dev.veracity.schema;

import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.LifecycleStage;
import dev.veracity.proto.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per inference rule of tfdv.md section 5.5, and for our extensions; the result is compared as text. */
class SchemaInferenceTest {
    private static final Feature.DomainInfoCase NONE = Feature.DomainInfoCase.DOMAININFO_NOT_SET;

    private static Schema infer(DatasetFeatureStatisticsList stats) {
        return SchemaInference.infer(stats);
    }

    private static Feature only(Schema schema) {
        assertThat(schema.getFeatureList()).hasSize(1);
        return schema.getFeature(0);
    }

    private static Feature feature(String pbtxt) {
        return Stats.schema("feature { " + pbtxt + " }").getFeature(0);
    }

    @Nested
    class Presence {
        @Test
        void presentEverywhereIsRequiredInEveryExample() {
            assertThat(only(infer(Stats.examples(10).ints("a").range(2, 5).build())))
                    .isEqualTo(
                            feature(
                                    "name: 'a' type: INT presence { min_fraction: 1.0 min_count: 1 } value_count { min: 1 max: 1 }"));
        }

        @Test
        void oneMissingExampleDropsMinFraction() {
            assertThat(only(infer(
                            Stats.examples(10).ints("a").present(9).range(2, 5).build())))
                    .isEqualTo(feature("name: 'a' type: INT presence { min_count: 1 } value_count { min: 1 max: 1 }"));
        }

        @Test
        void presentNowhereIsOptionalAndNothingElse() {
            assertThat(only(infer(
                            Stats.examples(10).ints("a").present(0).values(0, 0).build())))
                    .isEqualTo(feature("name: 'a' type: INT presence { min_count: 0 }"));
        }

        @Test
        void weightedPresenceBelowOneIsMinCountZero() {
            Feature inferred = only(infer(Stats.examples(10)
                    .weighted(1)
                    .ints("a")
                    .present(5)
                    .range(2, 5)
                    .weighted(0.5, 0.5, 0.5)
                    .build()));
            assertThat(inferred.getPresence().getMinCount()).isZero();
            assertThat(inferred.getPresence().hasMinFraction()).isFalse();
        }
    }

    @Nested
    class Valency {
        @Test
        void fixedNumberOfValues() {
            assertThat(only(infer(Stats.examples(10)
                                    .ints("a")
                                    .values(3, 3)
                                    .range(2, 5)
                                    .build()))
                            .getValueCount())
                    .isEqualTo(feature("value_count { min: 3 max: 3 }").getValueCount());
        }

        @Test
        void varyingNumberOfValues() {
            Feature inferred = only(
                    infer(Stats.examples(10).ints("a").values(2, 4).range(2, 5).build()));
            assertThat(inferred.getValueCount())
                    .isEqualTo(feature("value_count { min: 1 }").getValueCount());
        }

        @Test
        void emptyListsAllowed() {
            Feature inferred = only(
                    infer(Stats.examples(10).ints("a").values(0, 4).range(2, 5).build()));
            assertThat(inferred.hasValueCount()).isFalse();
            assertThat(inferred.hasShape()).isFalse();
        }

        @Test
        void shapeWhenAskedAndFixedEverywhere() {
            Feature inferred = only(SchemaInference.infer(
                    Stats.examples(10).floats("a").values(3, 3).range(0, 1).build(),
                    InferenceOptions.defaults().withShape(true)));
            assertThat(inferred.getShape())
                    .isEqualTo(feature("shape { dim { size: 3 } }").getShape());
            assertThat(inferred.hasValueCount()).isFalse();
        }

        @Test
        void noShapeWhenAnExampleLacksTheFeature() {
            Feature inferred = only(SchemaInference.infer(
                    Stats.examples(10)
                            .floats("a")
                            .present(9)
                            .values(3, 3)
                            .range(0, 1)
                            .build(),
                    InferenceOptions.defaults().withShape(true)));
            assertThat(inferred.hasShape()).isFalse();
            assertThat(inferred.getValueCount())
                    .isEqualTo(feature("value_count { min: 3 max: 3 }").getValueCount());
        }

        @Test
        void nestedShapeAndCounts() {
            DatasetFeatureStatisticsList nested = Stats.examples(10)
                    .floats("a")
                    .values(2, 2)
                    .range(0, 1)
                    .level(0, 2, 2)
                    .level(0, 1, 3)
                    .build();
            assertThat(only(SchemaInference.infer(
                                    nested, InferenceOptions.defaults().withShape(true)))
                            .hasShape())
                    .isFalse();
            assertThat(only(infer(nested)).getValueCounts())
                    .isEqualTo(feature("value_counts { value_count { min: 2 max: 2 } value_count { min: 1 } }")
                            .getValueCounts());
        }
    }

    @Nested
    class BoolLike {
        @Test
        void intsZeroAndOne() {
            assertThat(only(infer(Stats.examples(10).ints("b").range(0, 1).build()))
                            .hasBoolDomain())
                    .isTrue();
            assertThat(only(infer(Stats.examples(10).ints("b").range(1, 1).build()))
                            .hasBoolDomain())
                    .isTrue();
        }

        @Test
        void intsOutsideZeroAndOne() {
            assertThat(only(infer(Stats.examples(10).ints("b").range(-1, 1).build()))
                            .getDomainInfoCase())
                    .isEqualTo(NONE);
            assertThat(only(infer(Stats.examples(10).ints("b").range(0, 2).build()))
                            .getDomainInfoCase())
                    .isEqualTo(NONE);
            assertThat(only(infer(Stats.examples(10).ints("b").range(0, 0).build()))
                            .getDomainInfoCase())
                    .isEqualTo(NONE);
        }

        @Test
        void trueAndFalseStrings() {
            assertThat(only(infer(Stats.examples(10)
                                    .strings("b")
                                    .labels("false", 4, "true", 6)
                                    .build()))
                            .getBoolDomain())
                    .isEqualTo(feature("bool_domain { true_value: 'true' false_value: 'false' }")
                            .getBoolDomain());
            assertThat(only(infer(Stats.examples(10)
                                    .strings("b")
                                    .labels("CLEAR", 10)
                                    .build()))
                            .getBoolDomain())
                    .isEqualTo(feature("bool_domain { false_value: 'CLEAR' }").getBoolDomain());
        }

        @Test
        void twoTrueValuesAreNotBool() {
            Feature inferred = only(infer(
                    Stats.examples(10).strings("b").labels("true", 4, "TRUE", 6).build()));
            assertThat(inferred.hasBoolDomain()).isFalse();
            assertThat(inferred.getDomain()).isEqualTo("b");
        }
    }

    @Nested
    class Strings {
        @Test
        void intLikeStringsGetAnEmptyIntDomain() {
            Feature inferred = only(infer(
                    Stats.examples(10).strings("i").labels("12", 4, "-3", 6).build()));
            assertThat(inferred.getIntDomain())
                    .isEqualTo(feature("int_domain { }").getIntDomain());
            assertThat(inferred.hasIntDomain()).isTrue();
        }

        @Test
        void decimalStringsAreAStringDomain() {
            assertThat(only(infer(Stats.examples(10)
                                    .strings("i")
                                    .labels("1.5", 4, "-3", 6)
                                    .build()))
                            .getDomain())
                    .isEqualTo("i");
        }

        @Test
        void stringDomainInBytewiseOrder() {
            // U+FF61 is EF BD A1 in UTF-8 and sorts before U+1F600 (F0 ...), though its UTF-16 unit is larger
            Schema schema = infer(Stats.examples(10)
                    .strings("s")
                    .labels("b", 1, "\uD83D\uDE00", 1, "a", 1, "\uFF61", 1, "Z", 1, "é", 5)
                    .build());
            assertThat(only(schema).getDomain()).isEqualTo("s");
            assertThat(schema.getStringDomain(0).getName()).isEqualTo("s");
            assertThat(schema.getStringDomain(0).getValueList())
                    .containsExactly("Z", "a", "b", "é", "\uFF61", "\uD83D\uDE00");
        }

        @Test
        void maxDomainSizeIsInclusive() {
            assertThat(only(infer(Stats.examples(1000)
                                    .strings("s")
                                    .labels(labels(100))
                                    .build()))
                            .getDomain())
                    .isEqualTo("s");
            Feature tooMany = only(
                    infer(Stats.examples(1000).strings("s").labels(labels(101)).build()));
            assertThat(tooMany.getDomainInfoCase()).isEqualTo(NONE);
        }

        @Test
        void invalidUtf8GetsNoDomain() {
            assertThat(only(infer(Stats.examples(10)
                                    .strings("s")
                                    .labels("a", 10)
                                    .invalidUtf8(1)
                                    .build()))
                            .getDomainInfoCase())
                    .isEqualTo(NONE);
        }

        @Test
        void bytesGetNoDomain() {
            assertThat(only(infer(Stats.examples(10).bytes("s").build())).getDomainInfoCase())
                    .isEqualTo(NONE);
        }

        @Test
        void domainNameCollisionsGetASuffix() {
            Schema schema = SchemaUpdater.update(
                    Stats.schema("string_domain { name: 's' value: 'q' }" + " string_domain { name: 's2' value: 'q' }"),
                    Stats.examples(10).strings("s").labels("a", 10).build());
            assertThat(schema.getFeature(0).getDomain()).isEqualTo("s3");
            assertThat(schema.getStringDomain(2).getValueList()).containsExactly("a");
        }

        @Test
        void semanticDomainFromDomainInfo() {
            Feature inferred = only(infer(Stats.examples(10)
                    .strings("u")
                    .labels("x", 10)
                    .domainInfo("url_domain {}")
                    .build()));
            assertThat(inferred.hasUrlDomain()).isTrue();
        }

        private static Object[] labels(int n) {
            List<Object> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                labels.add("v" + i);
                labels.add(1);
            }
            return labels.toArray();
        }
    }

    @Nested
    class Extensions {
        private static Feature ranged(DatasetFeatureStatisticsList stats, double margin) {
            Schema schema =
                    SchemaInference.infer(stats, InferenceOptions.defaults().withRanges(margin));
            assertClean(validate(stats, schema));
            return only(schema);
        }

        @Test
        void intRangeWithMargin() {
            assertThat(ranged(Stats.examples(10).ints("i").range(10, 20).build(), 0.1)
                            .getIntDomain())
                    .isEqualTo(feature("int_domain { min: 9 max: 21 }").getIntDomain());
        }

        @Test
        void intRangeRoundsOutward() {
            assertThat(ranged(Stats.examples(10).ints("i").range(10, 15).build(), 0.1)
                            .getIntDomain())
                    .isEqualTo(feature("int_domain { min: 9 max: 16 }").getIntDomain());
        }

        @Test
        void rangeNeverCrossesZero() {
            assertThat(ranged(Stats.examples(10).ints("i").range(2, 100).build(), 0.5)
                            .getIntDomain()
                            .getMin())
                    .isZero();
            assertThat(ranged(Stats.examples(10).ints("i").range(-100, -2).build(), 0.5)
                            .getIntDomain()
                            .getMax())
                    .isZero();
            assertThat(ranged(Stats.examples(10).floats("f").range(-100, -2).build(), 0.5)
                            .getFloatDomain()
                            .getMax())
                    .isZero();
        }

        @Test
        void floatRangeRoundsOutwardToFloat32() {
            FloatRange range = new FloatRange(
                    ranged(Stats.examples(10).floats("f").range(0.1, 0.3).build(), 0));
            assertThat((double) range.min).isLessThanOrEqualTo(0.1);
            assertThat((double) range.max).isGreaterThanOrEqualTo(0.3);
            assertThat((double) Math.nextUp(range.min)).isGreaterThan(0.1); // the closest float32 below
            assertThat((double) Math.nextDown(range.max)).isLessThan(0.3);
        }

        @Test
        void intValueSets() {
            DatasetFeatureStatisticsList stats =
                    Stats.examples(10).ints("c").labels("3", 2, "10", 3, "2", 5).build();
            Schema schema =
                    SchemaInference.infer(stats, InferenceOptions.defaults().withIntValueSets(true));
            assertThat(only(schema).getType()).isEqualTo(FeatureType.INT);
            assertThat(only(schema).getDomain()).isEqualTo("c");
            assertThat(schema.getStringDomain(0).getValueList()).containsExactly("10", "2", "3");
            assertClean(validate(stats, schema));
        }

        @Test
        void categoricalIntWithoutValueSets() {
            DatasetFeatureStatisticsList stats =
                    Stats.examples(10).ints("c").labels("3", 2, "10", 8).build();
            Schema schema = infer(stats);
            assertThat(only(schema).getIntDomain())
                    .isEqualTo(feature("int_domain { is_categorical: true }").getIntDomain());
            assertClean(validate(stats, schema));
        }

        private record FloatRange(float min, float max) {
            FloatRange(Feature feature) {
                this(feature.getFloatDomain().getMin(), feature.getFloatDomain().getMax());
            }
        }
    }

    @Nested
    class Structs {
        @Test
        void childrenGoInsideTheirStruct() {
            Schema schema = infer(
                    Stats.examples(10).struct("s").ints("s", "x").range(0, 5).build());
            assertThat(only(schema).getStructDomain().getFeatureList())
                    .extracting(Feature::getName)
                    .containsExactly("x");
        }

        @Test
        void childListedBeforeItsStructIsNotLost() {
            DatasetFeatureStatisticsList stats =
                    Stats.examples(10).ints("s", "x").range(0, 5).struct("s").build();
            Schema schema = infer(stats);
            assertThat(only(schema).getStructDomain().getFeatureList())
                    .extracting(Feature::getName)
                    .containsExactly("x");
            assertClean(validate(stats, schema));
        }
    }

    @Nested
    class Update {
        @Test
        void minFractionOneWithAMissingExampleThatRoundsToOneBecomesJustBelowOne() {
            DatasetFeatureStatisticsList stats =
                    Stats.examples(10).ints("a").present(10).missing(1).build();
            Schema schema = SchemaUpdater.update(
                    Stats.schema("feature { name: 'a' type: INT presence { min_fraction: 1.0 } }"), stats);
            assertThat(schema.getFeature(0).getPresence().getMinFraction()).isEqualTo(0.9999);
            assertClean(validate(stats, schema));
        }

        @Test
        void weightedCountsLowerMinCountToAWholeNumber() {
            DatasetFeatureStatisticsList stats = Stats.examples(10)
                    .weighted(5)
                    .ints("a")
                    .weighted(2.5, 2.5, 2.5)
                    .build();
            Schema schema = SchemaUpdater.update(
                    Stats.schema("feature { name: 'a' type: INT presence { min_count: 3 } }"), stats);
            assertThat(schema.getFeature(0).getPresence().getMinCount()).isEqualTo(2);
            assertClean(validate(stats, schema));
        }

        @Test
        void requiredFeatureAbsentIsDeprecated() {
            Schema schema = SchemaUpdater.update(
                    Stats.schema("feature { name: 'a' type: INT presence { min_count: 1 } }"
                            + " feature { name: 'b' type: INT }"),
                    Stats.examples(10).ints("b").build());
            assertThat(schema.getFeature(0).getLifecycleStage()).isEqualTo(LifecycleStage.DEPRECATED);
        }

        @Test
        void unseenValuesAreAppendedSortedAfterExistingOnes() {
            Schema schema = SchemaUpdater.update(
                    Stats.schema("feature { name: 's' type: BYTES domain: 's' }"
                            + " string_domain { name: 's' value: 'm' }"),
                    Stats.examples(10)
                            .strings("s")
                            .labels("z", 3, "m", 3, "b", 4)
                            .build());
            assertThat(schema.getStringDomain(0).getValueList()).containsExactly("m", "b", "z");
        }

        @Test
        void newColumnsAreInferredWithValueCountsNotShapes() {
            Schema schema = SchemaUpdater.update(
                    Stats.schema("feature { name: 'a' type: INT }"),
                    Stats.examples(10)
                            .ints("a")
                            .floats("f")
                            .values(2, 2)
                            .range(0, 1)
                            .build());
            assertThat(schema.getFeature(1).hasShape()).isFalse();
            assertThat(schema.getFeature(1).getValueCount().getMax()).isEqualTo(2);
        }
    }
}
