package dev.veracity.io.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each row as one JSON object per line: a missing feature is left out, one value is a scalar, an empty list
 * or several values an array; NaN and infinities are the bare tokens {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, as Python's {@code json} writes them. Bytes that are not UTF-8 are replaced (JSON holds text).
 *
 * <pre>{@code
 * BatchWriter writer = new JsonLinesBatchWriter(out);
 * }</pre>
 */
public final class JsonLinesBatchWriter implements BatchWriter {
    private final JsonGenerator json;
    private final OutputStream out;

    public JsonLinesBatchWriter(OutputStream out) throws IOException {
        this.out = out;
        // NaN and +-Infinity as Python's json module writes them (bare NaN, Infinity, -Infinity), which our JSON Lines
        // reader accepts as FLOAT; Jackson's default, "NaN" as a string, would make the column a STRING conflict.
        this.json = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build()
                .createGenerator(out);
        this.json.setRootValueSeparator(null);
    }

    @Override
    public void write(RecordBatch batch) throws IOException {
        for (int r = 0; r < batch.rowCount(); r++) {
            json.writeStartObject();
            for (Column column : batch.columns()) {
                if (!column.present()[r]) {
                    continue;
                }
                json.writeFieldName(column.name());
                int from = column.rowOffsets()[r];
                int to = column.rowOffsets()[r + 1];
                if (to - from == 1) {
                    value(column, from);
                } else {
                    json.writeStartArray();
                    for (int i = from; i < to; i++) {
                        value(column, i);
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }
    }

    private void value(Column column, int i) throws IOException {
        if (column instanceof IntColumn ints) {
            json.writeNumber(ints.values()[i]);
        } else if (column instanceof FloatColumn floats) {
            json.writeNumber(floats.values()[i]);
        } else {
            json.writeString(Cells.text(column, i));
        }
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
