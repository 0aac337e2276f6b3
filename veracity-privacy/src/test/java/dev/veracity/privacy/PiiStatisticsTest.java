package dev.veracity.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.format.ProtoText;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PiiStatisticsTest {
    private static final String STATISTICS = """
            datasets { num_examples: 3
              features { path { step: "email" } type: STRING
                string_stats { common_stats { num_non_missing: 3 } unique: 2 avg_length: 16
                  top_values { value: "a@example.com" frequency: 2 } top_values { value: "b@example.com" frequency: 1 }
                  rank_histogram { buckets { low_rank: 0 high_rank: 0 label: "a@example.com" sample_count: 2 }
                                   buckets { low_rank: 1 high_rank: 1 label: "b@example.com" sample_count: 1 } } } }
              features { path { step: "card" } type: INT
                num_stats { common_stats { num_non_missing: 3 } mean: 4.6e15 min: 4111111111111111 max: 5500000000000004
                  median: 4111111111111111 histograms { buckets { low_value: 4111111111111111 high_value: 5500000000000004 sample_count: 3 } } } }
              features { path { step: "city" } type: STRING
                string_stats { unique: 1 top_values { value: "Paris" frequency: 3 } } } }
            """;
    private static final Schema SCHEMA = parse("""
            feature { name: "email" type: BYTES annotation { tag: "veracity:pii=EMAIL_ADDRESS" } }
            feature { name: "card" type: INT annotation { tag: "owner:payments" tag: "veracity:pii" } }
            feature { name: "city" type: BYTES }
            """);

    private static Schema parse(String text) {
        try {
            return ProtoText.merge(text, Schema.newBuilder()).build();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static DatasetFeatureStatisticsList statistics() {
        try {
            return ProtoText.merge(STATISTICS, DatasetFeatureStatisticsList.newBuilder())
                    .build();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FeatureNameStatistics feature(DatasetFeatureStatisticsList list, String name) {
        return list.getDatasets(0).getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void suppressedFeaturesKeepCountsButNoValue() {
        DatasetFeatureStatisticsList safe = PiiStatistics.protect(statistics(), SCHEMA, Optional.empty());
        FeatureNameStatistics email = feature(safe, "email");
        assertThat(email.getStringStats().getTopValuesCount()).isZero();
        assertThat(email.getStringStats().hasRankHistogram()).isFalse();
        assertThat(email.getStringStats().getUnique()).isEqualTo(2);
        assertThat(email.getStringStats().getCommonStats().getNumNonMissing()).isEqualTo(3);
        assertThat(email.getCustomStats(0).getName()).isEqualTo("veracity:pii");
        assertThat(email.getCustomStats(0).getStr()).isEqualTo("suppressed");
        FeatureNameStatistics card = feature(safe, "card");
        assertThat(card.getNumStats().getMin()).isZero();
        assertThat(card.getNumStats().getMax()).isZero();
        assertThat(card.getNumStats().getHistogramsCount()).isZero();
        assertThat(card.getNumStats().getMean()).isEqualTo(4.6e15);
        assertThat(feature(safe, "city")).isEqualTo(feature(statistics(), "city"));
        assertThat(safe.toString()).doesNotContain("example.com", "4111111111111111", "4.111111111111111E15");
    }

    @Test
    void hashedLabelsKeepRanksAndCountsAndAreTheSameInEverySpan() {
        Secret secret = Secret.of("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
        DatasetFeatureStatisticsList safe = PiiStatistics.protect(statistics(), SCHEMA, Optional.of(secret));
        var email = feature(safe, "email").getStringStats();
        assertThat(email.getTopValues(0).getValue())
                .isEqualTo("pii:" + secret.hashHex("a@example.com").substring(0, 16));
        assertThat(email.getRankHistogram().getBuckets(0).getLabel())
                .isEqualTo(email.getTopValues(0).getValue());
        assertThat(email.getRankHistogram().getBuckets(1).getSampleCount()).isEqualTo(1);
        assertThat(PiiStatistics.protect(statistics(), SCHEMA, Optional.of(secret)))
                .isEqualTo(safe);
        assertThat(feature(safe, "email").getCustomStats(0).getStr()).isEqualTo("hashed");
    }

    @Test
    void slicingByAPiiFeatureIsRefused() {
        assertThatThrownBy(() -> PiiStatistics.checkSlicing(SCHEMA, List.of("city", "email")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--slice-by email");
    }

    @Test
    void markingRemovesTheFeaturesValuesFromTheSchema() {
        Schema schema = parse("""
                feature { name: "email" type: BYTES domain: "email" }
                feature { name: "age" type: INT int_domain { min: 18 max: 90 } }
                string_domain { name: "email" value: "a@example.com" }
                """);
        Schema marked = PiiTags.mark(
                PiiTags.mark(schema, "email", Optional.of(PiiEntity.EMAIL_ADDRESS)), "age", Optional.empty());
        assertThat(marked.toString()).doesNotContain("a@example.com", "18", "90");
        assertThat(PiiTags.features(marked))
                .containsEntry("email", Optional.of(PiiEntity.EMAIL_ADDRESS))
                .containsEntry("age", Optional.empty());
        assertThat(PiiTags.features(PiiTags.unmark(marked, "age"))).containsOnlyKeys("email");
        assertThatThrownBy(() -> PiiTags.mark(schema, "nope", Optional.empty())).isInstanceOf(ConfigException.class);
        Schema bad = parse("feature { name: \"x\" annotation { tag: \"veracity:pii=SHOE_SIZE\" } }");
        assertThatThrownBy(() -> PiiTags.features(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected one of EMAIL_ADDRESS");
    }
}
