package dev.veracity.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.testing.TfxChicagoTaxi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TFX's StatisticsGen output for the Chicago taxi sample, read by our protos: the cross-implementation test. The
 * fixtures are test resources ({@link TfxChicagoTaxi}).
 */
class TfxFixtureTest {
    private static final List<String> FEATURES = List.of(
            "company",
            "dropoff_census_tract",
            "dropoff_community_area",
            "dropoff_latitude",
            "dropoff_longitude",
            "fare",
            "payment_type",
            "pickup_census_tract",
            "pickup_community_area",
            "pickup_latitude",
            "pickup_longitude",
            "tips",
            "trip_miles",
            "trip_seconds",
            "trip_start_day",
            "trip_start_hour",
            "trip_start_month",
            "trip_start_timestamp");

    private static byte[] bytes(String split) throws IOException {
        return Files.readAllBytes(TfxChicagoTaxi.statistics(split));
    }

    private static DatasetFeatureStatisticsList parse(String split) throws IOException {
        return DatasetFeatureStatisticsList.parseFrom(bytes(split));
    }

    /** {@return the path of every message under {@code message} that carries fields unknown to our protos} */
    private static List<String> unknownFields(Message message, String path) {
        List<String> found = new ArrayList<>();
        if (!message.getUnknownFields().asMap().isEmpty()) {
            found.add(path + " " + message.getUnknownFields().asMap().keySet());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String child = path + "." + field.getKey().getName();
            if (field.getKey().isRepeated()) {
                List<?> list = (List<?>) field.getValue();
                for (int i = 0; i < list.size(); i++) {
                    found.addAll(unknownFields((Message) list.get(i), child + "[" + i + "]"));
                }
            } else {
                found.addAll(unknownFields((Message) field.getValue(), child));
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval"})
    void everyFieldIsKnown(String split) throws IOException {
        DatasetFeatureStatisticsList list = parse(split);
        assertThat(unknownFields(list, split)).isEmpty();
        assertThat(list.getDatasetsCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval"})
    void reserializesToTheSameBytes(String split) throws IOException {
        assertThat(parse(split).toByteArray()).isEqualTo(bytes(split));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval"})
    void binaryFormatReadsWhatParseFromReads(String split) throws IOException {
        assertThat(StatisticsFormat.BINARY.read(new ByteArrayInputStream(bytes(split))))
                .isEqualTo(parse(split));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval"})
    void textAndJsonRoundTripTheFixture(String split) throws IOException {
        DatasetFeatureStatisticsList list = parse(split);
        for (StatisticsFormat format : List.of(StatisticsFormat.TEXT, StatisticsFormat.JSON)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.write(list, out);
            assertThat(format.read(new ByteArrayInputStream(out.toByteArray())))
                    .as("%s", format)
                    .isEqualTo(list);
        }
    }

    @Test
    void trainHas10036ExamplesAnd18FeaturesIdentifiedByPath() throws IOException {
        DatasetFeatureStatistics train = parse("train").getDatasets(0);
        assertThat(train.getNumExamples()).isEqualTo(10_036);
        assertThat(train.getName()).isEmpty();
        assertThat(train.getFeaturesList())
                .hasSize(18)
                .allSatisfy(f -> assertThat(f.getFieldIdCase()).isEqualTo(FeatureNameStatistics.FieldIdCase.PATH))
                .allSatisfy(f -> assertThat(f.getPath().getStepCount()).isEqualTo(1));
        assertThat(train.getFeaturesList())
                .extracting(f -> f.getPath().getStep(0))
                .containsExactlyInAnyOrderElementsOf(FEATURES);
    }

    @Test
    void evalHas4966ExamplesAndTheSameFeatures() throws IOException {
        DatasetFeatureStatistics eval = parse("eval").getDatasets(0);
        assertThat(eval.getNumExamples()).isEqualTo(4_966);
        assertThat(eval.getFeaturesList())
                .extracting(f -> f.getPath().getStep(0))
                .containsExactlyInAnyOrderElementsOf(FEATURES);
    }

    @Test
    void paymentTypeHasTfdvsTopValues() throws IOException {
        FeatureNameStatistics payment = parse("train").getDatasets(0).getFeaturesList().stream()
                .filter(f -> f.getPath().getStep(0).equals("payment_type"))
                .findFirst()
                .orElseThrow();
        assertThat(payment.getType()).isEqualTo(FeatureNameStatistics.Type.STRING);
        assertThat(payment.getStringStats().getUnique()).isEqualTo(6);
        assertThat(payment.getStringStats().getTopValuesList())
                .extracting(v -> v.getValue() + "=" + (long) v.getFrequency())
                .startsWith("Cash=6675", "Credit Card=3274", "No Charge=61", "Unknown=20");
        assertThat(payment.getStringStats().getCommonStats().getNumNonMissing()).isEqualTo(10_036);
    }
}
