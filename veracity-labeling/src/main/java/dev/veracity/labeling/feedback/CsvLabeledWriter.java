package dev.veracity.labeling.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.List;

/**
 * Labeled rows as CSV (RFC 4180: a field is quoted when it holds a comma, quote or line break; LF line ends). A
 * missing value is an empty field; a list of several values is written as its JSON array text.
 */
final class CsvLabeledWriter implements LabeledWriter {
    private final Writer out;
    private int columnCount;

    CsvLabeledWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, UTF_8), 1 << 16);
    }

    @Override
    public void start(List<String> predictionColumns, List<String> addedColumns) throws IOException {
        columnCount = predictionColumns.size();
        StringBuilder header = new StringBuilder();
        for (String name : predictionColumns) {
            field(header, name);
        }
        for (String name : addedColumns) {
            field(header, name);
        }
        line(header);
    }

    @Override
    public void write(LabeledRow row, String asOf) throws IOException {
        StringBuilder line = new StringBuilder();
        for (List<Object> values : RowBody.decode(row.body(), columnCount)) {
            field(
                    line,
                    values == null || values.isEmpty()
                            ? ""
                            : values.size() == 1 ? text(values.get(0)) : JsonLinesLabeledWriter.arrayText(values));
        }
        field(line, row.label());
        field(line, row.status().text());
        field(line, row.hasOutcome() ? Timestamps.format(row.outcomeTime()) : "");
        field(line, row.hasOutcome() ? LabeledWriter.seconds(row.delayMillis()) : "");
        field(line, asOf);
        line(line);
    }

    static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        if (value instanceof Double d) {
            return dev.veracity.data.ValueText.of(d);
        }
        return value.toString();
    }

    private static void field(StringBuilder line, String value) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    private void line(StringBuilder line) throws IOException {
        out.append(line).append('\n');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
