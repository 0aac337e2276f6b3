package dev.veracity.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.proto.TimeDomain;
import dev.veracity.schema.SchemaInference;
import dev.veracity.schema.SchemaUpdater;
import dev.veracity.schema.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain-inferring statistics end to end: computed with {@code inferDomains} by the dataset accumulator (in two
 * parts, one through its bytes), they make inference give the features TFDV's time and natural-language domains, and
 * update report SEMANTIC_DOMAIN_UPDATE for a schema without them.
 */
class DomainInferenceTest {
    private static final int ROWS = 120;

    private static RecordBatch batch(int from, int to) {
        ColumnBuilder date = ColumnBuilder.of("date", FeatureType.STRING);
        ColumnBuilder seconds = ColumnBuilder.of("seconds", FeatureType.INT);
        ColumnBuilder review = ColumnBuilder.of("review", FeatureType.STRING);
        ColumnBuilder code = ColumnBuilder.of("code", FeatureType.STRING);
        for (int i = from; i < to; i++) {
            byte[] day = ("2026-12-" + (1 + i % 28)).getBytes(StandardCharsets.UTF_8);
            date.appendString(day, 0, day.length);
            seconds.appendInt(1_700_000_000L + i * 3600L);
            byte[] text = ("the parcel number " + i + " arrived late").getBytes(StandardCharsets.UTF_8);
            review.appendString(text, 0, text.length);
            byte[] label = ("C" + i % 7).getBytes(StandardCharsets.UTF_8);
            code.appendString(label, 0, label.length);
        }
        return new RecordBatch(to - from, List.of(date.build(), seconds.build(), review.build(), code.build()));
    }

    private static DatasetFeatureStatisticsList statistics() {
        StatisticsOptions options = StatisticsOptions.DEFAULT.withSemanticDomains(new SemanticDomains(List.of(), true));
        DatasetAccumulator first = new DatasetAccumulator(options);
        first.add(batch(0, 50));
        DatasetAccumulator second = new DatasetAccumulator(options);
        second.add(batch(50, ROWS));
        DatasetAccumulator all = DatasetAccumulator.fromBytes(first.toBytes(), options);
        all.merge(DatasetAccumulator.fromBytes(second.toBytes(), options));
        return DatasetFeatureStatisticsList.newBuilder()
                .addDatasets(all.result(""))
                .build();
    }

    private static List<String> customNames(DatasetFeatureStatistics dataset, String name) {
        return dataset.getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals(name))
                .findFirst()
                .orElseThrow()
                .getCustomStatsList()
                .stream()
                .map(CustomStatistic::getName)
                .toList();
    }

    @Test
    void statisticsCarryTheDomainsFound() {
        DatasetFeatureStatistics dataset = statistics().getDatasets(0);
        assertThat(customNames(dataset, "date")).containsExactly("domain_info", "time_match_ratio");
        assertThat(customNames(dataset, "seconds")).containsExactly("domain_info", "time_match_ratio");
        assertThat(customNames(dataset, "review")).containsExactly("domain_info", "natural_language_match_rate");
        assertThat(customNames(dataset, "code")).isEmpty();
    }

    @Test
    void inferenceGivesTheDomainsAndValidationIsClean() {
        DatasetFeatureStatisticsList statistics = statistics();
        Schema schema = SchemaInference.infer(statistics);
        assertThat(feature(schema, "date").getTimeDomain().getStringFormat()).isEqualTo("%Y-%m-%d");
        assertThat(feature(schema, "seconds").getTimeDomain().getIntegerFormat())
                .isEqualTo(TimeDomain.IntegerTimeFormat.UNIX_SECONDS);
        assertThat(feature(schema, "review").hasNaturalLanguageDomain()).isTrue();
        assertThat(feature(schema, "code").hasTimeDomain()).isFalse();
        assertThat(Validator.validate(statistics, schema).run().getAnomalyInfoMap())
                .isEmpty();
    }

    @Test
    void updateAddsTheDomainsAsSemanticDomainUpdates() {
        DatasetFeatureStatisticsList statistics = statistics();
        Schema inferred = SchemaInference.infer(statistics);
        Schema.Builder plain = inferred.toBuilder();
        for (Feature.Builder feature : plain.getFeatureBuilderList()) {
            if (feature.hasTimeDomain() || feature.hasNaturalLanguageDomain()) {
                feature.clearTimeDomain().clearNaturalLanguageDomain();
            }
        }
        var anomalies = Validator.validate(statistics, plain.build()).run().getAnomalyInfoMap();
        assertThat(anomalies).containsOnlyKeys("date", "seconds", "review");
        assertThat(anomalies.values())
                .allSatisfy(info -> assertThat(info.getReasonList())
                        .extracting(AnomalyInfo.Reason::getType)
                        .containsExactly(AnomalyInfo.Type.SEMANTIC_DOMAIN_UPDATE));
        assertThat(SchemaUpdater.update(plain.build(), statistics)).isEqualTo(inferred);
    }

    private static Feature feature(Schema schema, String name) {
        return schema.getFeatureList().stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
