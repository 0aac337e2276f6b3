package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.InputException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetBatchWriterTest {
    @TempDir
    Path dir;

    @Test
    void csvConvertedToParquetReadsBackToTheSameRows() throws IOException {
        Path csv = Files.writeString(
                dir.resolve("e.csv"), "id,x,name\n1,1.5,a\n2,,\"b,c\"\n3,-2.25,\n4,NaN,dé\n", StandardCharsets.UTF_8);
        Path parquet = dir.resolve("e.parquet");
        Converter.Conversion done = Converter.convert(List.of(csv), ReadOptions.DEFAULT, parquet);
        assertThat(done.examples()).isEqualTo(4);
        assertThat(rows(parquet)).isEqualTo(rows(csv));
        assertThat(rows(parquet)).contains("4|NaN|dé");
    }

    @Test
    void listsBecomeParquetListsAndEmptyListsStayPresent() throws IOException {
        Path jsonl = Files.writeString(
                dir.resolve("e.jsonl"), "{\"t\":[\"a\",\"b\"],\"n\":[1,2]}\n{\"t\":[],\"n\":3}\n{\"n\":[]}\n");
        Path parquet = dir.resolve("e.parquet");
        Converter.convert(List.of(jsonl), ReadOptions.DEFAULT, parquet);
        assertThat(rows(parquet)).containsExactly("a;b|1;2", "[]|3", "-|[]");
    }

    @Test
    void aListInASingleValuedColumnNamesTheExample() throws IOException {
        ColumnBuilder x = ColumnBuilder.of("x", FeatureType.INT);
        x.appendInt(1);
        x.startList();
        x.addInt(1);
        x.addInt(2);
        x.endList();
        RecordBatch batch = new RecordBatch(2, List.of(x.build()));
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("x.parquet"), out -> {
                    BatchWriter writer =
                            new ParquetBatchWriter(out, List.of(new ParquetColumn("x", FeatureType.INT, false)));
                    writer.write(batch);
                    writer.finish();
                }))
                .isInstanceOf(InputException.class)
                .hasMessage("example 2, feature x: expected one value in a single-valued Parquet column, found 2 "
                        + "values");
        assertThat(dir.resolve("x.parquet")).doesNotExist();
    }

    @Test
    void theFirstRowThatCannotBeWrittenIsNamedWhicheverColumnItIsIn() throws IOException {
        ColumnBuilder x = ColumnBuilder.of("x", FeatureType.INT);
        ColumnBuilder y = ColumnBuilder.of("y", FeatureType.FLOAT);
        for (int r = 0; r < 4; r++) {
            if (r == 2) {
                x.appendMissing();
            } else if (r == 3) {
                x.startList();
                x.endList(); // an empty list in a single-valued column, a row after y's problem
            } else {
                x.appendInt(r);
            }
            y.appendFloat(r + 0.5); // a FLOAT in a column declared INT: from the first row
        }
        RecordBatch batch = new RecordBatch(4, List.of(x.build(), y.build()));
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("xy.parquet"), out -> {
                    BatchWriter writer = new ParquetBatchWriter(
                            out,
                            List.of(
                                    new ParquetColumn("x", FeatureType.INT, false),
                                    new ParquetColumn("y", FeatureType.INT, false)));
                    writer.write(batch);
                    writer.finish();
                }))
                .isInstanceOf(InputException.class)
                .hasMessage("example 1, feature y: expected INT values in its Parquet column, found FLOAT");
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
                        int count = ValueText.count(column, r);
                        if (!column.present()[r]) {
                            cells.add("-");
                        } else if (count == 0) {
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
