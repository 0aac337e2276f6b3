package dev.veracity.io.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private static final FeatureType INT = FeatureType.INT;
    private static final FeatureType FLOAT = FeatureType.FLOAT;
    private static final FeatureType STRING = FeatureType.STRING;

    @TempDir
    Path dir;

    /** Writes a file whose bytes are the chars of {@code latin1}, one byte each. */
    Path write(String latin1) throws IOException {
        return write(latin1.getBytes(ISO_8859_1));
    }

    Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("data.csv"), bytes);
    }

    static List<RecordBatch> readAll(CsvReader reader) throws IOException {
        List<RecordBatch> batches = new ArrayList<>();
        for (Optional<RecordBatch> b = reader.next(); b.isPresent(); b = reader.next()) {
            batches.add(b.get());
        }
        return batches;
    }

    static RecordBatch readOneBatch(Path file, CsvOptions options) throws IOException {
        try (CsvReader reader = CsvReader.open(file, options)) {
            List<RecordBatch> batches = readAll(reader);
            assertThat(batches).hasSize(1);
            return batches.get(0);
        }
    }

    static List<FeatureType> types(Path file) throws IOException {
        try (CsvReader reader = CsvReader.open(file, CsvOptions.DEFAULT)) {
            return reader.columnTypes();
        }
    }

    /** {@return per row, its value's bytes as ISO-8859-1 chars, or null when missing} */
    static List<String> strings(Column column) {
        StringColumn c = (StringColumn) column;
        List<String> values = new ArrayList<>();
        for (int r = 0; r < c.rowCount(); r++) {
            int v = c.rowOffsets()[r];
            values.add(
                    c.present()[r]
                            ? new String(
                                    c.bytes(),
                                    c.valueOffsets()[v],
                                    c.valueOffsets()[v + 1] - c.valueOffsets()[v],
                                    ISO_8859_1)
                            : null);
        }
        return values;
    }

    static List<Long> longs(Column column) {
        IntColumn c = (IntColumn) column;
        List<Long> values = new ArrayList<>();
        for (int r = 0; r < c.rowCount(); r++) {
            values.add(c.present()[r] ? c.values()[c.rowOffsets()[r]] : null);
        }
        return values;
    }

    static List<Double> doubles(Column column) {
        FloatColumn c = (FloatColumn) column;
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < c.rowCount(); r++) {
            values.add(c.present()[r] ? c.values()[c.rowOffsets()[r]] : null);
        }
        return values;
    }

    @Nested
    class Batches {
        @Test
        void buildsOneTypedColumnPerHeaderColumn() throws IOException {
            Path file = write("id,pace,route\n1,5.5,park\n2,,\"river, north\"\n,6,\"\"\n");
            RecordBatch batch = readOneBatch(file, CsvOptions.DEFAULT);
            assertThat(batch.rowCount()).isEqualTo(3);
            assertThat(batch.columns()).extracting(Column::name).containsExactly("id", "pace", "route");
            assertThat(longs(batch.columns().get(0))).containsExactly(1L, 2L, null);
            assertThat(doubles(batch.columns().get(1))).containsExactly(5.5, null, 6.0);
            assertThat(strings(batch.columns().get(2))).containsExactly("park", "river, north", null);
        }

        @Test
        void splitsRowsIntoBatchesOfAtMostTheBatchSize() throws IOException {
            Path file = write("n\n1\n2\n3\n4\n5\n");
            try (CsvReader reader = CsvReader.open(file, CsvOptions.DEFAULT.withBatchSize(2))) {
                List<RecordBatch> batches = readAll(reader);
                assertThat(batches).extracting(RecordBatch::rowCount).containsExactly(2, 2, 1);
                assertThat(longs(batches.get(1).columns().get(0))).containsExactly(3L, 4L);
                assertThat(reader.next()).isEmpty();
                assertThat(reader.recordsRead()).isEqualTo(5);
                assertThat(reader.skippedRecords()).isZero();
            }
        }

        @Test
        void readsAHeaderOnlyFileAsOneEmptyBatchOfIntColumns() throws IOException {
            try (CsvReader reader = CsvReader.open(write("a,b\r\n"), CsvOptions.DEFAULT)) {
                assertThat(reader.columnNames()).containsExactly("a", "b");
                assertThat(reader.columnTypes()).containsExactly(INT, INT);
                RecordBatch empty = reader.next().orElseThrow();
                assertThat(empty.rowCount()).isZero();
                assertThat(empty.columns())
                        .extracting(c -> c.name() + ":" + c.type())
                        .containsExactly("a:INT", "b:INT");
                assertThat(reader.next()).isEmpty();
            }
        }

        @Test
        void parsesNumbersWithSurroundingSpacesButKeepsStringsAsTheyAre() throws IOException {
            RecordBatch batch = readOneBatch(write("i,f,s\n 7 , 2.5,\" x \"\n-3,1e3, 4\n"), CsvOptions.DEFAULT);
            assertThat(longs(batch.columns().get(0))).containsExactly(7L, -3L);
            assertThat(doubles(batch.columns().get(1))).containsExactly(2.5, 1000.0);
            assertThat(strings(batch.columns().get(2))).containsExactly(" x ", " 4");
        }

        @Test
        void readsPythonFloatSpellings() throws IOException {
            RecordBatch batch = readOneBatch(write("f\nnan\ninf\n-Infinity\n1.\n.5\n"), CsvOptions.DEFAULT);
            assertThat(doubles(batch.columns().get(0)))
                    .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0, 0.5);
        }

        @Test
        void readsIntsOfTheWholeInt64Range() throws IOException {
            RecordBatch batch =
                    readOneBatch(write("i\n9223372036854775807\n-9223372036854775808\n"), CsvOptions.DEFAULT);
            assertThat(longs(batch.columns().get(0))).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE);
        }
    }

    @Nested
    class Types {
        @Test
        void widensIntToFloat() throws IOException {
            assertThat(types(write("a\n1.5\n3\n"))).containsExactly(FLOAT);
            assertThat(types(write("a\n3\n1.5\n"))).containsExactly(FLOAT);
        }

        @Test
        void typesNanAndInfinityAsFloat() throws IOException {
            assertThat(types(write("a,b\nnan,1\n2,-inf\n"))).containsExactly(FLOAT, FLOAT);
        }

        @Test
        void typesTextAsString() throws IOException {
            assertThat(types(write("a,b,c\n1,abc,0x1p3\n2.5,3,1d\n"))).containsExactly(FLOAT, STRING, STRING);
        }

        @Test
        void typesAnIntegerBeyondInt64AsString() throws IOException {
            assertThat(types(write("a,b\n1,9223372036854775808\n2,3\n"))).containsExactly(INT, STRING);
        }

        @Test
        void typesAColumnWithNoValueAsInt() throws IOException {
            Path file = write("a,b\n,1\n\"\",2\n");
            assertThat(types(file)).containsExactly(INT, INT);
            assertThat(longs(readOneBatch(file, CsvOptions.DEFAULT).columns().get(0)))
                    .containsExactly(null, null);
        }

        @Test
        void keepsNumbersOfAStringColumnAsTheirBytes() throws IOException {
            RecordBatch batch = readOneBatch(write("a\n007\nx\n1.50\n"), CsvOptions.DEFAULT);
            assertThat(strings(batch.columns().get(0))).containsExactly("007", "x", "1.50");
        }
    }

    @Nested
    class Encoding {
        @Test
        void readsCrlfFilesWithAByteOrderMark() throws IOException, URISyntaxException {
            Path file = Path.of(CsvReaderTest.class.getResource("/csv/runs.csv").toURI());
            try (CsvReader reader = CsvReader.open(file, CsvOptions.DEFAULT)) {
                assertThat(reader.columnNames())
                        .containsExactly(
                                "date", "runner", "distance_km", "duration_s", "pace", "route", "notes", "heart_rate");
                assertThat(reader.columnTypes())
                        .containsExactly(STRING, STRING, FLOAT, INT, FLOAT, STRING, STRING, INT);
                RecordBatch batch = readAll(reader).get(0);
                assertThat(batch.rowCount()).isEqualTo(6);
                assertThat(utf8(strings(batch.columns().get(1))))
                        .containsExactly("Ana", "Björn", "Chen 陈", "Ana", "Dara", "Eli");
                assertThat(strings(batch.columns().get(6)))
                        .containsExactly(
                                null, "windy, cold", "half marathon\nnew PB", "intervals \"6x400\"", "rest day", null);
                assertThat(longs(batch.columns().get(7))).containsExactly(142L, 151L, 160L, null, null, 149L);
                assertThat(doubles(batch.columns().get(2))).containsExactly(5.0, 10.2, 21.1, 3.0, null, 7.5);
            }
        }

        @Test
        void keepsNonAsciiTextBytes() throws IOException {
            Path file = write("name\nZürich\n東京\n\"😀, ok\"\n".getBytes(UTF_8));
            List<String> values =
                    strings(readOneBatch(file, CsvOptions.DEFAULT).columns().get(0));
            assertThat(utf8(values)).containsExactly("Zürich", "東京", "😀, ok");
        }

        @Test
        void keepsInvalidUtf8Bytes() throws IOException {
            byte[] bytes = {'s', '\n', (byte) 0xFF, (byte) 0xFE, '\n', 'a', (byte) 0xC3, '\n', (byte) 0xC0, (byte) 0x80
            };
            List<String> values = strings(
                    readOneBatch(write(bytes), CsvOptions.DEFAULT).columns().get(0));
            assertThat(values).containsExactly("\u00FF\u00FE", "a\u00C3", "\u00C0\u0080");
        }

        @Test
        void decodesHeaderNamesAsUtf8ReplacingMalformedBytes() throws IOException {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes("città,x".getBytes(UTF_8));
            header.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n', '1', ',', '2', '\n'});
            try (CsvReader reader = CsvReader.open(write(header.toByteArray()), CsvOptions.DEFAULT)) {
                assertThat(reader.columnNames()).containsExactly("città", "x\uFFFD\uFFFD");
            }
        }

        @Test
        void readsOtherDelimitersAndQuotes() throws IOException {
            Path file = write("a\tb\n'x\ty'\t1\n");
            CsvOptions options = CsvOptions.DEFAULT.withDelimiter((byte) '\t').withQuote((byte) '\'');
            RecordBatch batch = readOneBatch(file, options);
            assertThat(strings(batch.columns().get(0))).containsExactly("x\ty");
            assertThat(longs(batch.columns().get(1))).containsExactly(1L);
        }
    }

    private static List<String> utf8(List<String> latin1) {
        return latin1.stream()
                .map(s -> new String(s.getBytes(ISO_8859_1), UTF_8))
                .toList();
    }
}
