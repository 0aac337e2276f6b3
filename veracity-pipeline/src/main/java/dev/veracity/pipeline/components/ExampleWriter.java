package dev.veracity.pipeline.components;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import dev.veracity.data.StringColumn;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes examples of one split as JSON Lines, the payload format of our Examples artifacts (any reader's batches
 * can be written, and veracity-io reads them back with the same types): a missing value is an absent key, one value
 * a scalar, several (or none) an array. Non-finite floats are written {@code NaN}, {@code Infinity},
 * {@code -Infinity}, as Python's json module writes them (and the JSON Lines reader accepts).
 *
 * <pre>{@code
 * try (ExampleWriter out = ExampleWriter.create(dir.resolve("data.jsonl"))) { out.write(batch, row); }
 * }</pre>
 */
public final class ExampleWriter implements AutoCloseable {
    private final OutputStream stream;
    private final JsonGenerator json;
    private long count;

    private ExampleWriter(OutputStream stream, JsonGenerator json) {
        this.stream = stream;
        this.json = json;
    }

    /** {@return a writer of a new file} */
    public static ExampleWriter create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator json = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build()
                .createGenerator(stream);
        json.setRootValueSeparator(null);
        return new ExampleWriter(stream, json);
    }

    /** Writes one row of a batch as one line. */
    public void write(RecordBatch batch, int row) throws IOException {
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
        json.close();
        stream.close();
    }
}
