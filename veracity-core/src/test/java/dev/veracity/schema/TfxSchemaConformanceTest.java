package dev.veracity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.Feature;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.testing.TfxChicagoTaxi;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TFX's own Chicago-taxi fixtures: SchemaGen's schema is exactly infer(train) then update(eval), and validating
 * either split against it finds nothing. The fixtures are test resources
 * ({@link TfxChicagoTaxi}).
 */
class TfxSchemaConformanceTest {
    private static DatasetFeatureStatisticsList statistics(String split) throws IOException {
        return DatasetFeatureStatisticsList.parseFrom(Files.readAllBytes(TfxChicagoTaxi.statistics(split)));
    }

    private static Schema tfxSchema() throws IOException {
        Schema.Builder schema = Schema.newBuilder();
        TextFormat.merge(Files.readString(TfxChicagoTaxi.schema()), schema);
        return schema.build();
    }

    /** The schema with features and string domains in name order: TFX orders them differently from statistics. */
    private static Schema sorted(Schema schema) {
        List<Feature> features = schema.getFeatureList().stream()
                .sorted(Comparator.comparing(Feature::getName))
                .toList();
        List<StringDomain> domains = schema.getStringDomainList().stream()
                .sorted(Comparator.comparing(StringDomain::getName))
                .toList();
        return schema.toBuilder()
                .clearFeature()
                .addAllFeature(features)
                .clearStringDomain()
                .addAllStringDomain(domains)
                .build();
    }

    @Test
    void inferringFromTrainThenUpdatingWithEvalReproducesSchemaGen() throws IOException {
        Schema inferred = SchemaInference.infer(statistics("train"));
        Schema updated = SchemaUpdater.update(inferred, statistics("eval"));

        assertThat(sorted(updated)).isEqualTo(sorted(tfxSchema()));
    }

    @Test
    void stringDomainsKeepTrainValuesSortedThenEvalOnlyValuesAppended() throws IOException {
        Schema updated = SchemaUpdater.update(SchemaInference.infer(statistics("train")), statistics("eval"));

        StringDomain payment = updated.getStringDomainList().stream()
                .filter(d -> d.getName().equals("payment_type"))
                .findFirst()
                .orElseThrow();
        assertThat(payment.getValueList())
                .containsExactly("Cash", "Credit Card", "Dispute", "No Charge", "Pcard", "Unknown", "Prcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval"})
    void bothSplitsValidateCleanlyAgainstSchemaGensSchema(String split) throws IOException {
        Anomalies anomalies = Validator.validate(statistics(split), tfxSchema()).run();

        assertThat(anomalies.getAnomalyInfoMap()).isEmpty();
        assertThat(Validator.isClean(anomalies)).isTrue();
    }

    @Test
    void trainAloneLacksTheEvalOnlyValues() throws IOException {
        Anomalies anomalies = Validator.validate(statistics("eval"), SchemaInference.infer(statistics("train")))
                .run();

        assertThat(anomalies.getAnomalyInfoMap()).containsKey("payment_type");
        assertThat(anomalies
                        .getAnomalyInfoOrThrow("payment_type")
                        .getReason(0)
                        .getType()
                        .name())
                .isEqualTo("ENUM_TYPE_UNEXPECTED_STRING_VALUES");
        assertThat(anomalies.getAnomalyInfoOrThrow("payment_type").getDescription())
                .contains("Prcard");
    }
}
