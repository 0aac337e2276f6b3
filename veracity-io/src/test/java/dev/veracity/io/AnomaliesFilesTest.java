package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.ProtoText;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnomaliesFilesTest {
    @TempDir
    Path dir;

    private static AnomalyInfo unexpectedValues(String feature, String description) {
        return AnomalyInfo.newBuilder()
                .setDescription(description)
                .setSeverity(AnomalyInfo.Severity.ERROR)
                .setShortDescription("Unexpected string values")
                .addReason(AnomalyInfo.Reason.newBuilder()
                        .setType(AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES)
                        .setShortDescription("Unexpected string values")
                        .setDescription(description))
                .setPath(FeaturePaths.Path.newBuilder().addStep(feature))
                .build();
    }

    private static Anomalies anomalies() {
        return Anomalies.newBuilder()
                .setBaseline(Schema.newBuilder()
                        .addFeature(Feature.newBuilder()
                                .setName("payment_type")
                                .setType(FeatureType.BYTES)
                                .setDomain("payment_type")))
                .setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH)
                .putAnomalyInfo(
                        "payment_type",
                        unexpectedValues(
                                "payment_type", "Examples contain values missing from the schema: Prcard (<1%)."))
                .putAnomalyInfo(
                        "company",
                        unexpectedValues(
                                "company", "Examples contain values missing from the schema: Zürich Taxi (~2%)."))
                .addDriftSkewInfo(DriftSkewInfo.newBuilder()
                        .setPath(FeaturePaths.Path.newBuilder().addStep("company"))
                        .addDriftMeasurements(DriftSkewInfo.Measurement.newBuilder()
                                .setType(DriftSkewInfo.Measurement.Type.L_INFTY)
                                .setValue(0.0123)
                                .setThreshold(0.01)))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anomalies.pbtxt", "anomalies.pb", "anomalies.json", "anomalies"})
    void roundTripsInEveryFormat(String name) throws IOException {
        Path file = dir.resolve(name);
        AnomaliesFiles.write(anomalies(), file);
        assertThat(AnomaliesFiles.read(file)).isEqualTo(anomalies());
    }

    @Test
    void writesTextAsPythonDoesWithMapEntriesSortedByKey() throws IOException {
        Path file = dir.resolve("anomalies.pbtxt");
        AnomaliesFiles.write(anomalies(), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo(ProtoText.print(anomalies()))
                .contains("anomaly_info {\n  key: \"company\"\n  value {\n    description: \"Examples contain values"
                        + " missing from the schema: Zürich Taxi (~2%).\"\n")
                .contains("    value: 0.0123\n    threshold: 0.01\n");
        assertThat(text.indexOf("key: \"company\"")).isLessThan(text.indexOf("key: \"payment_type\""));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = Files.writeString(
                dir.resolve("anomalies.pbtxt"),
                "anomaly_info {\n  key: \"fare\"\n  value {\n    severity: FATAL\n  }\n}\n");
        assertThatThrownBy(() -> AnomaliesFiles.read(file))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ANOMALIES_FILE_INVALID))
                .hasMessage(file + ": expected TFDV anomalies in text protobuf format, found invalid content at line 4,"
                        + " column 15: Enum type \"tensorflow.metadata.v0.AnomalyInfo.Severity\" has no value named"
                        + " \"FATAL\".");
    }
}
