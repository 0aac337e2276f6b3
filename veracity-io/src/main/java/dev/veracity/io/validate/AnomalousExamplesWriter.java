package dev.veracity.io.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.veracity.data.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes each anomalous row as one JSON object per line, in input order:
 * {@code {"row": 17, "line": 18, "file": "trips.csv", "reasons": ["INT_TYPE_SMALL_INT"],
 * "features": {"clicks": ["INT_TYPE_SMALL_INT"]}, "values": {"clicks": -3, ...}}}. {@code row} is the 1-based data
 * row of its file (header excluded), {@code line} the line it starts on (left out when unknown), {@code reasons}
 * TFDV's anomaly type names, {@code values} the row as validated in column order, without the features the schema
 * marks as PII and without missing ones. At most {@code maxExamples} rows are written.
 *
 * <pre>{@code
 * AnomalousExamplesWriter writer = new AnomalousExamplesWriter(out, PiiProtection.features(schema), 1000);
 * }</pre>
 */
public final class AnomalousExamplesWriter implements ExampleSink {
    private final JsonGenerator json;
    private final OutputStream out;
    private final Set<String> hidden;
    private final long maxExamples;
    private long written;

    /**
     * @param hidden      features whose values are never written (the schema's PII features)
     * @param maxExamples the most rows written (at least 0)
     */
    public AnomalousExamplesWriter(OutputStream out, Set<String> hidden, long maxExamples) throws IOException {
        this.out = Objects.requireNonNull(out, "out is null");
        this.hidden = Set.copyOf(hidden);
        if (maxExamples < 0) {
            throw new IllegalArgumentException("maxExamples is negative: " + maxExamples);
        }
        this.maxExamples = maxExamples;
        this.json = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build()
                .createGenerator(out);
        this.json.setRootValueSeparator(null);
    }

    /** {@return the rows written so far} */
    public long written() {
        return written;
    }

    @Override
    public void accept(ValidatedBatch batch) throws IOException {
        for (ValidatedBatch.Example example : batch.examples()) {
            if (written >= maxExamples) {
                return;
            }
            write(batch, example);
            written++;
        }
    }

    private void write(ValidatedBatch batch, ValidatedBatch.Example example) throws IOException {
        json.writeStartObject();
        json.writeNumberField("row", example.row());
        if (example.line() > 0) {
            json.writeNumberField("line", example.line());
        }
        json.writeStringField("file", batch.file().toString());
        json.writeArrayFieldStart("reasons");
        for (String reason : example.reasons()) {
            json.writeString(reason);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("features");
        for (Map.Entry<String, List<String>> feature : example.features().entrySet()) {
            json.writeArrayFieldStart(feature.getKey());
            for (String type : feature.getValue()) {
                json.writeString(type);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("values");
        for (Column column : batch.batch().columns()) {
            Object value = example.record().get(column.name());
            if (value == null || hidden.contains(column.name())) {
                continue;
            }
            json.writeFieldName(column.name());
            if (value instanceof List<?> values) {
                json.writeStartArray();
                for (Object one : values) {
                    scalar(one);
                }
                json.writeEndArray();
            } else {
                scalar(value);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    private void scalar(Object value) throws IOException {
        if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    /** Writes what is pending; does not close the stream. */
    public void finish() throws IOException {
        json.flush();
    }
}
