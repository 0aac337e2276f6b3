package dev.veracity.privacy.redact;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON Lines: one object per row with the present features as keys (dotted names of nested input stay dotted keys);
 * unchanged numbers stay numbers, a single value is a scalar and several an array.
 */
final class JsonLinesRowWriter implements RowWriter {
    private final JsonGenerator json;
    private List<String> names = List.of();

    JsonLinesRowWriter(OutputStream stream) throws IOException {
        this.json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(new SerializedString("\n"));
    }

    @Override
    public void start(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public void row(long row, List<OutputCell> cells) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < cells.size(); i++) {
            OutputCell cell = cells.get(i);
            if (!cell.present()) {
                continue;
            }
            json.writeFieldName(names.get(i));
            if (cell.values().size() == 1) {
                value(cell.values().get(0), cell.numeric());
            } else {
                json.writeStartArray();
                for (String value : cell.values()) {
                    value(value, cell.numeric());
                }
                json.writeEndArray();
            }
        }
        json.writeEndObject();
    }

    private void value(String text, boolean numeric) throws IOException {
        if (numeric) {
            json.writeNumber(text);
        } else {
            json.writeString(text);
        }
    }

    @Override
    public void finish() throws IOException {
        json.writeRaw('\n');
        json.flush();
    }
}
