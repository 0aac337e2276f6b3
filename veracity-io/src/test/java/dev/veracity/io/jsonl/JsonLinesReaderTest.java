package dev.veracity.io.jsonl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.Column;
import dev.veracity.data.FeatureType;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
    static final FeatureType INT = FeatureType.INT;
    static final FeatureType FLOAT = FeatureType.FLOAT;
    static final FeatureType STRING = FeatureType.STRING;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return write(text.getBytes(UTF_8));
    }

    Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.jsonl"), bytes);
    }

    static List<RecordBatch> readAll(JsonLinesReader reader) throws IOException {
        List<RecordBatch> batches = new ArrayList<>();
        for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
            batches.add(b.get());
        }
        return batches;
    }

    static RecordBatch readOneBatch(Path file, JsonLinesOptions options) throws IOException {
        try (JsonLinesReader reader = JsonLinesReader.open(file, options)) {
            List<RecordBatch> batches = readAll(reader);
            assertThat(batches).hasSize(1);
            return batches.get(0);
        }
    }

    static RecordBatch readOneBatch(Path file) throws IOException {
        return readOneBatch(file, JsonLinesOptions.DEFAULT);
    }

    /**
     * {@return per row, null when missing, else the list of its values: Long, Double, or a String decoded from UTF-8}
     */
    static List<List<Object>> rows(Column column) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < column.rowCount(); r++) {
            if (!column.present()[r]) {
                rows.add(null);
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (int v = column.rowOffsets()[r]; v < column.rowOffsets()[r + 1]; v++) {
                values.add(value(column, v));
            }
            rows.add(values);
        }
        return rows;
    }

    static Object value(Column column, int v) {
        if (column instanceof IntColumn c) {
            return c.values()[v];
        }
        if (column instanceof FloatColumn c) {
            return c.values()[v];
        }
        return new String(stringBytes((StringColumn) column, v), UTF_8);
    }

    static byte[] stringBytes(StringColumn c, int v) {
        return Arrays.copyOfRange(c.bytes(), c.valueOffsets()[v], c.valueOffsets()[v + 1]);
    }

    /** {@return per row, null when missing, else its only value} */
    static List<Object> scalars(Column column) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows(column)) {
            assertThat(row == null || row.size() == 1)
                    .as("row %s holds one value", row)
                    .isTrue();
            values.add(row == null ? null : row.get(0));
        }
        return values;
    }

    static Column column(RecordBatch batch, String name) {
        return batch.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class Lines {
        @Test
        void readsOneRowPerObject() throws IOException {
            RecordBatch batch =
                    readOneBatch(write("{\"id\": 1, \"route\": \"park\"}\n{\"id\": 2, \"route\": \"river\"}\n"));
            assertThat(batch.rowCount()).isEqualTo(2);
            assertThat(batch.columns()).extracting(Column::name).containsExactly("id", "route");
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 2L);
            assertThat(scalars(batch.columns().get(1))).containsExactly("park", "river");
        }

        @Test
        void acceptsCrlfBlankLinesAndALastLineWithoutLineEnd() throws IOException {
            RecordBatch batch = readOneBatch(write("\r\n{\"a\":1}\r\n\n  \t \r\n{\"a\":2}\n\r\n{\"a\":3}"));
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 2L, 3L);
        }

        @Test
        void dropsAByteOrderMarkAtTheStart() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            bytes.writeBytes("{\"a\":1}\n{\"a\":2}\n".getBytes(UTF_8));
            RecordBatch batch = readOneBatch(write(bytes.toByteArray()));
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 2L);
        }

        @Test
        void acceptsWhitespaceInsideAndAroundTheObject() throws IOException {
            RecordBatch batch = readOneBatch(write("  {  \"a\" :\t1 ,\r\"b\":[ 1 , 2 ] }  \t\r\n"));
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L);
            assertThat(rows(batch.columns().get(1))).containsExactly(List.of(1L, 2L));
        }

        @Test
        void readsTheExampleFile() throws IOException, URISyntaxException {
            Path file = Path.of(
                    JsonLinesReaderTest.class.getResource("/jsonl/runs.jsonl").toURI());
            try (JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT)) {
                assertThat(reader.featureNames())
                        .containsExactly(
                                "date",
                                "runner",
                                "distance_km",
                                "laps_s",
                                "tags",
                                "weather.temp_c",
                                "weather.wind",
                                "finished",
                                "notes");
                assertThat(reader.featureTypes())
                        .containsExactly(STRING, STRING, FLOAT, INT, STRING, FLOAT, STRING, INT, STRING);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(batch.rowCount()).isEqualTo(6);
                assertThat(rows(column(batch, "laps_s")))
                        .containsExactly(
                                List.of(300L, 310L, 305L), List.of(), null, List.of(295L, 301L), null, List.of(330L));
                assertThat(scalars(column(batch, "finished"))).containsExactly(1L, 1L, 0L, 1L, null, 1L);
                assertThat(scalars(column(batch, "weather.temp_c"))).containsExactly(12.5, 9.0, null, 14.0, null, -1.5);
            }
        }
    }

    @Nested
    class Features {
        @Test
        void areTheUnionOfKeysInOrderOfFirstAppearance() throws IOException {
            Path file = write("{\"b\":1}\n{\"c\":\"x\",\"b\":2}\n{\"a\":1.5,\"c\":\"y\"}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT)) {
                assertThat(reader.featureNames()).containsExactly("b", "c", "a");
                assertThat(reader.featureTypes()).containsExactly(INT, STRING, FLOAT);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 2L, null);
                assertThat(scalars(batch.columns().get(1))).containsExactly(null, "x", "y");
                assertThat(scalars(batch.columns().get(2))).containsExactly(null, null, 1.5);
            }
        }

        @Test
        void flattenNestedObjectsToDottedPaths() throws IOException {
            Path file = write("{\"a\":{\"b\":1,\"c\":{\"d\":\"x\"}},\"e\":2}\n{\"a\":{\"c\":{\"d\":\"y\"}}}\n");
            RecordBatch batch = readOneBatch(file);
            assertThat(batch.columns()).extracting(Column::name).containsExactly("a.b", "a.c.d", "e");
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, null);
            assertThat(scalars(batch.columns().get(1))).containsExactly("x", "y");
            assertThat(scalars(batch.columns().get(2))).containsExactly(2L, null);
        }

        @Test
        void nameADottedKeyAndTheSameNestedPathAsOneFeature() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a.b\":1}\n{\"a\":{\"b\":2}}\n"));
            assertThat(batch.columns()).extracting(Column::name).containsExactly("a.b");
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 2L);
        }

        @Test
        void leaveOutKeysThatHoldObjectsAndEmptyObjects() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":{},\"b\":{\"c\":null}}\n{\"a\":null,\"d\":1}\n"));
            assertThat(batch.columns()).extracting(Column::name).containsExactly("b.c", "d");
            assertThat(scalars(batch.columns().get(0))).containsExactly(null, null);
        }

        @Test
        void includeAKeyThatIsAlwaysNullAsAnIntFeatureAlwaysMissing() throws IOException {
            Path file = write("{\"a\":null,\"b\":1}\n{\"b\":2}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT)) {
                assertThat(reader.featureNames()).containsExactly("a", "b");
                assertThat(reader.featureTypes()).containsExactly(INT, INT);
                assertThat(scalars(readAll(reader).get(0).columns().get(0))).containsExactly(null, null);
            }
        }

        @Test
        void treatNullAsAbsent() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":\"x\"}\n{\"a\":null}\n{}\n"));
            assertThat(scalars(batch.columns().get(0))).containsExactly("x", null, null);
            assertThat(batch.columns().get(0).present()).startsWith(true, false, false);
        }
    }

    @Nested
    class Values {
        @Test
        void readIntegersOfTheWholeInt64RangeAsInt() throws IOException {
            RecordBatch batch =
                    readOneBatch(write("{\"i\":9223372036854775807}\n{\"i\":-9223372036854775808}\n" + "{\"i\":-0}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(INT);
            assertThat(scalars(batch.columns().get(0))).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE, 0L);
        }

        @Test
        void readIntegersBeyondInt64AsFloat() throws IOException {
            RecordBatch batch = readOneBatch(
                    write("{\"i\":9223372036854775808}\n{\"i\":1}\n" + "{\"i\":-123456789012345678901234567890}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(FLOAT);
            assertThat(scalars(batch.columns().get(0)))
                    .containsExactly(9.223372036854775808e18, 1.0, -1.2345678901234568e29);
        }

        @Test
        void readOtherNumbersAsFloat() throws IOException {
            RecordBatch batch = readOneBatch(
                    write("{\"f\":1.0}\n{\"f\":-0.0}\n{\"f\":2.5e-3}\n{\"f\":1E400}\n" + "{\"f\":7}\n{\"f\":0.1}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(FLOAT);
            assertThat(scalars(batch.columns().get(0)))
                    .containsExactly(1.0, -0.0, 0.0025, Double.POSITIVE_INFINITY, 7.0, 0.1);
        }

        @Test
        void readPythonsNanAndInfinity() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"f\":NaN}\n{\"f\":Infinity}\n{\"f\":-Infinity}\n"
                    + "{\"f\":+Infinity}\n{\"f\":+INF}\n{\"f\":-INF}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(FLOAT);
            assertThat(scalars(batch.columns().get(0)))
                    .containsExactly(
                            Double.NaN,
                            Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY,
                            Double.POSITIVE_INFINITY,
                            Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY);
        }

        @Test
        void readBooleansAsIntZeroAndOne() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"b\":true,\"m\":[true,false,3]}\n{\"b\":false,\"m\":2.5}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(INT);
            assertThat(scalars(batch.columns().get(0))).containsExactly(1L, 0L);
            assertThat(batch.columns().get(1).type()).isEqualTo(FLOAT);
            assertThat(rows(batch.columns().get(1))).containsExactly(List.of(1.0, 0.0, 3.0), List.of(2.5));
        }

        @Test
        void readStringsAsTheirUtf8Bytes() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"s\":\"Überlingen 😀\"}\n{\"s\":\"tab\\there \\\"q\\\" \\\\\"}\n"
                    + "{\"s\":\"\\u00dc\\ud83d\\ude00\"}\n{\"s\":\"\"}\n{\"s\":\"42\"}\n"));
            assertThat(batch.columns().get(0).type()).isEqualTo(STRING);
            assertThat(scalars(batch.columns().get(0)))
                    .containsExactly("Überlingen 😀", "tab\there \"q\" \\", "Ü😀", "", "42");
        }

        @Test
        void keepAnUnpairedSurrogateEscapeAsBytesThatAreNotUtf8() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"s\":\"a\\ud800\"}\n{\"s\":\"\\udc00\\ud83d\"}\n"));
            StringColumn c = (StringColumn) batch.columns().get(0);
            assertThat(stringBytes(c, 0)).containsExactly('a', 0xED, 0xA0, 0x80);
            assertThat(stringBytes(c, 1)).containsExactly(0xED, 0xB0, 0x80, 0xED, 0xA0, 0xBD);
        }
    }

    @Nested
    class ArrayValues {
        @Test
        void giveOneRowWithAListOfValues() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":[1,2,3]}\n{\"a\":4}\n{\"a\":[5]}\n"));
            assertThat(rows(batch.columns().get(0))).containsExactly(List.of(1L, 2L, 3L), List.of(4L), List.of(5L));
            assertThat(batch.columns().get(0).valueCount()).isEqualTo(5);
        }

        @Test
        void makeAnEmptyArrayPresentWithNoValues() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":[]}\n{}\n{\"a\":[\"x\",\"y\"]}\n"));
            Column a = batch.columns().get(0);
            assertThat(a.type()).isEqualTo(STRING);
            assertThat(rows(a)).containsExactly(List.of(), null, List.of("x", "y"));
            assertThat(a.present()).startsWith(true, false, true);
        }

        @Test
        void skipNullsInside() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":[null,1,null,2]}\n{\"a\":[null]}\n{\"a\":null}\n"));
            assertThat(rows(batch.columns().get(0))).containsExactly(List.of(1L, 2L), List.of(), null);
        }

        @Test
        void ofOnlyEmptyListsGiveAnIntFeature() throws IOException {
            Path file = write("{\"a\":[]}\n{\"a\":[null]}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT)) {
                assertThat(reader.featureTypes()).containsExactly(INT);
                assertThat(rows(readAll(reader).get(0).columns().get(0))).containsExactly(List.of(), List.of());
            }
        }

        @Test
        void widenTheirFeatureToFloat() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":[1,2]}\n{\"a\":[3,4.5]}\n"));
            assertThat(rows(batch.columns().get(0))).containsExactly(List.of(1.0, 2.0), List.of(3.0, 4.5));
        }

        @Test
        void mayHoldNestedPaths() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":{\"b\":[\"x\",\"y\"]}}\n"));
            assertThat(rows(column(batch, "a.b"))).containsExactly(List.of("x", "y"));
        }
    }

    @Nested
    class Types {
        @Test
        void widenIntToFloatWhicheverComesFirst() throws IOException {
            RecordBatch first = readOneBatch(write("{\"a\":1.5}\n{\"a\":3}\n"));
            assertThat(scalars(first.columns().get(0))).containsExactly(1.5, 3.0);
            RecordBatch last = readOneBatch(write("{\"a\":3}\n{\"a\":1.5}\n"));
            assertThat(scalars(last.columns().get(0))).containsExactly(3.0, 1.5);
        }

        @Test
        void keepIntegersExactInAnIntFeature() throws IOException {
            RecordBatch batch = readOneBatch(write("{\"a\":9007199254740993}\n"));
            assertThat(scalars(batch.columns().get(0))).containsExactly(9007199254740993L);
        }
    }

    @Nested
    class Batches {
        @Test
        void splitRowsIntoBatchesOfAtMostTheBatchSizeEachWithEveryFeature() throws IOException {
            Path file = write("{\"n\":1}\n{\"n\":2}\n{\"n\":3,\"late\":\"x\"}\n{\"n\":4}\n{\"n\":5}\n");
            try (JsonLinesReader reader = JsonLinesReader.open(file, JsonLinesOptions.DEFAULT.withBatchSize(2))) {
                List<RecordBatch> batches = readAll(reader);
                assertThat(batches).extracting(RecordBatch::rowCount).containsExactly(2, 2, 1);
                assertThat(batches)
                        .allSatisfy(b ->
                                assertThat(b.columns()).extracting(Column::name).containsExactly("n", "late"));
                assertThat(scalars(batches.get(0).columns().get(1))).containsExactly(null, null);
                assertThat(scalars(batches.get(1).columns().get(1))).containsExactly("x", null);
                assertThat(reader.next()).isEmpty();
                assertThat(reader.recordsRead()).isEqualTo(5);
                assertThat(reader.skippedRecords()).isZero();
            }
        }

        @Test
        void giveOneEmptyBatchForObjectsWithoutKeys() throws IOException {
            try (JsonLinesReader reader = JsonLinesReader.open(write("{}\n{}\n"), JsonLinesOptions.DEFAULT)) {
                assertThat(reader.featureNames()).isEmpty();
                RecordBatch batch = reader.next().orElseThrow();
                assertThat(batch.rowCount()).isEqualTo(2);
                assertThat(batch.columns()).isEmpty();
                assertThat(reader.next()).isEmpty();
            }
        }
    }
}
