package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.data.BatchSource;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.ValueText;
import dev.veracity.io.AtomicFiles;
import dev.veracity.io.ReadOptions;
import dev.veracity.io.Readers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar writer's file reads back to the rows written, over every column type and declared type, missing
 * values, empty and null lists, a column a batch lacks, several batches, pages and row groups.
 */
class ParquetColumnarWriteTest {
    private static final List<ParquetColumn> COLUMNS = List.of(
            new ParquetColumn("i", FeatureType.INT, false),
            new ParquetColumn("f", FeatureType.FLOAT, false),
            new ParquetColumn("s", FeatureType.STRING, false),
            new ParquetColumn("il", FeatureType.INT, true),
            new ParquetColumn("fl", FeatureType.FLOAT, true),
            new ParquetColumn("sl", FeatureType.STRING, true),
            new ParquetColumn("i_as_f", FeatureType.FLOAT, false),
            new ParquetColumn("i_as_s", FeatureType.STRING, true),
            new ParquetColumn("f_as_s", FeatureType.STRING, false),
            new ParquetColumn("absent", FeatureType.INT, false));
    private static final String[] WORDS = {"a", "", "dé", "b,c", "a longer value of some thirty bytes"};

    @TempDir
    Path dir;

    @Test
    void everyColumnTypeNullsAndListsReadBackAcrossRowGroups() throws IOException {
        Random random = new Random(11);
        List<RecordBatch> batches = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            int rows = 1000 + b * 7;
            ColumnBuilder[] builders = {
                ColumnBuilder.of("i", FeatureType.INT),
                ColumnBuilder.of("f", FeatureType.FLOAT),
                ColumnBuilder.of("s", FeatureType.STRING),
                ColumnBuilder.of("il", FeatureType.INT),
                ColumnBuilder.of("fl", FeatureType.FLOAT),
                ColumnBuilder.of("sl", FeatureType.STRING),
                ColumnBuilder.of("i_as_f", FeatureType.INT),
                ColumnBuilder.of("i_as_s", FeatureType.INT),
                ColumnBuilder.of("f_as_s", FeatureType.FLOAT)
            };
            for (int r = 0; r < rows; r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < builders.length; c++) {
                    cells.add(appendRandom(builders[c], COLUMNS.get(c), random));
                }
                cells.add("-"); // "absent": no batch has it
                expected.add(String.join("|", cells));
            }
            List<Column> columns = new ArrayList<>();
            for (ColumnBuilder builder : builders) {
                columns.add(builder.build());
            }
            batches.add(new RecordBatch(rows, columns));
        }
        Path file = dir.resolve("all.parquet");
        AtomicFiles.write(file, out -> {
            BatchWriter writer = new ParquetBatchWriter(out, COLUMNS, 64 * 1024);
            for (RecordBatch batch : batches) {
                writer.write(batch);
            }
            writer.finish();
        });
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertThat(reader.getRowGroups()).hasSizeGreaterThan(1);
        }
        assertThat(rows(file)).isEqualTo(expected);
    }

    /**
     * Appends a random row (missing, or one value; for a list also empty or several) and returns its text as read
     * back from the declared column: an INT written as FLOAT is a double, a number written as STRING its Java text.
     */
    private static String appendRandom(ColumnBuilder builder, ParquetColumn declared, Random random) {
        boolean repeated = declared.repeated();
        int kind = random.nextInt(10);
        if (kind == 0) {
            builder.appendMissing();
            return "-";
        }
        int count = repeated ? random.nextInt(4) : 1;
        builder.startList();
        List<String> values = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            switch (builder.type()) {
                case INT -> {
                    long value = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(50) - 25;
                    builder.addInt(value);
                    values.add(
                            declared.type() == FeatureType.FLOAT ? ValueText.of((double) value) : Long.toString(value));
                }
                case FLOAT -> {
                    double value = random.nextInt(20) == 0 ? Double.NaN : random.nextInt(400) / 8.0 - 10;
                    builder.addFloat(value);
                    values.add(declared.type() == FeatureType.STRING ? Double.toString(value) : ValueText.of(value));
                }
                case STRING -> {
                    byte[] value = WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8);
                    builder.addString(value, 0, value.length);
                    values.add(new String(value, StandardCharsets.UTF_8));
                }
            }
        }
        builder.endList();
        return count == 0 ? "[]" : String.join(";", values);
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
