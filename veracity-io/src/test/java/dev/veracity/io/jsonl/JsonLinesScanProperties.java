package dev.veracity.io.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.BadRecords;
import dev.veracity.io.Progress;
import dev.veracity.testing.SeededProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type inference on several threads gives the plan of one sequential read, field by field (types, order, the line a
 * type was first seen at) and range by range, on generated files built to be awkward: a key INT in one range and FLOAT
 * in another, only nulls, only empty arrays, arrays then numbers, nested objects whose dotted name is also a flat key,
 * keys that appear late, blank lines, CRLF, a byte-order mark, no final line end, gzip files; and files that conflict
 * across ranges or hold malformed lines, where it must fail or skip exactly as the sequential read does. The reader
 * of one file ({@code convert}'s) gives the same rows, types and errors on any number of threads.
 */
class JsonLinesScanProperties {
    @TempDir
    Path dir;

    @SeededProperty(tries = 60)
    void parallelInferenceIsTheSequentialPlan(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonInput> inputs = new ArrayList<>();
        int files = 1 + random.nextInt(3);
        boolean awkward = random.nextInt(3) == 0; // conflicts or malformed lines somewhere
        for (int f = 0; f < files; f++) {
            inputs.add(write(random, f, awkward));
        }
        long rangeBytes = new long[] {1, 16, 64, 200, 4096, 1 << 20}[random.nextInt(6)];
        // Well-formed throughout (no malformed line, no conflict, no empty file: one sequential read does not fail).
        // Not only when awkward: a line with both "d": {"e": ...} and "d.e" holds one key twice, which is malformed.
        boolean wellFormed = !describe(inputs, BadRecords.FAIL, rangeBytes, 1).startsWith("error ");
        for (BadRecords badRecords : BadRecords.values()) {
            String sequential = describe(inputs, badRecords, rangeBytes, 1);
            assertThat(describe(inputs, badRecords, rangeBytes, 2)).isEqualTo(sequential);
            assertThat(describe(inputs, badRecords, rangeBytes, 4)).isEqualTo(sequential);
            // Without malformed lines or conflicts, the parallel scan itself decides (no fallback), and is right.
            Optional<JsonLinesPlan> parallel =
                    JsonLinesScan.scan(inputs, JsonLineParser.newFactory(), rangeBytes, Progress.NONE, 3);
            if (wellFormed) {
                assertThat(parallel).isPresent();
            }
            if (parallel.isPresent()) {
                assertThat(describe(parallel.get())).isEqualTo(sequential);
            }
        }
    }

    @SeededProperty(tries = 40)
    void theReaderOfOneFileGivesTheSequentialReadOnAnyThreads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonInput input = write(random, 0, random.nextInt(3) == 0);
        long rangeBytes = new long[] {1, 16, 64, 200, 4096}[random.nextInt(5)];
        for (BadRecords badRecords : BadRecords.values()) {
            JsonLinesOptions options = new JsonLinesOptions(badRecords, 1 + random.nextInt(8));
            String sequential = read(input.path(), options, Long.MAX_VALUE, 1);
            assertThat(read(input.path(), options, rangeBytes, 2)).isEqualTo(sequential);
            assertThat(read(input.path(), options, rangeBytes, 4)).isEqualTo(sequential);
        }
    }

    /** {@return what a reader gives, as text: features, types, every row's cells, the lines skipped; or its error} */
    private static String read(Path file, JsonLinesOptions options, long rangeBytes, int threads) throws IOException {
        StringBuilder text = new StringBuilder();
        try (JsonLinesReader reader = JsonLinesReader.open(file, options, Progress.NONE, rangeBytes, threads)) {
            text.append(reader.featureNames())
                    .append(' ')
                    .append(reader.featureTypes())
                    .append('\n');
            for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
                RecordBatch batch = b.get();
                text.append("batch ").append(batch.rowCount()).append('\n');
                for (int row = 0; row < batch.rowCount(); row++) {
                    for (Column column : batch.columns()) {
                        text.append(column.present()[row] ? "[" + ValueText.row(column, row) + "]" : "-")
                                .append(' ');
                    }
                    text.append('\n');
                }
            }
            text.append("skipped ").append(reader.skippedRecords());
        } catch (InputException e) {
            return "error " + e.errorCode() + " " + e.getMessage();
        }
        return text.toString();
    }

    @Test
    void aKeyIntInOneRangeAndFloatInAnotherIsFloatCitingTheFirstFloat() throws IOException {
        Path file = dir.resolve("widen.jsonl");
        Files.writeString(file, "{\"a\": 1}\n{\"a\": null}\n\n{\"a\": []}\n{\"a\": 2.5}\n{\"a\": 3}\n");
        List<JsonInput> inputs = List.of(JsonInput.of(file));
        assertThat(JsonLinesScan.scan(inputs, JsonLineParser.newFactory(), 1, Progress.NONE, 4))
                .isPresent();
        String parallel = describe(inputs, BadRecords.FAIL, 1, 4);
        assertThat(parallel).isEqualTo(describe(inputs, BadRecords.FAIL, 1, 1)).contains("a NUMBER float");
        assertThat(JsonLinesPlan.scan(inputs, BadRecords.FAIL, JsonLineParser.newFactory(), 1, Progress.NONE, 4)
                        .ranges())
                .hasSize(5);
    }

    @Test
    void aConflictAcrossRangesFailsWithTheSequentialMessage() throws IOException {
        Path file = dir.resolve("conflict.jsonl");
        Files.writeString(file, "{\"a\": 1}\n{\"b\": 1}\n{\"a\": \"x\"}\n");
        List<JsonInput> inputs = List.of(JsonInput.of(file));
        String sequential = describe(inputs, BadRecords.FAIL, 1, 1);
        assertThat(sequential).startsWith("error ").contains(":3:");
        assertThat(JsonLinesScan.scan(inputs, JsonLineParser.newFactory(), 1, Progress.NONE, 4))
                .isEmpty();
        assertThat(describe(inputs, BadRecords.FAIL, 1, 4)).isEqualTo(sequential);
        assertThat(describe(inputs, BadRecords.SKIP, 1, 4)).isEqualTo(describe(inputs, BadRecords.SKIP, 1, 1));
    }

    /** {@return the plan as text (every field's inferred state, every range), or the error of the scan} */
    private static String describe(List<JsonInput> inputs, BadRecords badRecords, long rangeBytes, int threads)
            throws IOException {
        JsonLinesPlan plan;
        try {
            plan = JsonLinesPlan.scan(
                    inputs, badRecords, JsonLineParser.newFactory(), rangeBytes, Progress.NONE, threads);
        } catch (InputException e) {
            return "error " + e.getMessage();
        }
        return describe(plan);
    }

    private static String describe(JsonLinesPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append("records ")
                .append(plan.records())
                .append(" skipped ")
                .append(plan.skipped())
                .append('\n');
        for (JsonField field : plan.columns()) {
            text.append(field.name)
                    .append(' ')
                    .append(field.shape)
                    .append(field.isFloat ? " float " : " int ")
                    .append(field.type())
                    .append(" at ")
                    .append(field.shapeFile)
                    .append(':')
                    .append(field.shapeLine)
                    .append(' ')
                    .append(field.firstType)
                    .append(" column ")
                    .append(field.column)
                    .append('\n');
        }
        for (JsonRange range : plan.ranges()) {
            text.append(range).append('\n');
        }
        return text.toString();
    }

    /** Writes one file: each key keeps to numbers or to strings within the dataset, unless {@code awkward}. */
    private JsonInput write(SplittableRandom random, int index, boolean awkward) throws IOException {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('\uFEFF');
        }
        int lines = 1 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "  \t" : "");
            } else {
                text.append(line(random, i, lines, awkward));
            }
            if (i < lines - 1 || random.nextBoolean()) {
                text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
        }
        boolean gzip = random.nextInt(5) == 0;
        Path file = dir.resolve("part-" + index + (gzip ? ".jsonl.gz" : ".jsonl"));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream out = new GZIPOutputStream(zipped)) {
                out.write(bytes);
            }
            bytes = zipped.toByteArray();
        }
        Files.write(file, bytes);
        return JsonInput.of(file);
    }

    private static String line(SplittableRandom random, int i, int lines, boolean awkward) {
        if (awkward && random.nextInt(12) == 0) {
            return random.nextBoolean() ? "{\"n\": " : "[1, 2]";
        }
        List<String> fields = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            fields.add("\"n\": " + number(random, awkward));
        }
        if (random.nextBoolean()) {
            fields.add("\"s\": " + (random.nextInt(4) == 0 ? "null" : "\"v" + random.nextInt(5) + "\""));
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"nulls\": null");
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"empty\": []");
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"list\": " + (random.nextBoolean() ? "[]" : "[1, null, 2.5]"));
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"d\": {\"e\": " + random.nextInt(9) + ", \"f\": {\"g\": \"x\"}}");
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"d.e\": " + (random.nextBoolean() ? "null" : "7"));
        }
        if (random.nextInt(5) == 0) {
            fields.add("\"flag\": " + random.nextBoolean());
        }
        if (i > lines / 2 && random.nextBoolean()) {
            fields.add("\"late\": " + (random.nextBoolean() ? "[\"a\", \"b\"]" : "null"));
        }
        if (random.nextInt(10) == 0) {
            fields.add("\"big\": 123456789012345678901234567890");
        }
        // Shuffle, so that first appearances differ from range to range.
        for (int k = fields.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            String t = fields.get(k);
            fields.set(k, fields.get(j));
            fields.set(j, t);
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private static String number(SplittableRandom random, boolean awkward) {
        return switch (random.nextInt(awkward ? 6 : 5)) {
            case 0 -> "null";
            case 1 -> "[]";
            case 2 -> Integer.toString(random.nextInt(100) - 50);
            case 3 -> random.nextInt(100) / 4.0 + "";
            case 4 -> "[" + random.nextInt(9) + "]";
            default -> "\"text\"";
        };
    }
}
