package dev.veracity.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.veracity.proto.Anomalies;
import dev.veracity.proto.AnomalyInfo;
import dev.veracity.proto.CustomStatistic;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import dev.veracity.proto.DriftSkewInfo;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.FeaturePaths;
import dev.veracity.proto.FeaturePresence;
import dev.veracity.proto.FeatureType;
import dev.veracity.proto.FloatDomain;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.Schema;
import dev.veracity.proto.StringDomain;
import dev.veracity.proto.TensorRepresentation;
import dev.veracity.proto.TensorRepresentationGroup;
import dev.veracity.proto.ValidationConfig;
import dev.veracity.testing.SeededProperty;
import dev.veracity.testing.TfxChicagoTaxi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtoTextTest {
    /**
     * Written by hand from the rules of Python's text_format (see {@link ProtoText}), not by this printer, then
     * checked: protobuf-python 7.36.2's {@code MessageToString(schema)} of this schema is identical, byte for byte.
     * So there is no regenerate mode: a difference is a bug.
     */
    private static final Path GOLDEN = Path.of("src/test/resources/golden/every-domain.schema.pbtxt");

    private static Schema parseSchema(String text) throws InvalidProtocolBufferException {
        return ProtoText.merge(text, Schema.newBuilder()).build();
    }

    private static String printDouble(double value) {
        return fieldValue(ProtoText.print(
                FeaturePresence.newBuilder().setMinFraction(value).build()));
    }

    private static String printFloat(float value) {
        return fieldValue(ProtoText.print(FloatDomain.newBuilder().setMin(value).build()));
    }

    /** {@return the value of a one-field message printed as "name: value\n"} */
    private static String fieldValue(String text) {
        assertThat(text).endsWith("\n").containsOnlyOnce("\n");
        return text.substring(text.indexOf(": ") + 2, text.length() - 1);
    }

    @Nested
    class Numbers {
        /** Each expected string is Python 3's {@code repr(x)}, as text_format prints doubles. */
        @ParameterizedTest(name = "{0} prints as {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "0.0 | 0.0",
                    "-0.0 | -0.0",
                    "1.0 | 1.0",
                    "0.1 | 0.1",
                    "0.9999 | 0.9999",
                    "0.05 | 0.05",
                    "1e-05 | 1e-05",
                    "0.0001 | 0.0001",
                    "1e16 | 1e+16",
                    "1234567890123456.0 | 1234567890123456.0",
                    "17031345095.353342 | 17031345095.353342",
                    "41.69487762451172 | 41.69487762451172",
                    "1.5e300 | 1.5e+300",
                    "100.0 | 100.0",
                    "-2.5 | -2.5",
                    "123456789.0 | 123456789.0",
                    "1.7976931348623157e308 | 1.7976931348623157e+308",
                    "4.9e-324 | 5e-324",
                    "2.2250738585072014e-308 | 2.2250738585072014e-308",
                    "0.30000000000000004 | 0.30000000000000004",
                    "NaN | nan",
                    "Infinity | inf",
                    "-Infinity | -inf",
                })
        void doublesPrintAsPythonRepr(String javaLiteral, String python) {
            assertThat(printDouble(Double.parseDouble(javaLiteral))).isEqualTo(python);
        }

        /** Python prints a float32 field as the repr of its shortest round-tripping rounding (6 digits at least). */
        @ParameterizedTest(name = "{0}f prints as {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "0.1 | 0.1",
                    "41.694878 | 41.694878",
                    "0.85 | 0.85",
                    "1.0 | 1.0",
                    "-90.0 | -90.0",
                    "1e-05 | 1e-05",
                    "1e30 | 1e+30",
                    "16777216.0 | 16777216.0",
                    "3.4028235e38 | 3.4028235e+38",
                    "1.17549435e-38 | 1.1754944e-38",
                    "1.4e-45 | 1.4013e-45",
                    "-0.0 | -0.0",
                    "NaN | nan",
                    "Infinity | inf",
                    "-Infinity | -inf",
                })
        void floatsPrintAsPythonDoes(String javaLiteral, String python) {
            assertThat(printFloat(Float.parseFloat(javaLiteral))).isEqualTo(python);
        }

        @Test
        void negativeNanPrintsAsNan() {
            assertThat(printDouble(Double.longBitsToDouble(0xFFF8_0000_0000_0001L)))
                    .isEqualTo("nan");
            assertThat(printFloat(Float.intBitsToFloat(0xFFC0_0001))).isEqualTo("nan");
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN", "nan", "Infinity", "inf", "-Infinity", "-inf", "1", "1.", "1e3", "-0"})
        void everySpellingOfANumberParses(String spelling) throws InvalidProtocolBufferException {
            FeaturePresence presence = ProtoText.merge("min_fraction: " + spelling, FeaturePresence.newBuilder())
                    .build();
            assertThat(presence.hasMinFraction()).isTrue();
            FloatDomain domain = ProtoText.merge("min: " + spelling, FloatDomain.newBuilder())
                    .build();
            assertThat(domain.hasMin()).isTrue();
        }

        @SeededProperty(tries = 200)
        void doublesRoundTripBitExactlyWithTheShortestDigits(long seed) throws InvalidProtocolBufferException {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 50; i++) {
                double value = anyDouble(random);
                String printed = printDouble(value);
                double back = ProtoText.merge("min_fraction: " + printed, FeaturePresence.newBuilder())
                        .build()
                        .getMinFraction();
                if (Double.isNaN(value)) {
                    assertThat(back).isNaN(); // text keeps no NaN payload
                    continue;
                }
                assertThat(Double.doubleToRawLongBits(back)).as(printed).isEqualTo(Double.doubleToRawLongBits(value));
                if (Double.isFinite(value) && value != 0) {
                    assertThat(hasShorterDecimal(value, digits(printed), true))
                            .as("shorter than %s", printed)
                            .isFalse();
                }
            }
        }

        /**
         * Float32 values round-trip bit-exactly, with the fewest digits that do. Python's rule (6 digits at least, and
         * only the nearest rounding tried at each length) prints longer in two cases, checked as such: subnormals
         * (1.4e-45f prints as 1.4013e-45) and some powers of two, whose rounding interval is narrower below
         * (2^-96 prints as 1.26217745e-29 although 1.2621775e-29 reads back).
         */
        @SeededProperty(tries = 200)
        void floatsRoundTripBitExactlyWithTheShortestDigits(long seed) throws InvalidProtocolBufferException {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < 50; i++) {
                float value = anyFloat(random);
                String printed = printFloat(value);
                float back = ProtoText.merge("min: " + printed, FloatDomain.newBuilder())
                        .build()
                        .getMin();
                if (Float.isNaN(value)) {
                    assertThat(back).isNaN();
                    continue;
                }
                assertThat(Float.floatToRawIntBits(back)).as(printed).isEqualTo(Float.floatToRawIntBits(value));
                if (!Float.isFinite(value) || value == 0) {
                    continue;
                }
                int digits = digits(printed);
                boolean powerOfTwo = Math.getExponent(value) >= Float.MIN_EXPONENT
                        && Math.abs(value) == Math.scalb(1.0f, Math.getExponent(value));
                if (Math.abs(value) >= Float.MIN_NORMAL && !powerOfTwo) {
                    assertThat(hasShorterDecimal(value, digits, false))
                            .as("shorter than %s", printed)
                            .isFalse();
                } else if (digits > 6) {
                    BigDecimal nearest = new BigDecimal(value).round(new MathContext(digits - 1));
                    assertThat((float) nearest.doubleValue())
                            .as("Python's rule for %s", printed)
                            .isNotEqualTo(value);
                }
            }
        }

        private static double anyDouble(SplittableRandom random) {
            return switch (random.nextInt(6)) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bits: NaNs, infinities, subnormals
                case 1 -> random.nextDouble();
                case 2 -> random.nextInt(-1_000_000, 1_000_000) / Math.pow(10, random.nextInt(0, 8));
                case 3 -> Math.scalb(1.0, random.nextInt(-1074, 1024)); // lopsided rounding intervals
                case 4 -> (double) (float) (random.nextDouble() * 100); // float32 statistics widened
                default -> random.nextDouble() * Math.pow(10, random.nextInt(-330, 309));
            };
        }

        private static float anyFloat(SplittableRandom random) {
            return switch (random.nextInt(4)) {
                case 0 -> Float.intBitsToFloat(random.nextInt());
                case 1 -> random.nextFloat();
                case 2 -> (float) (random.nextInt(-1_000_000, 1_000_000) / Math.pow(10, random.nextInt(0, 8)));
                default -> Math.scalb(1.0f, random.nextInt(-126, 128));
            };
        }

        private static int digits(String printed) {
            return new BigDecimal(printed).stripTrailingZeros().precision();
        }

        /** {@return whether a decimal of fewer than {@code digits} significant digits reads back as {@code value}} */
        private static boolean hasShorterDecimal(double value, int digits, boolean asDouble) {
            if (digits <= 1) {
                return false;
            }
            BigDecimal exact = new BigDecimal(value);
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                boolean readsBack = asDouble
                        ? Double.parseDouble(shorter.toString()) == value
                        : Float.parseFloat(shorter.toString()) == (float) value;
                if (readsBack) {
                    return true;
                }
            }
            return false;
        }
    }

    @Nested
    class Text {
        @Test
        void stringsEscapeAsPythonAndKeepNonAscii() {
            String printed = ProtoText.print(StringDomain.newBuilder()
                    .addValue("a\"b\\c'd\te\nf\rg\u0000h\u001fi\u007fj")
                    .addValue("Zürich 日本 😀")
                    .build());
            assertThat(printed)
                    .isEqualTo(
                            "value: \"a\\\"b\\\\c\\'d\\te\\nf\\rg\\000h\\037i\\177j\"\n" + "value: \"Zürich 日本 😀\"\n");
        }

        @Test
        void bytesEscapeEveryNonPrintableByte() {
            Any any = Any.newBuilder()
                    .setTypeUrl("x")
                    .setValue(ByteString.copyFrom(new byte[] {
                        0, 9, 10, 13, '"', '\'', '\\', 'A', 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xBC, (byte) 0xFF
                    }))
                    .build();
            assertThat(ProtoText.print(any))
                    .isEqualTo(
                            "type_url: \"x\"\n" + "value: \"\\000\\t\\n\\r\\\"\\'\\\\A\\177\\200\\303\\274\\377\"\n");
        }

        @Test
        void stringsAndBytesRoundTrip() throws InvalidProtocolBufferException {
            StringDomain domain = StringDomain.newBuilder()
                    .setName("\u0001\u0002 \\ \" ' \t")
                    .addValue("Zürich 日本 😀")
                    .addValue("")
                    .addValue("\u007f\u0080\u009f")
                    .build();
            assertThat(ProtoText.merge(ProtoText.print(domain), StringDomain.newBuilder())
                            .build())
                    .isEqualTo(domain);
        }

        @Test
        void anyOfAKnownTypeIsExpandedAndReadBack() throws InvalidProtocolBufferException {
            Any any = Any.pack(IntDomain.newBuilder().setName("n").setMax(7).build());
            String printed = ProtoText.print(any);
            assertThat(printed)
                    .isEqualTo("[type.googleapis.com/tensorflow.metadata.v0.IntDomain] {\n"
                            + "  name: \"n\"\n  max: 7\n}\n");
            assertThat(ProtoText.merge(printed, Any.newBuilder()).build()).isEqualTo(any);
        }

        /** Python's default descriptor pool knows every message TFDV imports, nested ones too. */
        @Test
        void everyMessageOfOurProtosCanBeExpandedFromAnAny() {
            List<Descriptors.FileDescriptor> files = new ArrayList<>(List.of(
                    Schema.getDescriptor().getFile(),
                    Anomalies.getDescriptor().getFile(),
                    DatasetFeatureStatisticsList.getDescriptor().getFile(),
                    ValidationConfig.getDescriptor().getFile()));
            List<Descriptors.Descriptor> types = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                files.get(i).getDependencies().stream()
                        .filter(f -> !files.contains(f))
                        .forEach(files::add);
                types.addAll(files.get(i).getMessageTypes());
            }
            for (int i = 0; i < types.size(); i++) {
                types.addAll(types.get(i).getNestedTypes());
            }
            assertThat(types)
                    .extracting(Descriptors.Descriptor::getFullName)
                    .contains(
                            "tensorflow.metadata.v0.Path",
                            "tensorflow.metadata.v0.FixedShape.Dim",
                            "tensorflow.metadata.v0.DerivedFeatureSource",
                            "tensorflow.data_validation.ValidationConfig")
                    .allSatisfy(name -> assertThat(ProtoText.typeRegistry().find(name))
                            .as(name)
                            .isNotNull());
        }

        @Test
        void anyOfAnUnknownTypeOrWithoutSlashPrintsItsFields() {
            ByteString value = IntDomain.newBuilder().setMax(1).build().toByteString();
            assertThat(ProtoText.print(Any.newBuilder()
                            .setTypeUrl("tensorflow.metadata.v0.IntDomain")
                            .setValue(value)
                            .build()))
                    .isEqualTo("type_url: \"tensorflow.metadata.v0.IntDomain\"\nvalue: \" \\001\"\n");
            assertThat(ProtoText.print(Any.newBuilder()
                            .setTypeUrl("a.b/c.D")
                            .setValue(value)
                            .build()))
                    .startsWith("type_url: \"a.b/c.D\"\n");
        }

        @Test
        void anEnumNumberWithoutANameIsPrintedAsTheNumber() throws InvalidProtocolBufferException {
            FeatureNameStatistics statistics = FeatureNameStatistics.newBuilder()
                    .setName("x")
                    .setTypeValue(42)
                    .build();
            assertThat(ProtoText.print(statistics)).isEqualTo("name: \"x\"\ntype: 42\n");
            assertThat(ProtoText.merge("name: \"x\"\ntype: 42\n", FeatureNameStatistics.newBuilder())
                            .build())
                    .isEqualTo(statistics);
        }

        @Test
        void unknownFieldsAreNotPrinted() throws InvalidProtocolBufferException {
            byte[] bytes = Feature.newBuilder().setName("x").build().toByteArray();
            byte[] field99 = {(byte) 0x98, 0x06, 0x01}; // tag (99 << 3 | varint) as a varint, then the value 1
            Feature feature = Feature.parseFrom(concat(bytes, field99));
            assertThat(feature.getUnknownFields().asMap()).containsKey(99);
            assertThat(ProtoText.print(feature)).isEqualTo("name: \"x\"\n");
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] joined = new byte[a.length + b.length];
            System.arraycopy(a, 0, joined, 0, a.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        }

        @Test
        void mapEntriesAreSortedByKeyCodePointAndKeepTheirEmptyKey() {
            TensorRepresentation dense = TensorRepresentation.newBuilder()
                    .setVarlenSparseTensor(TensorRepresentation.VarLenSparseTensor.getDefaultInstance())
                    .build();
            TensorRepresentationGroup group = TensorRepresentationGroup.newBuilder()
                    .putTensorRepresentation("\uFFFD", dense) // sorts before U+1F600 by code point, after it by UTF-16
                    .putTensorRepresentation("😀", dense)
                    .putTensorRepresentation("b", dense)
                    .putTensorRepresentation("", dense)
                    .putTensorRepresentation("a", dense)
                    .build();
            assertThat(ProtoText.print(group).lines().filter(line -> line.contains("key:")))
                    .containsExactly(
                            "  key: \"\"", "  key: \"a\"", "  key: \"b\"", "  key: \"\uFFFD\"", "  key: \"😀\"");
        }

        @Test
        void anEmptyMessagePrintsNothing() {
            assertThat(ProtoText.print(Schema.getDefaultInstance())).isEmpty();
        }
    }

    @Nested
    class Parsing {
        @Test
        void acceptsCommentsCompactFormsAndAngleBrackets() throws InvalidProtocolBufferException {
            String text = "# proto-file: tensorflow_metadata/proto/v0/schema.proto\n# proto-message: Schema\n"
                    + "feature { name: 'fare' type: FLOAT presence < min_fraction: 1 min_count: 1 > }  # trailing\n"
                    + "default_environment: [\"TRAINING\", \"SERVING\"]\n";
            Schema schema = parseSchema(text);
            assertThat(schema.getFeature(0).getPresence().getMinFraction()).isEqualTo(1.0);
            assertThat(schema.getDefaultEnvironmentList()).containsExactly("TRAINING", "SERVING");
        }

        @Test
        void errorsSayLineAndColumn() {
            String text = "feature {\n  name: \"fare\"\n  typo: FLOAT\n}\n";
            assertThatThrownBy(() -> parseSchema(text))
                    .isInstanceOf(InvalidProtocolBufferException.class)
                    .hasMessageStartingWith("line 3, column 3: ")
                    .hasMessageContaining("typo");
        }

        @Test
        void aBadValueSaysLineAndColumn() {
            assertThatThrownBy(() -> parseSchema("feature {\n  type: FLOATY\n}\n"))
                    .hasMessageStartingWith("line 2, column 9: ")
                    .hasMessageContaining("FLOATY");
        }

        @Test
        void anUnclosedMessageIsAnError() {
            assertThatThrownBy(() -> parseSchema("feature {\n  name: \"fare\"\n"))
                    .isInstanceOf(InvalidProtocolBufferException.class)
                    .hasMessageStartingWith("line ");
        }

        @Test
        void aSingularFieldGivenTwiceIsAnErrorAsInPython() {
            assertThatThrownBy(() -> parseSchema("feature { name: \"a\" name: \"b\" }"))
                    .isInstanceOf(InvalidProtocolBufferException.class)
                    .hasMessageStartingWith("line 1, column ");
        }
    }

    /**
     * The schema TFX's SchemaGen wrote for the Chicago taxi sample, with Python's text_format: printing what we read
     * gives the file back, byte for byte, once its comment lines are dropped. The fixture is a test resource
     * ({@link TfxChicagoTaxi}).
     */
    @Nested
    class TfxConformance {
        @Test
        void printingTheTfxSchemaGivesTheFileBackWithoutItsComments() throws IOException {
            String text = Files.readString(TfxChicagoTaxi.schema(), StandardCharsets.UTF_8);
            String withoutComments = text.lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line + "\n")
                    .collect(Collectors.joining());
            Schema schema = parseSchema(text);
            assertThat(schema.getFeatureCount()).isEqualTo(18);
            assertThat(ProtoText.print(schema)).isEqualTo(withoutComments);
        }
    }

    @Nested
    class Golden {
        @Test
        void everyDomainSchemaPrintsAsTheGoldenFile() throws IOException {
            assertThat(ProtoText.print(EveryDomainSchema.build()))
                    .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        }

        @Test
        void everyDomainSchemaRoundTrips() throws IOException {
            Schema schema = EveryDomainSchema.build();
            assertThat(parseSchema(ProtoText.print(schema))).isEqualTo(schema);
            assertThat(parseSchema(Files.readString(GOLDEN, StandardCharsets.UTF_8)))
                    .isEqualTo(schema);
        }

        @Test
        void anomaliesRoundTrip() throws InvalidProtocolBufferException {
            Anomalies anomalies = Anomalies.newBuilder()
                    .setBaseline(Schema.newBuilder()
                            .addFeature(Feature.newBuilder()
                                    .setName("company")
                                    .setType(FeatureType.BYTES)
                                    .setDomain("company"))
                            .addStringDomain(
                                    StringDomain.newBuilder().setName("company").addValue("Flash Cab")))
                    .setAnomalyNameFormat(Anomalies.AnomalyNameFormat.SERIALIZED_PATH)
                    .putAnomalyInfo(
                            "payment_type",
                            AnomalyInfo.newBuilder()
                                    .setDescription("Examples contain values missing from the schema: Prcard (<1%).")
                                    .setSeverity(AnomalyInfo.Severity.ERROR)
                                    .setShortDescription("Unexpected string values")
                                    .addReason(AnomalyInfo.Reason.newBuilder()
                                            .setType(AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES)
                                            .setShortDescription("Unexpected string values")
                                            .setDescription(
                                                    "Examples contain values missing from the schema: Prcard (<1%)."))
                                    .setPath(FeaturePaths.Path.newBuilder().addStep("payment_type"))
                                    .build())
                    .putAnomalyInfo(
                            "company",
                            AnomalyInfo.newBuilder()
                                    .setDescription("The Linfty distance between training and serving is 0.0123.")
                                    .setSeverity(AnomalyInfo.Severity.ERROR)
                                    .setShortDescription("High Linfty distance between training and serving")
                                    .addReason(AnomalyInfo.Reason.newBuilder()
                                            .setType(AnomalyInfo.Type.COMPARATOR_L_INFTY_HIGH)
                                            .setShortDescription("High Linfty distance between training and serving")
                                            .setDescription(
                                                    "The Linfty distance between training and serving is 0.0123."))
                                    .addReason(AnomalyInfo.Reason.newBuilder()
                                            .setType(AnomalyInfo.Type.ENUM_TYPE_UNEXPECTED_STRING_VALUES))
                                    .setPath(FeaturePaths.Path.newBuilder().addStep("company"))
                                    .build())
                    .setDatasetAnomalyInfo(AnomalyInfo.newBuilder().setDescription("ok"))
                    .setDataMissing(false)
                    .addDriftSkewInfo(DriftSkewInfo.newBuilder()
                            .setPath(FeaturePaths.Path.newBuilder().addStep("company"))
                            .addDriftMeasurements(DriftSkewInfo.Measurement.newBuilder()
                                    .setType(DriftSkewInfo.Measurement.Type.L_INFTY)
                                    .setValue(0.0123)
                                    .setThreshold(0.01))
                            .addSkewMeasurements(DriftSkewInfo.Measurement.newBuilder()
                                    .setType(DriftSkewInfo.Measurement.Type.JENSEN_SHANNON_DIVERGENCE)
                                    .setValue(Double.NaN)
                                    .setThreshold(Double.POSITIVE_INFINITY)))
                    .build();
            String printed = ProtoText.print(anomalies);
            assertThat(ProtoText.merge(printed, Anomalies.newBuilder()).build()).isEqualTo(anomalies);
            assertThat(printed.indexOf("key: \"company\"")).isLessThan(printed.indexOf("key: \"payment_type\""));
            assertThat(printed).startsWith("baseline {\n  feature {\n    name: \"company\"\n");
        }

        @Test
        void statisticsWithNanAndInfinitiesPrintAsPython() throws InvalidProtocolBufferException {
            DatasetFeatureStatisticsList statistics = DatasetFeatureStatisticsList.newBuilder()
                    .addDatasets(DatasetFeatureStatistics.newBuilder()
                            .setNumExamples(3)
                            .setWeightedNumExamples(Double.NaN)
                            .addFeatures(FeatureNameStatistics.newBuilder()
                                    .setName("x")
                                    .addCustomStats(CustomStatistic.newBuilder()
                                            .setName("m")
                                            .setNum(Double.NEGATIVE_INFINITY))))
                    .build();
            assertThat(ProtoText.print(statistics))
                    .isEqualTo("datasets {\n  num_examples: 3\n"
                            + "  features {\n    name: \"x\"\n    custom_stats {\n      name: \"m\"\n      num: -inf\n"
                            + "    }\n  }\n  weighted_num_examples: nan\n}\n");
            assertThat(ProtoText.merge(ProtoText.print(statistics), DatasetFeatureStatisticsList.newBuilder())
                            .build())
                    .isEqualTo(statistics);
        }
    }
}
