package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ComputedStatistics;
import dev.veracity.io.Progress;
import dev.veracity.io.Veracity;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.Feature;
import dev.veracity.proto.FeatureNameStatistics;
import dev.veracity.proto.IntDomain;
import dev.veracity.proto.NumericStatistics;
import dev.veracity.proto.Schema;
import dev.veracity.stats.Sampling;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading CSV columns with the types a schema fixes ({@link CsvOptions#columnTypes()}, {@code withSchema}). */
class TypedCsvStatisticsTest {
    private static final FeatureType INT = FeatureType.INT;
    private static final FeatureType FLOAT = FeatureType.FLOAT;
    private static final FeatureType STRING = FeatureType.STRING;
    private static final StatisticsOptions OPTIONS = StatisticsOptions.DEFAULT;

    /** Every kind of column, with empty cells, spaces, int64 extremes and a multi-line quoted string. */
    private static final CsvTable TABLE = CsvTable.ofText(
            List.of("trips", "fare", "city", "nothing", "mixed"),
            List.of(INT, FLOAT, STRING, INT, FLOAT),
            List.of(
                    List.of("3", "", "-9223372036854775808", "0", " 12 ", "9223372036854775807", "-4"),
                    List.of("2.5", "nan", "-inf", "", "1e-5", "-0.0", "Infinity"),
                    List.of("Überlingen", "a,b", "say \"hi\"", "two\r\nlines", "", " Łazienki ", "Überlingen"),
                    List.of("", "", "", "", "", "", ""),
                    List.of("1", "2.25", "", "-7", "1e3", "9223372036854775807", "0.1")));

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("train.csv"), text, UTF_8);
    }

    private static ComputedStatistics compute(Path file, CsvOptions csv, int threads, long chunkBytes)
            throws IOException {
        return new CsvStatistics(csv, OPTIONS, threads, Progress.NONE, chunkBytes).compute(List.of(file), "");
    }

    private static Map<String, FeatureType> typesOf(CsvTable table) {
        java.util.HashMap<String, FeatureType> types = new java.util.HashMap<>();
        for (int i = 0; i < table.names().size(); i++) {
            types.put(table.names().get(i), table.types().get(i));
        }
        return types;
    }

    private static Schema schema(Object... nameTypePairs) {
        Schema.Builder schema = Schema.newBuilder();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            schema.addFeature(
                    Feature.newBuilder().setName((String) nameTypePairs[i]).setType((dev.veracity.proto.FeatureType)
                            nameTypePairs[i + 1]));
        }
        return schema.build();
    }

    /** A table of {@code rows} generated rows: an INT, a FLOAT, a STRING column, each with missing cells. */
    private static CsvTable generated(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ints = new ArrayList<>();
        List<String> floats = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            ints.add(random.nextInt(8) == 0 ? "" : Long.toString(random.nextLong(-1000, 1000)));
            floats.add(random.nextInt(8) == 0 ? "" : Double.toString(random.nextDouble(-1e6, 1e6)));
            strings.add(
                    random.nextInt(8) == 0
                            ? ""
                            : random.nextInt(5) == 0 ? "multi\nline \"" + r % 7 + "\"" : "v" + random.nextInt(50));
        }
        return CsvTable.ofText(List.of("n", "x", "s"), List.of(INT, FLOAT, STRING), List.of(ints, floats, strings));
    }

    @Nested
    class TypesThatAgree {
        @Test
        void giveExactlyTheStatisticsOfInference() throws IOException {
            Path file = TABLE.write(dir.resolve("table.csv"), CsvTable.Style.PLAIN);
            DatasetFeatureStatistics inferred =
                    compute(file, CsvOptions.DEFAULT, 1, 0).statistics().getDatasets(0);
            DatasetFeatureStatistics typed = compute(file, CsvOptions.DEFAULT.withColumnTypes(typesOf(TABLE)), 1, 0)
                    .statistics()
                    .getDatasets(0);
            assertThat(typed).isEqualTo(inferred);
            TABLE.assertMatches(typed, OPTIONS);
        }

        @Test
        void throughTheSchemaOfTheFacade() throws IOException {
            Path file = TABLE.write(dir.resolve("table.csv"), CsvTable.Style.PLAIN);
            Schema schema = schema(
                    "trips",
                    dev.veracity.proto.FeatureType.INT,
                    "fare",
                    dev.veracity.proto.FeatureType.FLOAT,
                    "city",
                    dev.veracity.proto.FeatureType.BYTES,
                    "nothing",
                    dev.veracity.proto.FeatureType.INT,
                    "mixed",
                    dev.veracity.proto.FeatureType.FLOAT);
            ComputedStatistics typed =
                    Veracity.statistics(file).withSchema(schema).compute();
            assertThat(typed.statistics())
                    .isEqualTo(Veracity.statistics(file).compute().statistics());
        }
    }

    @Nested
    class TypesThatWiden {
        @Test
        void aFloatSchemaOnAnIntegerColumnGivesFloatStatistics() throws IOException {
            CsvTable ints = CsvTable.ofText(
                    List.of("n", "s"),
                    List.of(FLOAT, STRING),
                    List.of(List.of("1", "", "-3", "40", "7"), List.of("a", "b", "", "1", "2.5")));
            Path file = ints.write(dir.resolve("ints.csv"), CsvTable.Style.PLAIN);
            DatasetFeatureStatistics typed = compute(file, CsvOptions.DEFAULT.withColumnTypes(Map.of("n", FLOAT)), 1, 0)
                    .statistics()
                    .getDatasets(0);
            assertThat(typed.getFeatures(0).getType()).isEqualTo(FeatureNameStatistics.Type.FLOAT);
            ints.assertMatches(typed, OPTIONS);
        }

        @Test
        void aBytesSchemaOnANumericColumnGivesStringStatistics() throws IOException {
            CsvTable numbers = CsvTable.ofText(
                    List.of("zip", "x"),
                    List.of(STRING, FLOAT),
                    List.of(List.of("01234", "", "98765", "01234"), List.of("1", "2.5", "", "3")));
            Path file = numbers.write(dir.resolve("zip.csv"), CsvTable.Style.PLAIN);
            ComputedStatistics typed = Veracity.statistics(file)
                    .withSchema(schema("zip", dev.veracity.proto.FeatureType.BYTES))
                    .compute();
            numbers.assertMatches(typed.statistics().getDatasets(0), OPTIONS);
        }

        @Test
        void structFeaturesAndFeaturesNotInTheFileAreIgnored() throws IOException {
            Path file = write("a,b\n1,x\n2,y\n");
            Schema schema =
                    schema("a", dev.veracity.proto.FeatureType.STRUCT, "missing", dev.veracity.proto.FeatureType.FLOAT);
            ComputedStatistics typed =
                    Veracity.statistics(file).withSchema(schema).compute();
            assertThat(typed.statistics())
                    .isEqualTo(Veracity.statistics(file).compute().statistics());
        }
    }

    @Nested
    class ValuesNotOfTheSchemaType {
        /** 200 good rows, a multi-line quoted record, then the bad value on line 205. */
        private Path fileWithBadFareOnLine205() throws IOException {
            StringBuilder text = new StringBuilder("id,note,fare\n");
            for (int i = 0; i < 200; i++) {
                text.append(i).append(",ok,").append(i * 0.5).append('\n');
            }
            text.append("200,\"three\nline\nnote\",1.5\n"); // lines 202 to 204
            text.append("201,ok,abc\n"); // line 205
            text.append("202,ok,2\n");
            return write(text.toString());
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 4})
        void failNamingFileLineAndColumn(int threads) throws IOException {
            Path file = fileWithBadFareOnLine205();
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(Map.of("id", INT, "note", STRING, "fare", FLOAT));
            for (long chunkBytes : new long[] {0, 64, 200}) {
                assertThatThrownBy(() -> compute(file, csv, threads, chunkBytes))
                        .isInstanceOf(InputException.class)
                        .hasMessage(file + ":205:3 (fare): expected FLOAT as the schema says, found \"abc\"")
                        .extracting(e -> ((InputException) e).errorCode())
                        .isEqualTo(ErrorCode.CSV_VALUE_NOT_OF_SCHEMA_TYPE);
            }
        }

        @Test
        void failAlsoWhenOtherColumnsAreInferred() throws IOException {
            Path file = fileWithBadFareOnLine205();
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(Map.of("fare", FLOAT));
            assertThatThrownBy(() -> compute(file, csv, 4, 64))
                    .isInstanceOf(InputException.class)
                    .hasMessage(file + ":205:3 (fare): expected FLOAT as the schema says, found \"abc\"");
        }

        @Test
        void anIntegerBeyondInt64IsNotAnInt() throws IOException {
            Path file = write("n\n1\n9223372036854775808\n");
            assertThatThrownBy(() -> compute(file, CsvOptions.DEFAULT.withColumnTypes(Map.of("n", INT)), 1, 0))
                    .isInstanceOf(InputException.class)
                    .hasMessage(
                            file
                                    + ":3:1 (n): expected INT as the schema says, found \"9223372036854775808\" (outside int64)");
        }

        @Test
        void aFloatIsNotAnInt() throws IOException {
            Path file = write("n\n1\n2.5\n");
            assertThatThrownBy(() -> compute(file, CsvOptions.DEFAULT.withColumnTypes(Map.of("n", INT)), 1, 0))
                    .isInstanceOf(InputException.class)
                    .hasMessage(file + ":3:1 (n): expected INT as the schema says, found \"2.5\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"veracity:pii", "veracity:pii=EMAIL_ADDRESS"})
        void aValueOfAPiiFeatureIsNeverQuoted(String tag) throws IOException {
            Path file = write("id,contact\n1,42\n2,alice@example.com\n");
            Schema schema = Schema.newBuilder()
                    .addFeature(Feature.newBuilder()
                            .setName("contact")
                            .setType(dev.veracity.proto.FeatureType.INT)
                            .setAnnotation(
                                    dev.veracity.proto.Annotation.newBuilder().addTag(tag)))
                    .build();
            assertThatThrownBy(() -> Veracity.statistics(file)
                            .withSchema(schema)
                            .withThreads(1)
                            .compute())
                    .isInstanceOf(InputException.class)
                    .hasMessage(file + ":3:2 (contact): expected INT as the schema says, found a value that is not "
                            + "an INT (not shown: the schema marks the feature PII)")
                    .hasMessageNotContaining("alice");
            Schema unmarked = schema.toBuilder()
                    .setFeature(0, schema.getFeature(0).toBuilder().clearAnnotation())
                    .build();
            assertThatThrownBy(
                            () -> Veracity.statistics(file).withSchema(unmarked).compute())
                    .hasMessageEndingWith("found \"alice@example.com\"");
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void skippedRecordsAreCountedAndLeftOutWhole(boolean everyColumnTyped) throws IOException {
            // Rows with a bad "n" are skipped whole: their "s" ("zzz") must not count, nor widen an inferred type.
            CsvTable kept = generated(7, 3_000);
            StringBuilder text = new StringBuilder("n,x,s\n");
            byte[] bytes = kept.toBytes(CsvTable.Style.PLAIN);
            String body = new String(bytes, UTF_8);
            String[] records = body.substring(body.indexOf('\n') + 1).split("(?<=\n)(?=[-0-9,])");
            int bad = 0;
            for (int r = 0; r < records.length; r++) {
                text.append(records[r]);
                if (r % 100 == 0) {
                    text.append("oops,1.0,zzz\n");
                    bad++;
                }
            }
            Path file = write(text.toString());
            Map<String, FeatureType> types = everyColumnTyped ? typesOf(kept) : Map.of("n", INT);
            CsvOptions csv = CsvOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withColumnTypes(types);
            for (int threads : new int[] {1, 4}) {
                ComputedStatistics computed = compute(file, csv, threads, threads == 1 ? 0 : 4096);
                assertThat(computed.skippedRecords())
                        .as("skipped, %d threads", threads)
                        .isEqualTo(bad);
                kept.assertMatches(computed.statistics().getDatasets(0), OPTIONS);
            }
        }
    }

    @Nested
    class Parallel {
        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void severalThreadsGiveTheStatisticsOfOne(boolean everyColumnTyped) throws IOException {
            CsvTable table = generated(11, 20_000);
            Path file = table.write(dir.resolve("big.csv"), CsvTable.Style.PLAIN);
            Map<String, FeatureType> types = everyColumnTyped ? typesOf(table) : Map.of("x", FLOAT);
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(types);
            DatasetFeatureStatistics one = compute(file, csv, 1, 0).statistics().getDatasets(0);
            DatasetFeatureStatistics many =
                    compute(file, csv, 4, 16_384).statistics().getDatasets(0);
            table.assertMatches(one, OPTIONS);
            table.assertMatches(many, OPTIONS);
        }

        @Test
        void everyColumnTypedSkipsTheFirstPass() throws IOException {
            CsvTable table = generated(12, 20_000);
            Path file = table.write(dir.resolve("big.csv"), CsvTable.Style.PLAIN);
            Set<String> phases = ConcurrentHashMap.newKeySet();
            Progress progress = (phase, done, total) -> phases.add(phase);
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(typesOf(table));
            DatasetFeatureStatistics typed = new CsvStatistics(csv, OPTIONS, 4, progress, 16_384)
                    .compute(List.of(file), "")
                    .statistics()
                    .getDatasets(0);
            assertThat(phases).containsExactly("computing statistics");
            table.assertMatches(typed, OPTIONS);

            phases.clear(); // the other types are guessed from the first rows, and hold: one pass too
            CsvOptions partly = CsvOptions.DEFAULT.withColumnTypes(Map.of("n", INT));
            new CsvStatistics(partly, OPTIONS, 4, progress, 16_384).compute(List.of(file), "");
            assertThat(phases).containsExactly("computing statistics");

            phases.clear(); // a sample needs the rows' positions first
            new CsvStatistics(partly, OPTIONS, 4, progress, 16_384)
                    .withSampling(new Sampling(0.5, 1))
                    .compute(List.of(file), "");
            assertThat(phases).containsExactlyInAnyOrder("inferring column types", "computing statistics");
        }

        @Test
        void aWrongGuessOfAChunkStartFallsBackToVerifiedChunks() throws IOException {
            // An unquoted field with a quote makes the planner's quote parity wrong for every later chunk.
            StringBuilder text = new StringBuilder("n,s\n1,ab\"c\n");
            for (int i = 0; i < 5_000; i++) {
                text.append(i).append(",\"x\ny\"\n");
            }
            Path file = write(text.toString());
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(Map.of("n", INT, "s", STRING));
            ComputedStatistics one = compute(file, csv, 1, 0);
            ComputedStatistics many = compute(file, csv, 4, 1024);
            assertThat(many.statistics().getDatasets(0).getNumExamples()).isEqualTo(5_001);
            NumericStatistics n =
                    many.statistics().getDatasets(0).getFeatures(0).getNumStats();
            NumericStatistics nOfOne =
                    one.statistics().getDatasets(0).getFeatures(0).getNumStats();
            assertThat(n.getCommonStats().getNumNonMissing()).isEqualTo(5_001);
            assertThat(List.of(n.getMin(), n.getMax(), n.getNumZeros())).isEqualTo(List.of(0.0, 4999.0, 1L));
            assertThat(n.getMean()).isCloseTo(nOfOne.getMean(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(many.statistics().getDatasets(0).getFeatures(1))
                    .isEqualTo(one.statistics().getDatasets(0).getFeatures(1));
        }
    }

    @Nested
    class Categorical {
        @Test
        void anIntColumnWithACategoricalDomainGetsStringStatistics() throws IOException {
            Path file = write("code,x\n10,1\n7,2\n10,3\n,4\n007,5\n");
            Schema schema = Schema.newBuilder()
                    .addFeature(Feature.newBuilder()
                            .setName("code")
                            .setType(dev.veracity.proto.FeatureType.INT)
                            .setIntDomain(IntDomain.newBuilder().setIsCategorical(true)))
                    .build();
            FeatureNameStatistics code = Veracity.statistics(file)
                    .withSchema(schema)
                    .compute()
                    .statistics()
                    .getDatasets(0)
                    .getFeatures(0);
            assertThat(code.getType()).isEqualTo(FeatureNameStatistics.Type.INT);
            assertThat(code.hasNumStats()).isFalse();
            // "007" is the integer 7: labelled by its decimal string, as TFDV's str(v)
            assertThat(code.getStringStats().getTopValuesList())
                    .extracting(v -> v.getValue() + "=" + v.getFrequency())
                    .containsExactly("7=2.0", "10=2.0"); // ties: the greater label first, as TFDV
            assertThat(code.getStringStats().getUnique()).isEqualTo(2);
            assertThat(code.getStringStats().getAvgLength()).isEqualTo(1.5f);
            assertThat(code.getStringStats().getCommonStats().getNumMissing()).isEqualTo(1);
        }
    }

    @Nested
    class Reader {
        @Test
        void readsTypedColumnsAndRejectsValuesNotOfTheirType() throws IOException {
            Path file = write("n,s\n1,a\n2.5,b\n3,c\n");
            CsvOptions csv = CsvOptions.DEFAULT.withColumnTypes(Map.of("n", FLOAT, "s", STRING));
            try (CsvReader reader = CsvReader.open(file, csv)) {
                assertThat(reader.columnTypes()).containsExactly(FLOAT, STRING);
                Optional<RecordBatch> batch = reader.next();
                assertThat(batch.orElseThrow().rowCount()).isEqualTo(3);
            }
            CsvOptions skipInts =
                    CsvOptions.DEFAULT.withBadRecords(BadRecords.SKIP).withColumnTypes(Map.of("n", INT));
            try (CsvReader reader = CsvReader.open(file, skipInts)) {
                assertThat(reader.columnTypes()).containsExactly(INT, STRING);
                assertThat(reader.next().orElseThrow().rowCount()).isEqualTo(2);
                assertThat(reader.skippedRecords()).isEqualTo(1);
            }
        }
    }
}
