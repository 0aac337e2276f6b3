package dev.veracity.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value of the wrong type in an op's input column fails naming file, line and column, or is skipped and counted. */
class BadRecordsTest {
    private static final String SPEC = """
            transforms:
              - {name: z, op: scale_to_z_score, input: x}
              - {name: v, op: compute_and_apply_vocabulary, input: n}
            keep: [id]
            """;

    @TempDir
    Path dir;

    private TransformFn fitted() throws IOException {
        Path train = Fitting.csv(dir, "train.csv", "id,x,n", List.of("a,1.5,1", "b,2,2", "c,3.5,1"));
        return Fitting.fit(dir, SPEC, train);
    }

    private static TransformApply.Applied apply(TransformFn fn, Path data, Path out, BadRecords policy)
            throws IOException {
        return TransformApply.apply(
                fn,
                OutputSchema.input(fn, java.util.Map.of()),
                List.of(data),
                ReadOptions.DEFAULT.withBadRecords(policy),
                out,
                Optional.empty());
    }

    @Test
    void textInANumericInputFailsNamingFileLineAndColumn() throws IOException {
        TransformFn fn = fitted();
        Path eval = Fitting.csv(dir, "eval.csv", "id,x,n", List.of("d,4,1", "e,many,2", "f,5,1"));
        Path out = dir.resolve("out.csv");
        assertThatThrownBy(() -> apply(fn, eval, out, BadRecords.FAIL))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(eval + ":3:2")
                .hasMessageContaining("(x)")
                .hasMessageContaining("found \"many\"")
                .extracting(e -> ((InputException) e).errorCode())
                .isEqualTo(ErrorCode.CSV_VALUE_NOT_OF_SCHEMA_TYPE);
        assertThat(out).doesNotExist();
        Path word = Fitting.csv(dir, "word.csv", "id,x,n", List.of("d,4,1", "e,4.5,two"));
        assertThatThrownBy(() -> apply(fn, word, out, BadRecords.FAIL)).hasMessageStartingWith(word + ":3:3");
    }

    @Test
    void skipDropsTheRowAndCountsIt() throws IOException {
        TransformFn fn = fitted();
        Path eval = Fitting.csv(dir, "eval.csv", "id,x,n", List.of("d,4,1", "e,many,2", "f,5,1", "g,6,x"));
        Path out = dir.resolve("out.csv");
        TransformApply.Applied done = apply(fn, eval, out, BadRecords.SKIP);
        assertThat(done.examples()).isEqualTo(2);
        assertThat(done.skippedRecords()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).endsWith(",d");
        assertThat(lines.get(2)).endsWith(",f");
    }

    @Test
    void aDecimalInAnIntegerColumnOfANumericOpIsANumber() throws IOException {
        Path train = Fitting.csv(dir, "train.csv", "id,x,n", List.of("a,1,1", "b,2,2", "c,3,1"));
        TransformFn fn = Fitting.fit(dir, SPEC, train);
        Path eval = Fitting.csv(dir, "eval.csv", "id,x,n", List.of("d,2.5,1"));
        Path out = dir.resolve("out.jsonl");
        apply(fn, eval, out, BadRecords.FAIL);
        Constants z = fn.constants().get(0);
        assertThat(Files.readString(out)).contains("\"z\":" + (2.5 - z.mean()) / z.stdDev());
    }

    @Test
    void aFitWhoseLaterRowsWidenTheFirstRowsTypesEqualsAnInferringFit() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < CsvTyping.GUESS_ROWS + 10; i++) {
            lines.add("r" + i + "," + i + "," + (i % 3));
        }
        lines.add("late,7.25,word");
        Path train = Fitting.csv(dir, "train.csv", "id,x,n", lines);
        TransformFn guessed = Fitting.fit(dir, SPEC, train);
        assertThat(guessed.inputTypes())
                .containsEntry("x", dev.veracity.data.FeatureType.FLOAT)
                .containsEntry("n", dev.veracity.data.FeatureType.STRING);
        assertThat(guessed.constants().get(1).vocabulary()).contains("word");
    }

    /** The eval rows as CSV, then in another format (Avro written here: convert does not write it). */
    private Path evalAs(String extension) throws IOException {
        Path csv = Fitting.csv(dir, "eval-src.csv", "id,x,n", List.of("d,,1", "e,many,2", "f,,1"));
        Path out = dir.resolve("eval." + extension);
        if (extension.equals("avro")) {
            org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser()
                    .parse("{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
                            + "{\"name\":\"x\",\"type\":[\"null\",\"string\"]},{\"name\":\"n\",\"type\":\"long\"}]}");
            try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> writer =
                    new org.apache.avro.file.DataFileWriter<>(
                            new org.apache.avro.generic.GenericDatumWriter<>(schema))) {
                writer.create(schema, out.toFile());
                String[][] rows = {{"d", null, "1"}, {"e", "many", "2"}, {"f", null, "1"}};
                for (String[] row : rows) {
                    org.apache.avro.generic.GenericRecord record =
                            new org.apache.avro.generic.GenericData.Record(schema);
                    record.put("id", row[0]);
                    record.put("x", row[1]);
                    record.put("n", Long.parseLong(row[2]));
                    writer.append(record);
                }
            }
            return out;
        }
        dev.veracity.io.convert.Converter.convert(List.of(csv), ReadOptions.DEFAULT, out);
        return out;
    }

    @Test
    void textInANumericInputOfEveryOtherFormatFailsNamingItsPlaceAndColumn() throws IOException {
        TransformFn fn = fitted();
        Map<String, String> places = Map.of(
                "jsonl", ":2, column x",
                "tfrecord", ": record 2, column x",
                "avro", ": record 2, column x",
                "parquet", " row group 0, row 2, column x");
        for (Map.Entry<String, String> format : places.entrySet()) {
            Path eval = evalAs(format.getKey());
            Path out = dir.resolve("out.jsonl");
            assertThatThrownBy(() -> apply(fn, eval, out, BadRecords.FAIL))
                    .as(format.getKey())
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(eval + format.getValue())
                    .hasMessageContaining("found \"many\"")
                    .extracting(e -> ((InputException) e).errorCode())
                    .isEqualTo(ErrorCode.TRANSFORM_VALUE_INVALID);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void skipLeavesOutAndCountsTextInANumericInputOfEveryFormat() throws IOException {
        TransformFn fn = fitted();
        for (String extension : List.of("csv", "jsonl", "tfrecord", "avro", "parquet")) {
            Path eval = extension.equals("csv")
                    ? Fitting.csv(dir, "eval.csv", "id,x,n", List.of("d,,1", "e,many,2", "f,,1"))
                    : evalAs(extension);
            Path out = dir.resolve("out-" + extension + ".jsonl");
            TransformApply.Applied done = apply(fn, eval, out, BadRecords.SKIP);
            assertThat(done.examples()).as(extension).isEqualTo(2);
            assertThat(done.skippedRecords()).as(extension).isEqualTo(1);
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).as(extension).hasSize(2);
            assertThat(lines.get(0)).contains("\"id\":\"d\"");
            assertThat(lines.get(1)).contains("\"id\":\"f\"");
        }
    }
}
