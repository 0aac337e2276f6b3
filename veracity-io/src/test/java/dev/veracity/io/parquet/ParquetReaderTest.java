package dev.veracity.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ConfigException;
import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.DataFormat;
import dev.veracity.io.FeatureTypes;
import dev.veracity.io.InputSplit;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReaderTest {
    private static final MessageType NESTED = MessageTypeParser.parseMessageType("""
            message trip {
              required int64 id;
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional group route { optional double miles; optional int32 day (DATE); }
              optional int64 ts (TIMESTAMP(MILLIS,true));
              optional int64 ts_nanos (TIMESTAMP(NANOS,true));
              optional int32 price (DECIMAL(9,2));
              optional fixed_len_byte_array(8) big (DECIMAL(18,3));
              optional boolean ok;
              repeated int32 legacy;
            }""");

    @TempDir
    Path dir;

    private Path write(int rows, int rowGroupBytes) throws IOException {
        Path file = dir.resolve("trips.parquet");
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(NESTED)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(1024)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(NESTED);
            for (int r = 0; r < rows; r++) {
                Group g = groups.newGroup().append("id", (long) r);
                if (r % 3 != 2) { // r % 3 == 2: tags missing (null list)
                    Group tags = g.addGroup("tags");
                    for (int t = 0; t < r % 3; t++) { // r % 3 == 0: an empty list, r % 3 == 1: one element
                        tags.addGroup("list").append("element", "t" + t);
                    }
                }
                Group route = g.addGroup("route");
                if (r % 2 == 0) {
                    route.append("miles", r * 0.5).append("day", 19000 + r);
                }
                g.append("ts", 1_700_000_000_000L + r);
                g.append("ts_nanos", 1_700_000_000_000_000_123L);
                g.append("price", 12345 + r); // 123.45 + r / 100
                byte[] big = new byte[8];
                java.nio.ByteBuffer.wrap(big).putLong(-1_500L);
                g.append("big", Binary.fromConstantByteArray(big));
                g.append("ok", r % 2 == 0);
                g.append("legacy", r).append("legacy", -r);
                writer.write(g);
            }
        }
        return file;
    }

    private static List<RecordBatch> readAll(Path file, ReadOptions options) throws IOException {
        List<RecordBatch> batches = new ArrayList<>();
        try (BatchSource source = Readers.open(file, options)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                batches.add(b.get());
            }
        }
        return batches;
    }

    private static Column column(RecordBatch batch, String name) {
        return batch.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void nestedColumnsBecomeDottedAndListFeatures() throws IOException {
        RecordBatch batch = readAll(write(6, 1 << 20), ReadOptions.DEFAULT).get(0);
        assertThat(batch.columns())
                .extracting(Column::name)
                .containsExactly(
                        "id", "tags", "route.miles", "route.day", "ts", "ts_nanos", "price", "big", "ok", "legacy");
        StringColumn tags = (StringColumn) column(batch, "tags");
        assertThat(tags.present()).startsWith(true, true, false, true, true, false); // r%3==2: null list
        assertThat(tags.rowOffsets()).startsWith(0, 0, 1, 1, 1, 2, 2); // r%3==0: present, empty; r%3==1: one
        assertThat(new String(tags.bytes(), 0, tags.valueOffsets()[tags.valueCount()], StandardCharsets.UTF_8))
                .isEqualTo("t0t0");
        FloatColumn miles = (FloatColumn) column(batch, "route.miles");
        assertThat(miles.present()).startsWith(true, false, true, false, true, false);
        assertThat(miles.values()).startsWith(0.0, 1.0, 2.0);
        assertThat(((IntColumn) column(batch, "route.day")).values()).startsWith(19000, 19002, 19004);
        assertThat(((IntColumn) column(batch, "ts")).values()[1]).isEqualTo(1_700_000_000_001_000L); // micros
        assertThat(((IntColumn) column(batch, "ts_nanos")).values()[0]).isEqualTo(1_700_000_000_000_000L);
        assertThat(((FloatColumn) column(batch, "price")).values()).startsWith(123.45, 123.46);
        assertThat(((FloatColumn) column(batch, "big")).values()).startsWith(-1.5);
        assertThat(((IntColumn) column(batch, "ok")).values()).startsWith(1, 0, 1);
        IntColumn legacy = (IntColumn) column(batch, "legacy");
        assertThat(legacy.rowOffsets()).startsWith(0, 2, 4);
        assertThat(legacy.values()).startsWith(0, 0, 1, -1);
    }

    @Test
    void projectionReadsOnlyTheSelectedFeatures() throws IOException {
        Path file = write(10, 1 << 20);
        RecordBatch batch = readAll(file, ReadOptions.DEFAULT.withColumns(List.of("route", "ok")))
                .get(0);
        assertThat(batch.columns()).extracting(Column::name).containsExactly("route.miles", "route.day", "ok");
        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULT.withColumns(List.of("nope"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("found none of [nope]");
    }

    @Test
    void everyRowGroupIsASplitAndTogetherTheyHoldEveryRow() throws IOException {
        Path file = write(5000, 4096);
        List<InputSplit> splits =
                Readers.splits(List.of(file), DataFormat.PARQUET, ReadOptions.DEFAULT, new FeatureTypes());
        assertThat(splits).hasSizeGreaterThan(1);
        long ids = 0;
        long rows = 0;
        for (RecordBatch batch : readAll(file, ReadOptions.DEFAULT)) {
            IntColumn id = (IntColumn) column(batch, "id");
            for (int r = 0; r < batch.rowCount(); r++) {
                ids += id.values()[r];
            }
            rows += batch.rowCount();
        }
        assertThat(rows).isEqualTo(5000);
        assertThat(ids).isEqualTo(4999L * 5000 / 2);
    }

    @Test
    void aFileThatIsNotParquetIsAnInputError() throws IOException {
        Path file = Files.writeString(dir.resolve("x.parquet"), "PAR1 but not really");
        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a Parquet file");
    }

    @Test
    void aCorruptSchemaIsOneLineNamingTheFileNotASchemaDump() throws IOException {
        Path file = write(20, 1 << 20);
        byte[] bytes = Files.readAllBytes(file);
        int miles = new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf("miles"); // in the footer's schema
        bytes[miles + 3] = 'X';
        Files.write(file, bytes);
        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a Parquet file")
                .hasMessageContaining("milXs not found")
                .hasMessageNotContaining("\n");
    }

    @Test
    void exceptionsOfParquetMrAreInputErrorsAndOurOwnPropagate() {
        IllegalStateException parquets = new IllegalStateException("bad page\n  with\n  lines");
        parquets.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.nio.ByteBuffer", "get", "ByteBuffer.java", 1),
            new StackTraceElement("org.apache.parquet.column.impl.ColumnReaderBase", "readPage", "X.java", 1)
        });
        assertThat(ParquetErrors.classify("f.parquet row group 0", "readable Parquet pages", parquets))
                .isInstanceOf(InputException.class)
                .hasMessage("f.parquet row group 0: expected readable Parquet pages, found IllegalStateException: "
                        + "bad page with lines");
        IllegalStateException ours = new IllegalStateException("our bug");
        assertThatThrownBy(() -> ParquetErrors.classify("f.parquet", "pages", ours))
                .isSameAs(ours);
        InputException input = new InputException(dev.veracity.ErrorCode.PARQUET_INVALID, "f: expected x, found y");
        assertThat(ParquetErrors.classify("f.parquet", "pages", input)).isSameAs(input);
    }
}
