package dev.veracity.privacy.redact;

import dev.veracity.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV with a header row (RFC 4180): a cell is quoted when it holds the delimiter, a quote, CR or LF, or starts or
 * ends with a space; a missing value is an empty cell. One value per cell.
 */
final class CsvRowWriter implements RowWriter {
    private final Writer out;
    private final char delimiter;
    private final String file;
    private List<String> names = List.of();

    CsvRowWriter(OutputStream stream, char delimiter, String file) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.delimiter = delimiter;
        this.file = file;
    }

    @Override
    public void start(List<String> names) throws IOException {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            write(names.get(i));
        }
        out.write('\n');
    }

    @Override
    public void row(long row, List<OutputCell> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            OutputCell cell = cells.get(i);
            if (!cell.present()) {
                continue;
            }
            if (cell.values().size() != 1) {
                throw new ConfigException(file + ": row " + row + ", feature " + names.get(i) + ": expected one "
                        + "value per CSV cell, found a list of " + cell.values().size() + "; write JSON Lines "
                        + "(.jsonl) instead");
            }
            write(cell.values().get(0));
        }
        out.write('\n');
    }

    private void write(String value) throws IOException {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
