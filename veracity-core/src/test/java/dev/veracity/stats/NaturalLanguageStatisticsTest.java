package dev.veracity.stats;

import static dev.veracity.stats.CompositeStatisticsTest.column;
import static dev.veracity.stats.CompositeStatisticsTest.ints;
import static dev.veracity.stats.CompositeStatisticsTest.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.ConfigException;
import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Histogram;
import dev.veracity.proto.NaturalLanguageStatistics;
import dev.veracity.proto.RankHistogram;
import dev.veracity.proto.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Natural-language statistics: the situations of TFDV's {@code natural_language_stats_generator_test.py}, with the
 * values it expects (quantile histograms aside: ours are equal-mass, checked against the exact lengths).
 */
class NaturalLanguageStatisticsTest {
    private static final Schema SCHEMA = CompositeStatisticsTest.schema("""
            feature {
              name: "string_nlp_feature_with_vocab" type: BYTES
              natural_language_domain { vocabulary: "my_vocab" coverage { excluded_int_tokens: [1] } }
            }
            feature {
              name: "string_nlp_feature_no_vocab" type: BYTES
              natural_language_domain { coverage { oov_string_tokens: ['Bar', 'Baz'] } }
            }
            feature {
              name: "int_nlp_feature_with_vocab" type: INT
              natural_language_domain {
                vocabulary: "my_vocab"
                coverage {
                  excluded_string_tokens: ['Foo', 'Caz'] excluded_int_tokens: [1] oov_string_tokens: ['Bar', 'Baz']
                }
                sequence_length_constraints { excluded_string_value: ['Razzz'] }
              }
            }
            feature {
              name: "int_nlp_feature_with_vocab_and_token_constraints" type: INT
              natural_language_domain {
                vocabulary: "my_vocab"
                coverage { excluded_int_tokens: [1] }
                token_constraints { string_value: 'Foo' }
                token_constraints { int_value: 1 }
              }
            }
            feature {
              name: "int_nlp_feature_no_vocab" type: INT
              natural_language_domain { coverage { excluded_int_tokens: [1] } }
            }
            feature { name: "int_nlp_feature_empty_domain" type: INT natural_language_domain {} }
            feature { name: "non_nlp_feature" type: BYTES }
            """);

    private static NaturalLanguageStatistics nl(List<String> vocabulary, StatisticsOptions base, Column column) {
        StatisticsOptions options = base.withSemanticDomains(
                new SemanticDomains(NaturalLanguageFeature.of(SCHEMA, Map.of("my_vocab", vocabulary)), false));
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        dataset.add(new RecordBatch(column.rowCount(), List.of(column)));
        // through the serialized state, as parallel and Beam runs merge it
        DatasetAccumulator merged = new DatasetAccumulator(options);
        merged.merge(DatasetAccumulator.fromBytes(dataset.toBytes(), options));
        DatasetFeatureStatistics result = merged.result("");
        assertThat(result).isEqualTo(dataset.result(""));
        FeatureNameStatistics feature = result.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(column.name()))
                .findFirst()
                .orElseThrow();
        try {
            return feature.getCustomStatsList().stream()
                    .filter(c -> c.getName().equals("nl_statistics"))
                    .findFirst()
                    .orElseThrow()
                    .getAny()
                    .unpack(NaturalLanguageStatistics.class);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static final StatisticsOptions NO_HISTOGRAMS = StatisticsOptions.DEFAULT;

    @Test
    void describesOnlyFeaturesWithAVocabularyOrTokenSets() {
        List<NaturalLanguageFeature> features = NaturalLanguageFeature.of(SCHEMA, Map.of("my_vocab", List.of()));
        assertThat(features)
                .extracting(NaturalLanguageFeature::name)
                .containsExactly(
                        "string_nlp_feature_with_vocab",
                        "string_nlp_feature_no_vocab",
                        "int_nlp_feature_with_vocab",
                        "int_nlp_feature_with_vocab_and_token_constraints",
                        "int_nlp_feature_no_vocab");
        assertThatThrownBy(() -> NaturalLanguageFeature.of(SCHEMA, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("my_vocab");
    }

    @Test
    void aFeatureAbsentFromTheDataHasNoStatistics() {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(
                new SemanticDomains(NaturalLanguageFeature.of(SCHEMA, Map.of("my_vocab", List.of())), false));
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        dataset.add(new RecordBatch(1, List.of(column("other", FeatureType.INT, ints(1)))));
        assertThat(dataset.result("").getFeaturesList())
                .extracting(f -> f.getPath().getStep(0))
                .containsExactly("other");
    }

    @Test
    void floatValuesInvalidateTheFeature() {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(
                new SemanticDomains(NaturalLanguageFeature.of(SCHEMA, Map.of("my_vocab", List.of())), false));
        DatasetAccumulator dataset = new DatasetAccumulator(options);
        dev.veracity.data.ColumnBuilder floats =
                dev.veracity.data.ColumnBuilder.of("string_nlp_feature_no_vocab", FeatureType.FLOAT);
        floats.appendFloat(1.0);
        dataset.add(new RecordBatch(1, List.of(floats.build())));
        FeatureNameStatistics feature = dataset.result("").getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals("string_nlp_feature_no_vocab"))
                .findFirst()
                .orElseThrow();
        assertThat(feature.getCustomStatsList()).noneMatch(c -> c.getName().equals("nl_statistics"));
    }

    @Test
    void stringFeatureWithoutVocabulary() {
        NaturalLanguageStatistics nl = nl(
                List.of(),
                NO_HISTOGRAMS,
                column("string_nlp_feature_no_vocab", FeatureType.STRING, strings("Foo"), null, strings("Baz")));
        assertThat(nl.getFeatureCoverage()).isEqualTo(0.5);
        assertThat(nl.getAvgTokenLength()).isEqualTo(3);
        assertThat(nl.getMinSequenceLength()).isEqualTo(1);
        assertThat(nl.getMaxSequenceLength()).isEqualTo(1);
        assertThat(nl.getReportedSequencesList()).containsExactly("['Baz']", "['Foo']", "['Baz']", "['Foo']");
    }

    @Test
    void stringFeatureWithVocabulary() {
        NaturalLanguageStatistics nl = nl(
                List.of("Foo", "Bar", "Bazz"),
                NO_HISTOGRAMS,
                column("string_nlp_feature_with_vocab", FeatureType.STRING, strings("Bar", "Bazz"), null));
        assertThat(nl.getFeatureCoverage()).isEqualTo(1.0);
        assertThat(nl.getAvgTokenLength()).isEqualTo(4);
        assertThat(nl.getMinSequenceLength()).isEqualTo(2);
        assertThat(nl.getMaxSequenceLength()).isEqualTo(2);
        assertThat(nl.getReportedSequencesList()).containsExactly("['Bar', 'Bazz']", "['Bar', 'Bazz']");
    }

    @Test
    void intFeatureWithoutVocabulary() {
        NaturalLanguageStatistics nl =
                nl(List.of(), NO_HISTOGRAMS, column("int_nlp_feature_no_vocab", FeatureType.INT, ints(1, 2, 3)));
        assertThat(nl.getFeatureCoverage()).isZero();
        assertThat(nl.getAvgTokenLength()).isZero();
        assertThat(nl.getMinSequenceLength()).isEqualTo(3);
        assertThat(nl.getReportedSequencesList()).containsExactly("[1, 2, 3]", "[1, 2, 3]");
    }

    @Test
    void intFeatureWithVocabulary() {
        NaturalLanguageStatistics nl = nl(
                List.of("Foo", "Bar", "Baz", "Bazz"),
                NO_HISTOGRAMS,
                column("int_nlp_feature_with_vocab", FeatureType.INT, ints(0, 1, 2, 3, 4), ints(0, 1, 2, 3, 4)));
        assertThat(nl.getFeatureCoverage()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(nl.getAvgTokenLength()).isEqualTo(4);
        assertThat(nl.getMinSequenceLength()).isEqualTo(5);
        assertThat(nl.getMaxSequenceLength()).isEqualTo(5);
        assertThat(nl.getReportedSequencesList())
                .containsExactly("['Foo', 'Bar', 'Baz', 'Bazz', 4]", "['Foo', 'Bar', 'Baz', 'Bazz', 4]");
    }

    @Test
    void tokenAndSequenceHistograms() {
        StatisticsOptions two = StatisticsOptions.builder()
                .numRankHistogramBuckets(2)
                .numHistogramBuckets(2)
                .numQuantilesHistogramBuckets(2)
                .build();
        NaturalLanguageStatistics nl = nl(
                List.of("Foo", "Bar", "Baz", "Bazz", "Car", "Razzz"),
                two,
                column("int_nlp_feature_with_vocab", FeatureType.INT, ints(0, 1, 2, 4, 4), ints(3, 3, 3, 5)));
        assertThat(nl.getFeatureCoverage()).isCloseTo(0.8571428571428571, within(1e-15));
        assertThat(nl.getAvgTokenLength()).isCloseTo((3 + 3 + 4 + 4 + 4 + 5) / 6.0, within(1e-15));
        assertThat(nl.getMinSequenceLength()).isEqualTo(3);
        assertThat(nl.getMaxSequenceLength()).isEqualTo(5);
        assertThat(nl.getRankHistogram().getBucketsList())
                .extracting(RankHistogram.Bucket::getLabel, RankHistogram.Bucket::getSampleCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Bazz", 3.0),
                        org.assertj.core.groups.Tuple.tuple("Car", 2.0));
        // token lengths 3 3 4 4 4 5 and sequence lengths 5 3: equal-mass buckets over the exact range
        Histogram tokens = nl.getTokenLengthHistogram();
        assertThat(tokens.getType()).isEqualTo(Histogram.HistogramType.QUANTILES);
        assertThat(tokens.getBucketsList()).hasSize(2);
        assertThat(tokens.getBuckets(0).getLowValue()).isEqualTo(3);
        assertThat(tokens.getBuckets(1).getHighValue()).isEqualTo(5);
        assertThat(tokens.getBucketsList().stream()
                        .mapToDouble(Histogram.Bucket::getSampleCount)
                        .sum())
                .isEqualTo(6);
        Histogram sequences = nl.getSequenceLengthHistogram();
        assertThat(sequences.getBuckets(0).getLowValue()).isEqualTo(3);
        assertThat(sequences.getBuckets(1).getHighValue()).isEqualTo(5);
        assertThat(sequences.getBucketsList().stream()
                        .mapToDouble(Histogram.Bucket::getSampleCount)
                        .sum())
                .isEqualTo(2);
        assertThat(nl.getReportedSequencesList())
                .containsExactly(
                        "['Foo', 'Bar', 'Baz', 'Car', 'Car']",
                        "['Bazz', 'Bazz', 'Bazz', 'Razzz']",
                        "['Foo', 'Bar', 'Baz', 'Car', 'Car']",
                        "['Bazz', 'Bazz', 'Bazz', 'Razzz']");
    }

    @Test
    void tokenStatistics() {
        StatisticsOptions three = StatisticsOptions.builder()
                .numRankHistogramBuckets(0)
                .numHistogramBuckets(3)
                .build();
        NaturalLanguageStatistics nl = nl(
                List.of("Foo", "Bar"),
                three,
                column(
                        "int_nlp_feature_with_vocab_and_token_constraints",
                        FeatureType.INT,
                        ints(0, 1, 0),
                        ints(1, 0, 0)));
        assertThat(nl.getFeatureCoverage()).isEqualTo(1.0);
        assertThat(nl.getAvgTokenLength()).isEqualTo(3);
        assertThat(nl.getTokenStatisticsList()).hasSize(2);
        NaturalLanguageStatistics.TokenStatistics one = nl.getTokenStatistics(0);
        assertThat(one.getIntToken()).isEqualTo(1);
        assertThat(List.of(
                        one.getFrequency(),
                        one.getFractionOfSequences(),
                        one.getPerSequenceMinFrequency(),
                        one.getPerSequenceMaxFrequency(),
                        one.getPerSequenceAvgFrequency()))
                .containsExactly(2.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(one.getPositions().getBucketsList())
                .extracting(
                        Histogram.Bucket::getLowValue, Histogram.Bucket::getHighValue, Histogram.Bucket::getSampleCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0.0, 1.0 / 3, 1.0),
                        org.assertj.core.groups.Tuple.tuple(1.0 / 3, 2.0 / 3, 1.0));
        NaturalLanguageStatistics.TokenStatistics foo = nl.getTokenStatistics(1);
        assertThat(foo.getStringToken()).isEqualTo("Foo");
        assertThat(List.of(
                        foo.getFrequency(),
                        foo.getFractionOfSequences(),
                        foo.getPerSequenceMinFrequency(),
                        foo.getPerSequenceMaxFrequency(),
                        foo.getPerSequenceAvgFrequency()))
                .containsExactly(4.0, 1.0, 2.0, 2.0, 2.0);
        assertThat(foo.getPositions().getBucketsList())
                .extracting(Histogram.Bucket::getSampleCount)
                .containsExactly(1.0, 1.0, 2.0);
        assertThat(nl.getReportedSequencesList())
                .containsExactly(
                        "['Bar', 'Foo', 'Foo']",
                        "['Foo', 'Bar', 'Foo']",
                        "['Bar', 'Foo', 'Foo']",
                        "['Foo', 'Bar', 'Foo']");
    }
}
