package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-at-a-time writer's files read back with parquet-java's own record reader (not Veracity's) to the values
 * written, over many pages and row groups, nulls, lists, NaN and infinities; a dictionary is kept where it pays and
 * given up where it does not (a unique column after its first page, a dictionary past its size limit mid-chunk);
 * the same rows give the same bytes.
 */
class ParquetPageEncodingTest {
    private static final List<ParquetColumn> COLUMNS = List.of(
            new ParquetColumn("id", FeatureType.STRING, false),
            new ParquetColumn("city", FeatureType.STRING, false),
            new ParquetColumn("n", FeatureType.INT, false),
            new ParquetColumn("big", FeatureType.INT, false),
            new ParquetColumn("wide", FeatureType.STRING, false),
            new ParquetColumn("x", FeatureType.FLOAT, false),
            new ParquetColumn("tags", FeatureType.STRING, true),
            new ParquetColumn("nums", FeatureType.INT, true),
            new ParquetColumn("n_as_x", FeatureType.FLOAT, false));
    private static final int ROWS = 50_000;
    private static final String[] CITIES = {"Oslo", "Lyon", "Köln", "", "Porto", "a,b"};
    private static final double[] ODD = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @TempDir
    Path dir;

    @Test
    void parquetJavaReadsBackEveryValueAndDictionariesAreKeptOnlyWhereTheyPay() throws IOException {
        List<String> expected = new ArrayList<>();
        List<RecordBatch> batches = batches(expected);
        Path file = write(batches, "a.parquet", ParquetBatchWriter.ROW_GROUP_BYTES);

        assertThat(readWithParquetJava(file)).isEqualTo(expected);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            BlockMetaData group = reader.getFooter().getBlocks().get(0);
            assertThat(reader.getFooter().getBlocks()).hasSize(1);
            Map<String, EncodingStats> stats = new HashMap<>();
            for (ColumnChunkMetaData chunk : group.getColumns()) {
                stats.put(chunk.getPath().toDotString(), chunk.getEncodingStats());
            }
            assertThat(stats.get("id").hasDictionaryPages()).isFalse(); // unique: given up after the first page
            assertThat(stats.get("big").hasDictionaryPages()).isFalse();
            assertThat(stats.get("x").hasDictionaryPages()).isFalse(); // doubles: never
            assertThat(stats.get("city").hasNonDictionaryEncodedPages()).isFalse();
            assertThat(stats.get("n").hasNonDictionaryEncodedPages()).isFalse();
            assertThat(stats.get("tags.list.element").hasNonDictionaryEncodedPages())
                    .isFalse();
            // paid on the first page, past the size limit later: both kinds of page in one chunk
            assertThat(stats.get("wide").hasDictionaryEncodedPages()).isTrue();
            assertThat(stats.get("wide").hasNonDictionaryEncodedPages()).isTrue();
            assertThat(group.getColumns().get(2).getStatistics().getNumNulls()).isEqualTo(nulls(expected, 2));
        }
    }

    @Test
    void severalRowGroupsReadBackAndTheSameRowsGiveTheSameBytes() throws IOException {
        List<String> expected = new ArrayList<>();
        List<RecordBatch> batches = batches(expected);
        Path first = write(batches, "a.parquet", 256 * 1024);
        Path second = write(batches, "b.parquet", 256 * 1024);

        assertThat(readWithParquetJava(first)).isEqualTo(expected);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(first))) {
            assertThat(reader.getFooter().getBlocks()).hasSizeGreaterThan(3);
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    private Path write(List<RecordBatch> batches, String name, long rowGroupBytes) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            BatchWriter writer = new ParquetBatchWriter(out, COLUMNS, rowGroupBytes);
            for (RecordBatch batch : batches) {
                writer.write(batch);
            }
            writer.finish();
        });
        return file;
    }

    private static long nulls(List<String> rows, int column) {
        return rows.stream()
                .filter(r -> r.split("\\|", -1)[column].equals("null"))
                .count();
    }

    /** Generated rows in batches of uneven sizes; each row's expected text is added to {@code expected}. */
    private static List<RecordBatch> batches(List<String> expected) {
        Random random = new Random(19);
        List<RecordBatch> batches = new ArrayList<>();
        int row = 0;
        while (row < ROWS) {
            int size = Math.min(ROWS - row, 1000 + random.nextInt(5000));
            ColumnBuilder id = ColumnBuilder.of("id", FeatureType.STRING);
            ColumnBuilder city = ColumnBuilder.of("city", FeatureType.STRING);
            ColumnBuilder n = ColumnBuilder.of("n", FeatureType.INT);
            ColumnBuilder big = ColumnBuilder.of("big", FeatureType.INT);
            ColumnBuilder wide = ColumnBuilder.of("wide", FeatureType.STRING);
            ColumnBuilder x = ColumnBuilder.of("x", FeatureType.FLOAT);
            ColumnBuilder tags = ColumnBuilder.of("tags", FeatureType.STRING);
            ColumnBuilder nums = ColumnBuilder.of("nums", FeatureType.INT);
            ColumnBuilder nAsX = ColumnBuilder.of("n_as_x", FeatureType.INT);
            for (int r = 0; r < size; r++, row++) {
                List<String> cells = new ArrayList<>();
                cells.add(string(id, "ev-" + Long.toHexString(row * 0x9E3779B97F4A7C15L)));
                cells.add(random.nextInt(7) == 0 ? missing(city) : string(city, CITIES[random.nextInt(CITIES.length)]));
                cells.add(random.nextInt(5) == 0 ? missing(n) : integer(n, random.nextInt(300) - 100));
                cells.add(integer(big, random.nextLong()));
                cells.add(string(wide, String.format("%-100s", "w" + row / 3)));
                if (random.nextInt(9) == 0) {
                    cells.add(missing(x));
                } else {
                    double value = random.nextInt(10) == 0 ? ODD[random.nextInt(ODD.length)] : random.nextGaussian();
                    x.appendFloat(value);
                    cells.add(Double.toString(value));
                }
                cells.add(list(tags, random, true));
                cells.add(list(nums, random, false));
                long asX = random.nextInt(1000);
                nAsX.appendInt(asX);
                cells.add(Double.toString((double) asX));
                expected.add(String.join("|", cells));
            }
            List<Column> columns = new ArrayList<>();
            for (ColumnBuilder builder : List.of(id, city, n, big, wide, x, tags, nums, nAsX)) {
                columns.add(builder.build());
            }
            batches.add(new RecordBatch(size, columns));
        }
        return batches;
    }

    private static String string(ColumnBuilder builder, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        builder.startList();
        builder.addString(bytes, 0, bytes.length);
        builder.endList();
        return value;
    }

    private static String integer(ColumnBuilder builder, long value) {
        builder.appendInt(value);
        return Long.toString(value);
    }

    private static String missing(ColumnBuilder builder) {
        builder.appendMissing();
        return "null";
    }

    /** A null list, an empty one, or a few values (strings from a few words, or small integers). */
    private static String list(ColumnBuilder builder, Random random, boolean strings) {
        int kind = random.nextInt(6);
        if (kind == 0) {
            return missing(builder);
        }
        int count = kind == 1 ? 0 : random.nextInt(4) + 1;
        builder.startList();
        List<String> values = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            if (strings) {
                byte[] bytes = CITIES[random.nextInt(CITIES.length)].getBytes(StandardCharsets.UTF_8);
                builder.addString(bytes, 0, bytes.length);
                values.add(new String(bytes, StandardCharsets.UTF_8));
            } else {
                long value = random.nextInt(40);
                builder.addInt(value);
                values.add(Long.toString(value));
            }
        }
        builder.endList();
        return "[" + String.join(";", values) + "]";
    }

    /** Each row as parquet-java's record reader assembles it, in the text {@link #batches} expects. */
    private static List<String> readWithParquetJava(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group group = records.read();
                    List<String> cells = new ArrayList<>();
                    for (ParquetColumn column : COLUMNS) {
                        cells.add(cell(group, column));
                    }
                    rows.add(String.join("|", cells));
                }
            }
        }
        return rows;
    }

    private static String cell(Group group, ParquetColumn column) {
        String name = column.name();
        if (group.getFieldRepetitionCount(name) == 0) {
            return "null";
        }
        if (!column.repeated()) {
            return value(group, name, column.type());
        }
        Group list = group.getGroup(name, 0);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            values.add(value(list.getGroup("list", i), "element", column.type()));
        }
        return "[" + String.join(";", values) + "]";
    }

    private static String value(Group group, String field, FeatureType type) {
        return switch (type) {
            case INT -> Long.toString(group.getLong(field, 0));
            case FLOAT -> Double.toString(group.getDouble(field, 0));
            case STRING -> group.getBinary(field, 0).toStringUsingUTF8();
        };
    }
}
