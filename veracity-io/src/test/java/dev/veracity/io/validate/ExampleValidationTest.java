package dev.veracity.io.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.TextFormat;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.proto.DatasetFeatureStatistics;
import dev.veracity.proto.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated data with one injected fault of every kind in some rows: exactly the faulty rows are flagged, each with
 * exactly the TFDV reason its fault must give (the oracle is the list of faults injected), and clean data flags none.
 */
class ExampleValidationTest {
    static final Schema SCHEMA = parse("""
            default_environment: "TRAINING"
            default_environment: "SERVING"
            feature { name: "clicks" type: INT int_domain { min: 0 max: 100 } presence { min_fraction: 1 min_count: 1 } }
            feature { name: "fare" type: FLOAT float_domain { min: 0 max: 500 disallow_nan: true } }
            feature { name: "speed" type: FLOAT float_domain { disallow_inf: true } }
            feature { name: "company" type: BYTES string_domain { value: "A" value: "B" value: "C" } }
            feature { name: "label" type: INT not_in_environment: "SERVING" }
            feature { name: "email" type: BYTES annotation { tag: "veracity:pii" } }
            feature { name: "tags" type: BYTES value_count { min: 1 max: 3 } }
            """);

    @TempDir
    Path dir;

    static Schema parse(String text) {
        try {
            return TextFormat.parse(text, Schema.class);
        } catch (TextFormat.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fault: the cell it changes, the text it writes there (null: empty), and the reason it must give. */
    record Fault(String feature, String cell, String reason) {}

    static final List<Fault> CSV_FAULTS = List.of(
            new Fault("clicks", "many", "UNEXPECTED_DATA_TYPE"),
            new Fault("clicks", "-5", "INT_TYPE_SMALL_INT"),
            new Fault("clicks", "101", "INT_TYPE_BIG_INT"),
            new Fault("fare", "-1.5", "FLOAT_TYPE_SMALL_FLOAT"),
            new Fault("fare", "600", "FLOAT_TYPE_BIG_FLOAT"),
            new Fault("fare", "nan", "FLOAT_TYPE_HAS_NAN"),
            new Fault("speed", "inf", "FLOAT_TYPE_HAS_INF"),
            new Fault("company", "Z", "ENUM_TYPE_UNEXPECTED_STRING_VALUES"),
            new Fault("clicks", null, "FEATURE_TYPE_NOT_PRESENT"),
            new Fault("label", "1", "SCHEMA_NEW_COLUMN"));

    private static final List<String> COLUMNS = List.of("clicks", "fare", "speed", "company", "label", "email", "tags");

    /** Writes rows of which about one in five has one fault; {@code expected} gets row -> feature -> reason. */
    private Path csv(int rows, long seed, Map<Long, Map<String, List<String>>> expected) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (long row = 1; row <= rows; row++) {
            Map<String, String> cells = new TreeMap<>();
            cells.put("clicks", Integer.toString(random.nextInt(101)));
            cells.put("fare", Double.toString(random.nextInt(50000) / 100.0));
            cells.put("speed", random.nextBoolean() ? "" : Double.toString(random.nextDouble() * 90));
            cells.put("company", List.of("A", "B", "C").get(random.nextInt(3)));
            cells.put("email", "user" + row + "@example.com");
            cells.put("tags", "t" + random.nextInt(4));
            if (random.nextInt(5) == 0) {
                Fault fault = CSV_FAULTS.get(random.nextInt(CSV_FAULTS.size()));
                cells.put(fault.feature(), fault.cell() == null ? "" : fault.cell());
                expected.put(row, Map.of(fault.feature(), List.of(fault.reason())));
            }
            List<String> line = new ArrayList<>();
            for (String column : COLUMNS) {
                line.add(cells.getOrDefault(column, ""));
            }
            text.append(String.join(",", line)).append('\n');
        }
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text, UTF_8);
        return file;
    }

    private static ExampleValidation validation(int threads) {
        return ExampleValidation.of(SCHEMA)
                .environment("SERVING")
                .threads(threads)
                .read(ReadOptions.DEFAULT.withCsv(CsvOptions.DEFAULT.withBatchSize(64)));
    }

    private static Map<Long, Map<String, List<String>>> flagged(List<ValidatedBatch> batches) {
        Map<Long, Map<String, List<String>>> flagged = new TreeMap<>();
        for (ValidatedBatch batch : batches) {
            for (ValidatedBatch.Example example : batch.examples()) {
                flagged.put(example.row(), example.features());
            }
        }
        return flagged;
    }

    @Test
    void exactlyTheFaultyRowsAreFlaggedWithTheirReasons() throws IOException {
        Map<Long, Map<String, List<String>>> expected = new TreeMap<>();
        Path file = csv(2000, 7, expected);
        List<ValidatedBatch> batches = new ArrayList<>();
        ExampleValidationResult result = validation(3).run(List.of(file), batches::add);
        assertThat(expected).hasSizeGreaterThan(300);
        assertThat(flagged(batches)).isEqualTo(expected);
        assertThat(result.rows()).isEqualTo(2000);
        assertThat(result.anomalousRows()).isEqualTo(expected.size());
        Map<String, Long> counts = new TreeMap<>();
        expected.values()
                .forEach(features -> features.forEach(
                        (feature, reasons) -> counts.merge(feature + "_" + reasons.get(0), 1L, Long::sum)));
        assertThat(result.counts()).isEqualTo(counts);
        assertThat(result.statistics().getDatasetsList())
                .extracting(DatasetFeatureStatistics::getName)
                .containsExactlyElementsOf(counts.keySet());
        for (DatasetFeatureStatistics dataset : result.statistics().getDatasetsList()) {
            assertThat(dataset.getNumExamples()).isEqualTo(counts.get(dataset.getName()));
        }
    }

    @Test
    void cleanDataFlagsNothing() throws IOException {
        Map<Long, Map<String, List<String>>> expected = new TreeMap<>();
        Path file = csv(1500, 11, expected);
        // rewrite without the faulty rows
        List<String> lines = Files.readAllLines(file, UTF_8);
        List<String> clean = new ArrayList<>(List.of(lines.get(0)));
        for (int row = 1; row < lines.size(); row++) {
            if (!expected.containsKey((long) row)) {
                clean.add(lines.get(row));
            }
        }
        Files.write(file, clean, UTF_8);
        ExampleValidationResult result = validation(2).run(List.of(file), ExampleSink.NONE);
        assertThat(result.isClean()).isTrue();
        assertThat(result.rows()).isEqualTo(clean.size() - 1);
        assertThat(result.statistics().getDatasetsCount()).isZero();
    }

    @Test
    void resultIsTheSameForAnyNumberOfThreads() throws IOException {
        Path file = csv(1000, 3, new TreeMap<>());
        ExampleValidationResult one = validation(1).run(List.of(file), ExampleSink.NONE);
        ExampleValidationResult four = validation(4).run(List.of(file), ExampleSink.NONE);
        assertThat(four.statistics().toByteArray()).isEqualTo(one.statistics().toByteArray());
        assertThat(four.counts()).isEqualTo(one.counts());
    }

    @Test
    void examplesOutNamesRowLineReasonsAndHidesPii() throws IOException {
        Path file = dir.resolve("small.csv");
        Files.writeString(
                file,
                "clicks,fare,speed,company,label,email,tags\n"
                        + "1,2.5,,A,,a@b.c,t\n"
                        + "\n"
                        + "-3,2.5,,A,,\"x\ny\",t\n"
                        + "4,2.5,,Q,,z@b.c,t\n",
                UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnomalousExamplesWriter writer =
                new AnomalousExamplesWriter(out, dev.veracity.stats.PiiProtection.features(SCHEMA), 10);
        validation(1).run(List.of(file), writer);
        writer.finish();
        assertThat(out.toString(UTF_8))
                .isEqualTo("{\"row\":2,\"line\":4,\"file\":\"" + file + "\",\"reasons\":[\"INT_TYPE_SMALL_INT\"],"
                        + "\"features\":{\"clicks\":[\"INT_TYPE_SMALL_INT\"]},"
                        + "\"values\":{\"clicks\":-3,\"fare\":2.5,\"company\":\"A\",\"tags\":\"t\"}}\n"
                        + "{\"row\":3,\"line\":6,\"file\":\"" + file + "\",\"reasons\":"
                        + "[\"ENUM_TYPE_UNEXPECTED_STRING_VALUES\"],"
                        + "\"features\":{\"company\":[\"ENUM_TYPE_UNEXPECTED_STRING_VALUES\"]},"
                        + "\"values\":{\"clicks\":4,\"fare\":2.5,\"company\":\"Q\",\"tags\":\"t\"}}\n");
    }

    @Test
    void jsonLinesValueCountsAndQuarantine() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, """
                {"clicks": 1, "fare": 2.0, "tags": ["a"]}
                {"clicks": 2, "fare": 2.0, "tags": []}
                {"clicks": 3, "fare": 2.0, "tags": ["a", "b", "c", "d"]}

                {"clicks": 4, "fare": 2.0, "tags": ["a", "b", "c"]}
                """, UTF_8);
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        Quarantine quarantine = Quarantine.of(DataFormat.JSONL, List.of(), clean, bad);
        List<ValidatedBatch> batches = new ArrayList<>();
        validation(2).run(List.of(file), ExampleSink.all(List.of(batches::add, quarantine)));
        quarantine.finish();
        assertThat(flagged(batches))
                .isEqualTo(Map.of(
                        2L, Map.of("tags", List.of("FEATURE_TYPE_LOW_NUMBER_VALUES")),
                        3L, Map.of("tags", List.of("FEATURE_TYPE_HIGH_NUMBER_VALUES"))));
        assertThat(batches.get(0).examples().get(1).line()).isEqualTo(3);
        assertThat(clean.toString(UTF_8))
                .isEqualTo("{\"clicks\":1,\"fare\":2.0,\"tags\":\"a\"}\n"
                        + "{\"clicks\":4,\"fare\":2.0,\"tags\":[\"a\",\"b\",\"c\"]}\n");
        assertThat(bad.toString(UTF_8).lines()).hasSize(2);
        assertThat(quarantine.cleanRows()).isEqualTo(2);
        assertThat(quarantine.quarantinedRows()).isEqualTo(2);
    }

    @Test
    void csvQuarantineKeepsCellsAsWritten() throws IOException {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "clicks,fare,company\n007,1.50,A\n-1,1.0,B\n", UTF_8);
        ByteArrayOutputStream clean = new ByteArrayOutputStream();
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        Quarantine quarantine = Quarantine.of(
                DataFormat.CSV,
                Stream.of("clicks", "fare", "company")
                        .map(name -> new ParquetColumn(name, FeatureType.STRING, false))
                        .toList(),
                clean,
                bad);
        validation(1).run(List.of(file), quarantine);
        quarantine.finish();
        assertThat(clean.toString(UTF_8)).isEqualTo("clicks,fare,company\n007,1.50,A\n");
        assertThat(bad.toString(UTF_8)).isEqualTo("clicks,fare,company\n-1,1.0,B\n");
    }

    @Test
    void avroIsReadButNotQuarantined() {
        assertThatThrownBy(() -> Quarantine.extension(DataFormat.AVRO))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Veracity reads Avro but does not write it");
        assertThat(Quarantine.extension(DataFormat.PARQUET)).isEqualTo("parquet");
        assertThat(Quarantine.extension(DataFormat.TFRECORD)).isEqualTo("tfrecord");
    }
}
