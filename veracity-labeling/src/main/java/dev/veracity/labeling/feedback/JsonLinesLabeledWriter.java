package dev.veracity.labeling.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Labeled rows as JSON Lines: one object per prediction with its present columns (a single value as a scalar, a list
 * as an array) and the label columns; a label that is an integer is written as a number, as is the delay.
 */
final class JsonLinesLabeledWriter implements LabeledWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final OutputStream out;
    private JsonGenerator json;
    private List<String> predictionColumns;
    private List<String> addedColumns;

    JsonLinesLabeledWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void start(List<String> predictionColumns, List<String> addedColumns) throws IOException {
        this.predictionColumns = predictionColumns;
        this.addedColumns = addedColumns;
        json = FACTORY.createGenerator(out);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(LabeledRow row, String asOf) throws IOException {
        json.writeStartObject();
        List<List<Object>> cells = RowBody.decode(row.body(), predictionColumns.size());
        for (int c = 0; c < cells.size(); c++) {
            List<Object> values = cells.get(c);
            if (values == null) {
                continue;
            }
            json.writeFieldName(predictionColumns.get(c));
            if (values.size() == 1) {
                value(json, values.get(0));
            } else {
                array(json, values);
            }
        }
        if (!row.label().isEmpty()) {
            json.writeFieldName(addedColumns.get(0));
            if (isInteger(row.label())) {
                json.writeNumber(Long.parseLong(row.label()));
            } else {
                json.writeString(row.label());
            }
        }
        json.writeStringField(addedColumns.get(1), row.status().text());
        if (row.hasOutcome()) {
            json.writeStringField(addedColumns.get(2), Timestamps.format(row.outcomeTime()));
            json.writeFieldName(addedColumns.get(3));
            json.writeNumber(row.delayMillis() / 1000.0);
        }
        json.writeStringField(addedColumns.get(4), asOf);
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static boolean isInteger(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = text.charAt(0) == '-' ? 1 : 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.equals("-");
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else {
            json.writeString(new String((byte[]) value, UTF_8));
        }
    }

    private static void array(JsonGenerator json, List<Object> values) throws IOException {
        json.writeStartArray();
        for (Object value : values) {
            value(json, value);
        }
        json.writeEndArray();
    }

    /** {@return the JSON array text of a list of values, as CSV writes multivalent cells} */
    static String arrayText(List<Object> values) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            array(json, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void finish() throws IOException {
        json.flush();
    }
}
