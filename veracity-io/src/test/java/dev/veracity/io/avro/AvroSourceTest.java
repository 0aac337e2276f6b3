package dev.veracity.io.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.BadRecords;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroSourceTest {
    private static final Schema WRITER = new Schema.Parser().parse("""
            {"type": "record", "name": "trip", "fields": [
              {"name": "id", "type": "int"},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "route", "type": ["null", {"type": "record", "name": "route", "fields": [
                {"name": "miles", "type": "float"}]}]},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "gone", "type": "string"}
            ]}""");

    @TempDir
    Path dir;

    private Path write() throws IOException {
        Path file = dir.resolve("trips.avro");
        Schema route = WRITER.getField("route").schema().getTypes().get(1);
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(WRITER))) {
            writer.create(WRITER, file.toFile());
            for (int r = 0; r < 3; r++) {
                GenericRecord record = new GenericData.Record(WRITER);
                record.put("id", r);
                record.put("tags", r == 0 ? List.of() : List.of("a", "b" + r));
                if (r != 1) {
                    GenericRecord miles = new GenericData.Record(route);
                    miles.put("miles", 1.5f * r);
                    record.put("route", miles);
                }
                record.put("day", 19000 + r);
                record.put("at", 1000L * r);
                record.put("gone", "x");
                writer.append(record);
            }
        }
        return file;
    }

    private static RecordBatch read(Path file, ReadOptions options) throws IOException {
        try (BatchSource source = Readers.open(file, options)) {
            return source.next().orElseThrow();
        }
    }

    private static Column column(RecordBatch batch, String name) {
        return batch.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void recordsBecomeDottedFeaturesArraysLists() throws IOException {
        RecordBatch batch = read(write(), ReadOptions.DEFAULT);
        assertThat(batch.columns())
                .extracting(Column::name)
                .containsExactly("id", "tags", "route.miles", "day", "at", "gone");
        StringColumn tags = (StringColumn) column(batch, "tags");
        assertThat(tags.present()).startsWith(true, true, true);
        assertThat(tags.rowOffsets()).startsWith(0, 0, 2, 4);
        FloatColumn miles = (FloatColumn) column(batch, "route.miles");
        assertThat(miles.present()).startsWith(true, false, true);
        assertThat(miles.values()).startsWith(0.0, 3.0);
        assertThat(((IntColumn) column(batch, "day")).values()).startsWith(19000, 19001);
        assertThat(((IntColumn) column(batch, "at")).values()).startsWith(0, 1_000_000); // micros
    }

    @Test
    void aReaderSchemaResolvesTheAvroWay() throws IOException {
        String reader = """
                {"type": "record", "name": "trip", "fields": [
                  {"name": "id", "type": "long"},
                  {"name": "country", "type": "string", "default": "DE"}
                ]}""";
        RecordBatch batch = read(write(), ReadOptions.DEFAULT.withAvroReaderSchema(reader));
        assertThat(batch.columns()).extracting(Column::name).containsExactly("id", "country");
        assertThat(((IntColumn) column(batch, "id")).values()).startsWith(0, 1, 2);
        assertThat(((StringColumn) column(batch, "country")).bytes()).startsWith("DEDEDE".getBytes());
    }

    @Test
    void aFileThatIsNotAvroIsAnInputError() throws IOException {
        Path file = Files.write(dir.resolve("x.avro"), new byte[] {'O', 'b', 'j', 1, 9, 9, 9});
        assertThatThrownBy(() -> read(file, ReadOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected an Avro object container file");
    }

    @Nested
    class CorruptRecords {
        private static final Schema SCHEMA = new Schema.Parser().parse("""
                {"type": "record", "name": "event", "fields": [
                  {"name": "id", "type": "int"},
                  {"name": "kind", "type": {"type": "enum", "name": "kind", "symbols": ["A", "B"]}},
                  {"name": "note", "type": ["null", "string"]}
                ]}""");

        /** Two blocks: ids 0 to 2, then 3 and 4; the record with id 1 has the note "MARK". */
        private Path write() throws IOException {
            Path file = dir.resolve("events.avro");
            try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
                writer.create(SCHEMA, file.toFile());
                for (int id = 0; id < 5; id++) {
                    GenericRecord record = new GenericData.Record(SCHEMA);
                    record.put("id", id);
                    record.put(
                            "kind",
                            new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "B"));
                    record.put("note", id == 1 ? "MARK" : "n" + id);
                    writer.append(record);
                    if (id == 2) {
                        writer.sync();
                    }
                }
            }
            return file;
        }

        /** Sets the byte {@code before} bytes before "MARK": 2 is the union index, 3 the enum index. */
        private Path corrupt(int before) throws IOException {
            Path file = write();
            byte[] bytes = Files.readAllBytes(file);
            int mark = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("MARK");
            bytes[mark - before] = 0x7E; // zigzag 63: no such branch or symbol
            return Files.write(file, bytes);
        }

        private long[] readAll(Path file, BadRecords policy) throws IOException {
            long rows = 0;
            try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT.withBadRecords(policy))) {
                for (var batch = source.next();
                        batch.isPresent() && batch.get().rowCount() > 0;
                        batch = source.next()) {
                    rows += batch.get().rowCount();
                }
                return new long[] {rows, source.skippedRecords()};
            }
        }

        @Test
        void aUnionIndexOutOfRangeIsAnInputErrorNamingTheRecord() throws IOException {
            Path file = corrupt(2);
            assertThatThrownBy(() -> readAll(file, BadRecords.FAIL))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ": record 2: expected a record of the file's schema, found a "
                            + "union or enum index out of range")
                    .hasMessageNotContaining("\n");
        }

        @Test
        void anEnumIndexOutOfRangeIsAnInputError() throws IOException {
            Path file = corrupt(3);
            assertThatThrownBy(() -> readAll(file, BadRecords.FAIL))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ": record 2: ");
        }

        @Test
        void skippingDropsTheRestOfTheBlockAndCountsIt() throws IOException {
            assertThat(readAll(write(), BadRecords.SKIP)).containsExactly(5, 0);
            assertThat(readAll(corrupt(2), BadRecords.SKIP)).containsExactly(3, 2);
        }
    }
}
