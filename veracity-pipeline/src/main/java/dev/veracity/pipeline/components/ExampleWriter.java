package dev.veracity.pipeline.components;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import dev.veracity.io.convert.BatchWriter;
import dev.veracity.io.convert.ParquetBatchWriter;
import dev.veracity.io.convert.ParquetColumn;
import dev.veracity.io.convert.TfRecordBatchWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the examples of one split in one of the payload formats of our Examples artifacts: JSON Lines (the default:
 * a missing value is an absent key, one value a scalar, several (or none) an array; non-finite floats written
 * {@code NaN}, {@code Infinity}, {@code -Infinity} as Python's json module writes them), TFRecord of tf.Example
 * compressed with gzip (TFX's layout) or Parquet, the last two through veracity-io's batch writers. veracity-io
 * reads all three back ({@link ExampleReaders}).
 *
 * <pre>{@code
 * try (ExampleWriter out = ExampleWriter.create(dir, ExampleWriter.Format.TFRECORD, List.of())) { out.write(batch, rows, n); }
 * }</pre>
 */
public final class ExampleWriter implements AutoCloseable {
    /** A payload format of Examples, with the file name it is written to in a split directory and TFX's name of it. */
    public enum Format {
        /** JSON Lines, {@code data.jsonl}. */
        JSONL("data.jsonl", "jsonl"),
        /** TFRecord of tf.Example, gzip-compressed, as TFX's ExampleGen writes it. */
        TFRECORD("data_tfrecord-00000-of-00001.gz", "tfrecords_gzip"),
        /** Parquet, as TFX's Parquet ExampleGen names its files. */
        PARQUET("data_parquet-00000-of-00001.parquet", "parquet");

        private final String fileName;
        private final String property;

        Format(String fileName, String property) {
            this.fileName = fileName;
            this.property = property;
        }

        /** {@return the name of the file of a split} */
        public String fileName() {
            return fileName;
        }

        /** {@return the value of the artifact's {@code file_format} property} */
        public String property() {
            return property;
        }

        /** {@return the format named {@code text} (jsonl, tfrecord or parquet), if it is one} */
        public static java.util.Optional<Format> named(String text) {
            for (Format format : values()) {
                if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return java.util.Optional.of(format);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private final OutputStream stream;
    private final JsonGenerator json;
    private final BatchWriter batches;
    private long count;

    private ExampleWriter(OutputStream stream, JsonGenerator json, BatchWriter batches) {
        this.stream = stream;
        this.json = json;
        this.batches = batches;
    }

    /** {@return a JSON Lines writer of a new file} */
    public static ExampleWriter create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator json = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build()
                .createGenerator(stream);
        json.setRootValueSeparator(null);
        return new ExampleWriter(stream, json, null);
    }

    /**
     * {@return a writer of a new file {@link Format#fileName()} in the split directory}
     *
     * @param columns every feature of the examples, for Parquet's schema (ignored by the other formats)
     */
    public static ExampleWriter create(Path splitDirectory, Format format, List<ParquetColumn> columns)
            throws IOException {
        Path file = splitDirectory.resolve(format.fileName());
        return switch (format) {
            case JSONL -> create(file);
            case TFRECORD, PARQUET -> {
                Files.createDirectories(file.toAbsolutePath().getParent());
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                BatchWriter writer = format == Format.TFRECORD
                        ? new TfRecordBatchWriter(stream, true)
                        : new ParquetBatchWriter(stream, columns);
                yield new ExampleWriter(stream, null, writer);
            }
        };
    }

    /** Writes the rows {@code rows[0 .. count)} of a batch, in that order. */
    public void write(RecordBatch batch, int[] rows, int rowCount) throws IOException {
        if (rowCount == 0) {
            return;
        }
        if (batches != null) {
            batches.write(batch.select(rows, rowCount));
            count += rowCount;
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            write(batch, rows[i]);
        }
    }

    /** Writes one row of a batch as one line (JSON Lines only). */
    public void write(RecordBatch batch, int row) throws IOException {
        if (batches != null) {
            write(batch, new int[] {row}, 1);
            return;
        }
        json.writeStartObject();
        for (Column column : batch.columns()) {
            if (!column.present()[row]) {
                continue;
            }
            json.writeFieldName(column.name());
            int from = column.rowOffsets()[row];
            int to = column.rowOffsets()[row + 1];
            boolean list = to - from != 1;
            if (list) {
                json.writeStartArray();
            }
            for (int v = from; v < to; v++) {
                writeValue(column, v);
            }
            if (list) {
                json.writeEndArray();
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
        count++;
    }

    private void writeValue(Column column, int v) throws IOException {
        if (column instanceof IntColumn ints) {
            json.writeNumber(ints.values()[v]);
        } else if (column instanceof FloatColumn floats) {
            json.writeNumber(floats.values()[v]);
        } else {
            StringColumn strings = (StringColumn) column;
            int start = strings.valueOffsets()[v];
            json.writeString(
                    new String(strings.bytes(), start, strings.valueOffsets()[v + 1] - start, StandardCharsets.UTF_8));
        }
    }

    /** {@return the number of examples written} */
    public long count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.close();
        } else {
            batches.finish();
        }
        stream.close();
    }
}
