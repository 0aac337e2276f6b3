package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.proto.Annotation;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw values of PII-marked features leave the statistics; everything else stays as it was. */
class PiiProtectionTest {
    private static final Schema SCHEMA = Schema.newBuilder()
            .addFeature(Feature.newBuilder()
                    .setName("email")
                    .setAnnotation(Annotation.newBuilder().addTag("veracity:pii=EMAIL_ADDRESS")))
            .addFeature(Feature.newBuilder()
                    .setName("card")
                    .setAnnotation(Annotation.newBuilder().addTag("veracity:pii")))
            .addFeature(Feature.newBuilder().setName("city"))
            .build();

    private static DatasetFeatureStatisticsList statistics() {
        FeatureNameStatistics email = FeatureNameStatistics.newBuilder()
                .setPath(FeaturePaths.Path.newBuilder().addStep("email"))
                .setStringStats(StringStatistics.newBuilder()
                        .setUnique(2)
                        .addTopValues(StringStatistics.FreqAndValue.newBuilder()
                                .setValue("jane@example.com")
                                .setFrequency(3)))
                .build();
        FeatureNameStatistics card = FeatureNameStatistics.newBuilder()
                .setName("card")
                .setNumStats(NumericStatistics.newBuilder()
                        .setMin(4111)
                        .setMax(4999)
                        .setMedian(4500)
                        .setMean(4400))
                .build();
        FeatureNameStatistics city = FeatureNameStatistics.newBuilder()
                .setName("city")
                .setStringStats(StringStatistics.newBuilder()
                        .addTopValues(StringStatistics.FreqAndValue.newBuilder()
                                .setValue("Oslo")
                                .setFrequency(2)))
                .build();
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(DatasetFeatureStatistics.newBuilder()
                        .addFeatures(email)
                        .addFeatures(card)
                        .addFeatures(city))
                .build();
    }

    @Test
    void suppressionRemovesValuesAndKeepsCountsAndOtherFeatures() {
        DatasetFeatureStatisticsList safe = PiiProtection.SUPPRESS.protect(statistics(), SCHEMA);
        DatasetFeatureStatistics dataset = safe.getDatasets(0);
        assertThat(safe.toString()).doesNotContain("jane@example.com", "4111", "4999");
        assertThat(dataset.getFeatures(0).getStringStats().getUnique()).isEqualTo(2);
        assertThat(dataset.getFeatures(1).getNumStats().getMean()).isEqualTo(4400);
        assertThat(dataset.getFeatures(0).getCustomStatsList())
                .containsExactly(CustomStatistic.newBuilder()
                        .setName("veracity:pii")
                        .setStr("suppressed")
                        .build());
        assertThat(dataset.getFeatures(2)).isEqualTo(statistics().getDatasets(0).getFeatures(2));
    }

    @Test
    void hashingLabelsValuesWithTheKeyedHashAndSurvivesSerialization() throws Exception {
        PiiProtection hashing = PiiProtection.hashing("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        DatasetFeatureStatisticsList hashed = hashing.protect(statistics(), SCHEMA);
        String label = hashed.getDatasets(0)
                .getFeatures(0)
                .getStringStats()
                .getTopValues(0)
                .getValue();
        assertThat(label).startsWith("pii:").hasSize(4 + 16).isNotEqualTo("jane@example.com");
        assertThat(roundTrip(hashing).protect(statistics(), SCHEMA)).isEqualTo(hashed);
        assertThat(roundTrip(PiiProtection.SUPPRESS).protect(statistics(), SCHEMA))
                .isEqualTo(PiiProtection.SUPPRESS.protect(statistics(), SCHEMA));
        assertThat(hashing.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void aShortKeyAndSlicingByAPiiFeatureAreRefused() {
        assertThatThrownBy(() -> PiiProtection.hashing(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiiProtection.checkSlicing(SCHEMA, List.of("city", "email")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--slice-by email: expected a feature");
        assertThat(PiiProtection.features(SCHEMA)).containsExactly("email", "card");
    }

    @Test
    void aSchemaWithoutPiiTagsChangesNothing() {
        assertThat(PiiProtection.SUPPRESS.protect(statistics(), Schema.getDefaultInstance()))
                .isEqualTo(statistics());
    }

    private static PiiProtection roundTrip(PiiProtection protection) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(protection);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PiiProtection) in.readObject();
        }
    }
}
