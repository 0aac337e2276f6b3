package dev.veracity.io.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes each row as one JSON object per line: a missing feature is left out, one value is a scalar, an empty list
 * or several values an array. Bytes that are not UTF-8 are replaced (JSON holds text).
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
        this.json = new JsonFactory().createGenerator(out);
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
