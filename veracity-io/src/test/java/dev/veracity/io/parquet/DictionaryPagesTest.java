package dev.veracity.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import dev.veracity.io.Veracity;
import dev.veracity.stats.StatisticsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows written with dictionary-encoded pages and with plain pages read back to the same batches and give
 * the same statistics: dictionary entries are converted once per column chunk, values copied by index.
 */
class DictionaryPagesTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message m {
              optional binary city (STRING);
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
              optional int64 code;
              optional int32 price (DECIMAL(9,2));
              optional double score;
              optional int64 ts (TIMESTAMP(MILLIS,true));
              optional boolean ok;
              repeated binary legacy (STRING);
            }""");
    private static final int ROWS = 6000;

    @TempDir
    Path dir;

    private Path write(String name, boolean dictionary) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(7);
        String[] cities = {"Lyon", "Zürich", "", "São Paulo", "Oslo", "a much longer city name to pad the pages"};
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(SCHEMA)
                .withDictionaryEncoding(dictionary)
                .withDictionaryPageSize(512) // small: the writer falls back to plain pages in some chunks
                .withRowGroupRowCountLimit(1000) // several row groups, the same in both files
                .withPageSize(1024)
                .build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            for (int r = 0; r < ROWS; r++) {
                Group g = groups.newGroup();
                if (r % 7 != 3) {
                    // Rarely a new value: later row groups outgrow the small dictionary.
                    g.append("city", r % 11 == 0 ? "c" + random.nextInt(400) : cities[random.nextInt(cities.length)]);
                }
                if (r % 5 != 4) {
                    Group tags = g.addGroup("tags");
                    for (int t = 0; t < r % 4; t++) {
                        Group element = tags.addGroup("list");
                        if (t != 2) {
                            element.append("element", "t" + random.nextInt(6));
                        }
                    }
                }
                if (r % 9 != 1) {
                    g.append("code", (long) random.nextInt(20) - 5);
                }
                g.append("price", 100 * random.nextInt(30) + 99);
                g.append("score", random.nextInt(8) / 4.0);
                g.append("ts", 1_700_000_000_000L + random.nextInt(50) * 1000L);
                if (r % 2 == 0) {
                    g.append("ok", random.nextBoolean());
                }
                for (int l = 0; l < r % 3; l++) {
                    g.append("legacy", cities[random.nextInt(cities.length)]);
                }
                writer.write(g);
            }
        }
        return file;
    }

    @Test
    void dictionaryAndPlainPagesGiveTheSameBatchesAndStatistics() throws Exception {
        Path dictionary = write("dictionary.parquet", true);
        Path plain = write("plain.parquet", false);
        assertThat(encodings(dictionary)).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
        assertThat(encodings(plain)).doesNotContain(Encoding.RLE_DICTIONARY, Encoding.PLAIN_DICTIONARY);

        List<String> rows = rows(plain);
        assertThat(rows).hasSize(ROWS);
        assertThat(rows(dictionary)).isEqualTo(rows);
        assertThat(rows).anyMatch(row -> row.startsWith("-|")).anyMatch(row -> row.contains("|[]|"));

        assertThat(dictionaryCodedBatches(dictionary)).isPositive();
        assertThat(dictionaryCodedBatches(plain)).isZero();

        // Default options; few exact counts (the dictionary path must leave the exact table as value by value does,
        // and give way before the sketches take over); weighted (counted value by value).
        for (StatisticsOptions options : List.of(
                StatisticsOptions.DEFAULT,
                StatisticsOptions.DEFAULT.withMaxExactDistinct(30),
                StatisticsOptions.DEFAULT.withMaxExactDistinct(3),
                StatisticsOptions.DEFAULT.withWeightFeature("score"))) {
            String expected = TextFormat.printer()
                    .printToString(Veracity.statistics(plain)
                            .withOptions(options)
                            .compute()
                            .statistics());
            String actual = TextFormat.printer()
                    .printToString(Veracity.statistics(dictionary)
                            .withOptions(options)
                            .compute()
                            .statistics());
            assertThat(actual).as(options.toString()).isEqualTo(expected);
            assertThat(expected).contains("step: \"city\"", "step: \"tags\"", "Lyon", "num_missing");
        }
    }

    /** {@return the number of string columns read with their dictionary codes} */
    private static int dictionaryCodedBatches(Path file) throws IOException {
        int coded = 0;
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                for (Column column : b.get().columns()) {
                    if (column instanceof StringColumn strings && strings.dictionary() != null) {
                        coded++;
                    }
                }
            }
        }
        return coded;
    }

    /** {@return the data page encodings of all column chunks of the file} */
    private static List<Encoding> encodings(Path file) throws IOException {
        List<Encoding> all = new ArrayList<>();
        try (ParquetFileReader reader = ParquetSplits.open(file)) {
            assertThat(reader.getRowGroups()).hasSizeGreaterThan(2);
            for (BlockMetaData block : reader.getRowGroups()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    EncodingStats stats = chunk.getEncodingStats();
                    all.addAll(stats.getDataEncodings());
                }
            }
        }
        return all;
    }

    /** Each row as its columns' values joined by ';', columns by '|'; "-" missing, "[]" an empty list. */
    private static List<String> rows(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (BatchSource source = Readers.open(file, ReadOptions.DEFAULT)) {
            for (Optional<RecordBatch> b = source.next(); b.isPresent(); b = source.next()) {
                RecordBatch batch = b.get();
                for (int r = 0; r < batch.rowCount(); r++) {
                    List<String> cells = new ArrayList<>();
                    for (Column column : batch.columns()) {
                        if (!column.present()[r]) {
                            cells.add("-");
                        } else if (ValueText.count(column, r) == 0) {
                            cells.add("[]");
                        } else {
                            List<String> values = new ArrayList<>();
                            for (int v = column.rowOffsets()[r]; v < column.rowOffsets()[r + 1]; v++) {
                                values.add(ValueText.of(column, v));
                            }
                            cells.add(String.join(";", values));
                        }
                    }
                    rows.add(String.join("|", cells));
                }
            }
        }
        return rows;
    }
}
