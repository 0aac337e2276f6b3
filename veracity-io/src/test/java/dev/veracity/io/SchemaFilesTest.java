package dev.veracity.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.ProtoText;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaFilesTest {
    /** Core's hand-written golden file: what Python's text_format prints for a schema using every domain kind. */
    private static final Path GOLDEN = Path.of("../veracity-core/src/test/resources/golden/every-domain.schema.pbtxt");

    @TempDir
    Path dir;

    private static Schema schema() {
        return Schema.newBuilder()
                .addFeature(Feature.newBuilder()
                        .setName("fare")
                        .setType(FeatureType.FLOAT)
                        .setFloatDomain(FloatDomain.newBuilder().setMin(0.1f).setMax(Float.POSITIVE_INFINITY))
                        .setPresence(
                                FeaturePresence.newBuilder().setMinFraction(1.0).setMinCount(1)))
                .addFeature(Feature.newBuilder()
                        .setName("company")
                        .setType(FeatureType.BYTES)
                        .setDomain("company"))
                .addStringDomain(StringDomain.newBuilder()
                        .setName("company")
                        .addValue("Zürich Taxi")
                        .addValue("A\"B"))
                .addDefaultEnvironment("TRAINING")
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema.pbtxt", "schema.pb", "schema.json", "schema.txt"})
    void roundTripsInEveryFormat(String name) throws IOException {
        Path file = dir.resolve(name);
        SchemaFiles.write(schema(), file);
        assertThat(SchemaFiles.read(file)).isEqualTo(schema());
    }

    @Test
    void writesTextAsPythonDoes() throws IOException {
        Path file = dir.resolve("schema.pbtxt");
        SchemaFiles.write(schema(), file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(ProtoText.print(schema()))
                .startsWith(
                        "feature {\n  name: \"fare\"\n  type: FLOAT\n  float_domain {\n    min: 0.1\n    max: inf\n")
                .contains("  value: \"Zürich Taxi\"\n  value: \"A\\\"B\"\n");
    }

    @Test
    void readingAndWritingTheGoldenSchemaKeepsEveryByte() throws IOException {
        Schema golden = SchemaFiles.read(GOLDEN);
        Path copy = dir.resolve("copy.pbtxt");
        SchemaFiles.write(golden, copy);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(GOLDEN));
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = Files.writeString(
                dir.resolve("schema.pbtxt"),
                "# proto-message: Schema\nfeature {\n  name: \"fare\"\n  typo: FLOAT\n}\n");
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_FILE_INVALID))
                .hasMessage(file + ": expected a TFDV schema in text protobuf format, found invalid content at line 4,"
                        + " column 3: Message type \"tensorflow.metadata.v0.Feature\" has no field named \"typo\".");
    }

    @Test
    void aBadValueNamesTheFileLineAndColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("schema.pbtxt"), "feature {\n  type: FLOATY\n}\n");
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": expected a TFDV schema in text protobuf format, found invalid content at line 2,"
                        + " column 9: Enum type \"tensorflow.metadata.v0.FeatureType\" has no value named \"FLOATY\".");
    }

    @Test
    void aTruncatedFileNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("schema.pbtxt"), "feature {\n  name: \"fare\"\n");
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": expected a TFDV schema in text protobuf format, found invalid content at line 3,"
                        + " column 1: Expected \"}\".");
    }

    @Test
    void severalUnknownFieldsAreCountedOnOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("schema.pbtxt"), "typo: 1\nfeature { other: 2 }\n");
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .hasMessage(file + ": expected a TFDV schema in text protobuf format, found invalid content at line 1,"
                        + " column 1: Message type \"tensorflow.metadata.v0.Schema\" has no field named \"typo\"."
                        + " (and 1 more unknown field)");
    }

    @Test
    void binaryGarbageIsReportedWithoutAPosition() throws IOException {
        Path file = Files.write(dir.resolve("schema.pb"), new byte[] {0x0A, 0x05, 'a'});
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(
                        file + ": expected a TFDV schema in binary protobuf format, found invalid" + " content: ");
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path file = dir.resolve("missing.pbtxt");
        assertThatThrownBy(() -> SchemaFiles.read(file))
                .isInstanceOfSatisfying(
                        InputException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessage(file + ": no such file");
    }

    @Test
    void anEmptySchemaFileIsRefusedUnlessAllowed() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pbtxt"));
        assertThatThrownBy(() -> SchemaFiles.read(empty))
                .isInstanceOf(InputException.class)
                .hasMessage(empty + ": expected a TFDV schema with at least one feature, found an empty schema");
        assertThat(SchemaFiles.read(empty, true)).isEqualTo(Schema.getDefaultInstance());
    }

    @Test
    void aSchemaWithoutFeaturesIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("env.pbtxt"), "default_environment: \"TRAINING\"\n");
        assertThatThrownBy(() -> SchemaFiles.read(file)).hasMessageEndingWith("found a schema without features");
    }
}
