package dev.veracity.io.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.DataFormat;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.convert.Converter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        return Files.writeString(dir.resolve("t.csv"), "id,zip,score\n1,02139,0.5\n2,,3.0\n");
    }

    /** {@return every row as its cells' text, "" for a missing one} */
    private static List<List<String>> rows(Table table) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Optional<RecordBatch> b = table.next(); b.isPresent(); b = table.next()) {
            RecordBatch batch = b.get();
            assertThat(batch.columns()).extracting(c -> c.name()).isEqualTo(table.names());
            for (int r = 0; r < batch.rowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < batch.columns().size(); c++) {
                    row.add(ValueText.row(batch.columns().get(c), r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void csvHasItsInferredTypesOrItsTextAsWritten() throws IOException {
        try (Table table = Table.open(csv(), TableOptions.DEFAULT)) {
            assertThat(table.format()).isEqualTo(DataFormat.CSV);
            assertThat(table.names()).containsExactly("id", "zip", "score");
            assertThat(table.types()).containsExactly(FeatureType.INT, FeatureType.INT, FeatureType.FLOAT);
            assertThat(rows(table)).containsExactly(List.of("1", "2139", "0.5"), List.of("2", "", "3"));
        }
        try (Table table = Table.open(csv(), TableOptions.DEFAULT.withCsvAsText(true))) {
            assertThat(table.types()).containsOnly(FeatureType.STRING);
            assertThat(rows(table)).containsExactly(List.of("1", "02139", "0.5"), List.of("2", "", "3.0"));
        }
    }

    @Test
    void parquetReadsLikeCsv() throws IOException {
        Path file = dir.resolve("t.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(
                "message m { required int64 id; optional binary zip (STRING); optional double score; }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            writer.write(
                    groups.newGroup().append("id", 1L).append("zip", "02139").append("score", 0.5));
            writer.write(groups.newGroup().append("id", 2L).append("score", 3.0));
        }
        try (Table table = Table.open(file, TableOptions.DEFAULT)) {
            assertThat(table.format()).isEqualTo(DataFormat.PARQUET);
            assertThat(table.names()).containsExactly("id", "zip", "score");
            assertThat(table.types()).containsExactly(FeatureType.INT, FeatureType.STRING, FeatureType.FLOAT);
            assertThat(rows(table)).containsExactly(List.of("1", "02139", "0.5"), List.of("2", "", "3"));
        }
    }

    @Test
    void aTfRecordFileIsReadAsTfRecordWhateverItsFeaturesPerRecord() throws IOException {
        Path jsonl = Files.writeString(dir.resolve("t.jsonl"), "{\"id\":1}\n{\"id\":2,\"tag\":\"x\"}\n");
        Path tfrecord = dir.resolve("t.tfrecord");
        Converter.convert(List.of(jsonl), ReadOptions.DEFAULT, tfrecord);
        try (Table table = Table.open(
                tfrecord,
                TableOptions.DEFAULT.withCsv(TableOptions.DEFAULT.csv().withBatchSize(1)))) {
            assertThat(table.format()).isEqualTo(DataFormat.TFRECORD);
            assertThat(table.names()).containsExactlyInAnyOrder("id", "tag");
            int tag = table.indexOf("tag");
            assertThat(rows(table)).extracting(row -> row.get(tag)).containsExactly("", "x");
        }
    }

    @Test
    void aGzipCsvFileIsRefusedNamingIt() throws IOException {
        Path file = dir.resolve("t.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a\n1\n".getBytes());
        }
        assertThatThrownBy(() -> Table.open(file, TableOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": expected a plain CSV file, found gzip")
                .satisfies(
                        e -> assertThat(((InputException) e).errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_FILE_FORMAT));
    }

    @Test
    void aMissingFileIsAnInputError() {
        assertThatThrownBy(() -> Table.open(dir.resolve("nope.csv"), TableOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nope.csv: no such file");
    }
}
