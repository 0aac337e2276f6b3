package dev.veracity.schema;

import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_COVERAGE_TOO_LOW;
import static dev.veracity.proto.AnomalyInfo.Type.FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH;
import static dev.veracity.proto.AnomalyInfo.Type.LOW_SUPPORTED_IMAGE_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.MAX_IMAGE_BYTE_SIZE_EXCEEDED;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_FEW_OCCURRENCES;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_LARGE_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_MANY_OCCURRENCES;
import static dev.veracity.proto.AnomalyInfo.Type.SEQUENCE_VALUE_TOO_SMALL_FRACTION;
import static dev.veracity.proto.AnomalyInfo.Type.STATS_NOT_AVAILABLE;
import static dev.veracity.schema.AnomalyAssertions.assertClean;
import static dev.veracity.schema.AnomalyAssertions.onlyReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Any;
import com.google.protobuf.TextFormat;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.proto.SequenceValueConstraints;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Anomalies of natural-language and image domains, in the situations of TFDV's {@code validation_api_test.py}
 * ({@code NLValidationTest}) and {@code schema_anomalies_test.cc} ({@code FindsMaxImageByteSizeExceeded},
 * {@code FindsLowSupportedImageFraction}), with their expected types, descriptions and updated bounds.
 */
class SemanticDomainAnomaliesTest {
    private static final String NL_FEATURE_STATS = """
            datasets {
              num_examples: 10
              features {
                path { step: 'nl_feature' }
                type: INT
                num_stats: { common_stats: { num_missing: 3 num_non_missing: 7 min_num_values: 1 max_num_values: 1
                                             avg_num_values: 1 tot_num_values: 7 } }
              }
            }
            """;

    private static DatasetFeatureStatisticsList parse(String text) {
        try {
            return TextFormat.parse(text, DatasetFeatureStatisticsList.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DatasetFeatureStatisticsList withNl(NaturalLanguageStatistics nl) {
        DatasetFeatureStatisticsList.Builder stats = parse(NL_FEATURE_STATS).toBuilder();
        stats.getDatasetsBuilder(0)
                .getFeaturesBuilder(0)
                .addCustomStats(
                        CustomStatistic.newBuilder().setName("nl_statistics").setAny(Any.pack(nl)));
        return stats.build();
    }

    private static Set<AnomalyInfo.Type> types(DatasetFeatureStatisticsList stats, Schema schema) {
        AnomalyInfo info =
                Validator.validate(stats, schema).run().getAnomalyInfoMap().get("nl_feature");
        return info == null
                ? Set.of()
                : info.getReasonList().stream().map(AnomalyInfo.Reason::getType).collect(Collectors.toSet());
    }

    @Nested
    class Coverage {
        private Schema schema(String coverage) {
            return Stats.schema(
                    "feature { name: 'nl_feature' type: INT natural_language_domain { " + coverage + " } }");
        }

        @Test
        void noCoverageNoStatisticsIsClean() {
            assertClean(Validator.validate(parse(NL_FEATURE_STATS), schema("")).run());
        }

        @Test
        void missingStatisticsClearTheDomain() {
            Schema schema = schema("coverage { min_coverage: 0.4 }");
            AnomalyInfo.Reason reason = onlyReason(
                    Validator.validate(parse(NL_FEATURE_STATS), schema).run(), "nl_feature", STATS_NOT_AVAILABLE);
            assertThat(reason.getShortDescription()).isEqualTo("Natural language stats are not computed.");
            assertThat(reason.getDescription())
                    .isEqualTo("Constraints specified in natural language domain cannot be verified because natural "
                            + "language stats have not been computed.");
            Schema updated = SchemaUpdater.update(schema, parse(NL_FEATURE_STATS));
            assertThat(updated.getFeature(0).hasNaturalLanguageDomain()).isFalse();
        }

        @Test
        void lowMinCoverageIsMet() {
            Schema schema = schema("coverage { min_coverage: 0.4 }");
            DatasetFeatureStatisticsList stats = withNl(NaturalLanguageStatistics.newBuilder()
                    .setFeatureCoverage(0.5)
                    .build());
            assertThat(types(stats, schema)).isEmpty();
            assertThat(SchemaUpdater.update(schema, stats)
                            .getFeature(0)
                            .getNaturalLanguageDomain()
                            .getCoverage()
                            .getMinCoverage())
                    .isCloseTo(0.4f, within(1e-6f));
        }

        @Test
        void highMinCoverage() {
            Schema schema = schema("coverage { min_coverage: 0.5 }");
            DatasetFeatureStatisticsList stats = withNl(NaturalLanguageStatistics.newBuilder()
                    .setFeatureCoverage(0.4)
                    .build());
            AnomalyInfo.Reason reason =
                    onlyReason(Validator.validate(stats, schema).run(), "nl_feature", FEATURE_COVERAGE_TOO_LOW);
            assertThat(reason.getShortDescription()).isEqualTo("Feature coverage is too low.");
            assertThat(reason.getDescription())
                    .isEqualTo("Fraction of tokens in the vocabulary: 0.4 is lower than the threshold set in the "
                            + "Schema: 0.5.");
            Schema updated = SchemaUpdater.update(schema, stats);
            assertThat(updated.getFeature(0)
                            .getNaturalLanguageDomain()
                            .getCoverage()
                            .getMinCoverage())
                    .isCloseTo(0.4f, within(1e-6f));
            assertClean(Validator.validate(stats, updated).run());
        }

        @Test
        void avgTokenLength() {
            DatasetFeatureStatisticsList stats = withNl(
                    NaturalLanguageStatistics.newBuilder().setAvgTokenLength(4).build());
            assertThat(types(stats, schema("coverage { min_avg_token_length: 4 }")))
                    .isEmpty();
            Schema high = schema("coverage { min_avg_token_length: 5 }");
            AnomalyInfo.Reason reason = onlyReason(
                    Validator.validate(stats, high).run(), "nl_feature", FEATURE_COVERAGE_TOO_SHORT_AVG_TOKEN_LENGTH);
            assertThat(reason.getDescription())
                    .isEqualTo("Average token length is: 4 which is lower than the threshold set in the Schema: 5.");
            assertThat(SchemaUpdater.update(high, stats)
                            .getFeature(0)
                            .getNaturalLanguageDomain()
                            .getCoverage()
                            .getMinAvgTokenLength())
                    .isEqualTo(4f);
        }
    }

    @Nested
    class Tokens {
        /** TFDV's setup: a constraint on token 200, met, and one on {@code token} with the given bounds. */
        private Schema schema(Object token, String bounds) {
            String value = token instanceof Long ? "int_value: " + token : "string_value: '" + token + "'";
            return Stats.schema("feature { name: 'nl_feature' type: INT natural_language_domain {"
                    + " token_constraints { int_value: 200 min_per_sequence: 1 max_per_sequence: 3"
                    + " min_fraction_of_sequences: 0.1 max_fraction_of_sequences: 0.3 }"
                    + " token_constraints { " + value + " " + bounds + " } } }");
        }

        private DatasetFeatureStatisticsList stats(Object token, double fraction, double min, double max) {
            NaturalLanguageStatistics.Builder nl = NaturalLanguageStatistics.newBuilder();
            nl.addTokenStatisticsBuilder()
                    .setIntToken(200)
                    .setFractionOfSequences(0.2)
                    .setPerSequenceMinFrequency(2)
                    .setPerSequenceMaxFrequency(2)
                    .setPerSequenceAvgFrequency(2);
            NaturalLanguageStatistics.TokenStatistics.Builder other = nl.addTokenStatisticsBuilder()
                    .setFractionOfSequences(fraction)
                    .setPerSequenceMinFrequency(min)
                    .setPerSequenceMaxFrequency(max);
            if (token instanceof Long number) {
                other.setIntToken(number);
            } else {
                other.setStringToken(token.toString());
            }
            return withNl(nl.build());
        }

        @Test
        void missingTokenStatistics() {
            DatasetFeatureStatisticsList stats =
                    withNl(NaturalLanguageStatistics.newBuilder().build());
            Schema schema = schema(100L, "min_fraction_of_sequences: 0.4 max_fraction_of_sequences: 0.6");
            assertThat(types(stats, schema)).containsExactly(STATS_NOT_AVAILABLE);
        }

        @Test
        void fractionConstraints() {
            for (Object token : new Object[] {100L, "str"}) {
                assertThat(types(
                                stats(token, 0.5, 0, 0),
                                schema(token, "min_fraction_of_sequences: 0.4 " + "max_fraction_of_sequences: 0.6")))
                        .isEmpty();
                Schema tooHigh = schema(token, "min_fraction_of_sequences: 0.6 max_fraction_of_sequences: 0.6");
                assertThat(types(stats(token, 0.5, 0, 0), tooHigh)).containsExactly(SEQUENCE_VALUE_TOO_SMALL_FRACTION);
                SequenceValueConstraints updated = SchemaUpdater.update(tooHigh, stats(token, 0.5, 0, 0))
                        .getFeature(0)
                        .getNaturalLanguageDomain()
                        .getTokenConstraints(1);
                assertThat(updated.getMinFractionOfSequences()).isCloseTo(0.5f, within(1e-6f));
                assertThat(updated.getMaxFractionOfSequences()).isCloseTo(0.6f, within(1e-6f));
                Schema tooLow = schema(token, "min_fraction_of_sequences: 0.4 max_fraction_of_sequences: 0.4");
                assertThat(types(stats(token, 0.5, 0, 0), tooLow)).containsExactly(SEQUENCE_VALUE_TOO_LARGE_FRACTION);
                assertThat(SchemaUpdater.update(tooLow, stats(token, 0.5, 0, 0))
                                .getFeature(0)
                                .getNaturalLanguageDomain()
                                .getTokenConstraints(1)
                                .getMaxFractionOfSequences())
                        .isCloseTo(0.5f, within(1e-6f));
            }
        }

        @Test
        void sequenceConstraints() {
            assertThat(types(stats(100L, 0, 2, 2), schema(100L, "min_per_sequence: 1 max_per_sequence: 3")))
                    .isEmpty();
            Schema schema = schema("str", "min_per_sequence: 1 max_per_sequence: 3");
            AnomalyInfo.Reason few = onlyReason(
                    Validator.validate(stats("str", 0, 0, 2), schema).run(),
                    "nl_feature",
                    SEQUENCE_VALUE_TOO_FEW_OCCURRENCES);
            assertThat(few.getDescription())
                    .isEqualTo("Value: str occurs at least: 0 times within a sequence, which is lower than the "
                            + "threshold set in the Schema: 1.");
            assertThat(SchemaUpdater.update(schema, stats("str", 0, 0, 2))
                            .getFeature(0)
                            .getNaturalLanguageDomain()
                            .getTokenConstraints(1)
                            .getMinPerSequence())
                    .isZero();
            AnomalyInfo.Reason many = onlyReason(
                    Validator.validate(stats(100L, 0, 2, 4), schema(100L, "min_per_sequence: 1 max_per_sequence: 3"))
                            .run(),
                    "nl_feature",
                    SEQUENCE_VALUE_TOO_MANY_OCCURRENCES);
            assertThat(many.getShortDescription()).isEqualTo("Value has too many per-sequence occurrences.");
            assertThat(many.getDescription()).contains("Value: 100 occurs at most: 4 times");
        }
    }

    @Test
    void semanticTypeUpdates() {
        DatasetFeatureStatisticsList stats = parse("""
                datasets {
                  num_examples: 1
                  features: {
                    name: 'old_nl_feature' type: BYTES
                    bytes_stats: { common_stats: { min_num_values: 1 max_num_values: 1 num_non_missing: 1
                                                   avg_num_values: 1 tot_num_values: 1 } }
                    custom_stats: { name: "domain_info" str: "natural_language_domain {}" }
                  }
                  features: {
                    name: 'new_nl_feature' type: BYTES
                    bytes_stats: { common_stats: { min_num_values: 1 max_num_values: 1 num_non_missing: 1
                                                   avg_num_values: 1 tot_num_values: 1 } }
                    custom_stats: { name: "domain_info" str: "natural_language_domain {}" }
                  }
                }
                """);
        Schema schema = Stats.schema("feature { name: 'old_nl_feature' value_count: { min: 1 max: 1 } type: BYTES }");
        dev.veracity.proto.Anomalies anomalies =
                Validator.validate(stats, schema).run();
        AnomalyInfo old = anomalies.getAnomalyInfoMap().get("old_nl_feature");
        assertThat(old.getReasonList())
                .extracting(
                        AnomalyInfo.Reason::getType,
                        AnomalyInfo.Reason::getShortDescription,
                        AnomalyInfo.Reason::getDescription)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        AnomalyInfo.Type.SEMANTIC_DOMAIN_UPDATE,
                        "Updated semantic domain",
                        "Updated semantic domain for feature: old_nl_feature"));
        assertThat(anomalies
                        .getAnomalyInfoMap()
                        .get("new_nl_feature")
                        .getReason(0)
                        .getType())
                .isEqualTo(AnomalyInfo.Type.SCHEMA_NEW_COLUMN);
        Schema updated = SchemaUpdater.update(schema, stats);
        assertThat(updated.getFeatureList()).allMatch(dev.veracity.proto.Feature::hasNaturalLanguageDomain);
        assertClean(Validator.validate(stats, updated).run());
    }

    @Nested
    class Images {
        private static final String IMAGE_SCHEMA = """
                feature {
                  name: "image/encoded"
                  presence: { min_count: 1 min_fraction: 1.0 }
                  value_count: { min: 1 max: 1 }
                  type: BYTES
                  image_domain: { %s }
                }
                """;

        private DatasetFeatureStatisticsList stats(String custom) {
            return parse("""
                    datasets {
                      num_examples: 10
                      features: {
                        name: 'image/encoded'
                        type: BYTES
                        bytes_stats: {
                          max_num_bytes_int: 101
                          common_stats: { num_non_missing: 10 min_num_values: 1 max_num_values: 1 avg_num_values: 1
                                          tot_num_values: 10 }
                        }
                        %s
                      }
                    }
                    """.formatted(custom));
        }

        @Test
        void maxImageByteSizeExceeded() {
            Schema schema = Stats.schema(IMAGE_SCHEMA.formatted("max_image_byte_size: 100"));
            AnomalyInfo.Reason reason = onlyReason(
                    Validator.validate(stats(""), schema).run(), "image/encoded", MAX_IMAGE_BYTE_SIZE_EXCEEDED);
            assertThat(reason.getShortDescription()).isEqualTo("Num bytes exceeds the max byte size.");
            assertThat(reason.getDescription())
                    .isEqualTo("The largest image has bytes: 101. The max allowed byte size is: 100.");
            assertThat(SchemaUpdater.update(schema, stats(""))
                            .getFeature(0)
                            .getImageDomain()
                            .getMaxImageByteSize())
                    .isEqualTo(101);
        }

        @Test
        void lowSupportedImageFraction() {
            Schema schema = Stats.schema(IMAGE_SCHEMA.formatted("minimum_supported_image_fraction: 0.85"));
            String histogram = "custom_stats { name: 'image_format_histogram' rank_histogram {"
                    + " buckets { label: 'jpeg' sample_count: 5 } buckets { label: 'png' sample_count: 3 }"
                    + " buckets { label: 'UNKNOWN' sample_count: 2 } } }";
            AnomalyInfo.Reason reason = onlyReason(
                    Validator.validate(stats(histogram), schema).run(), "image/encoded", LOW_SUPPORTED_IMAGE_FRACTION);
            assertThat(reason.getShortDescription()).isEqualTo("Low supported image fraction");
            assertThat(reason.getDescription())
                    .isEqualTo("Fraction of values containing TensorFlow supported images: 0.800000 is lower than "
                            + "the threshold set in the Schema: 0.850000.");
            Schema updated = SchemaUpdater.update(schema, stats(histogram));
            assertThat(updated.getFeature(0).getImageDomain().getMinimumSupportedImageFraction())
                    .isEqualTo(0.8f);
            assertClean(Validator.validate(stats(histogram), updated).run());
            // without the histogram nothing can be checked (TFDV logs that semantic statistics are needed)
            assertClean(Validator.validate(stats(""), schema).run());
        }
    }
}
