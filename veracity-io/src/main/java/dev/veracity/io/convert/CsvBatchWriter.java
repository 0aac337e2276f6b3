package dev.veracity.io.convert;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes rows as RFC 4180 CSV with a header of the given features: a missing value is an empty cell, a value with a
 * comma, quote or line break is quoted. CSV holds one value per cell, so an empty list or several values are an
 * error naming the feature and the example (convert to JSON Lines or TFRecord instead).
 *
 * <pre>{@code
 * BatchWriter writer = new CsvBatchWriter(out, List.of("age", "country"));
 * }</pre>
 */
public final class CsvBatchWriter implements BatchWriter {
    private final OutputStream out;
    private final List<String> header;
    private long example;
    private final StringBuilder line = new StringBuilder();

    /** @param header the features, in column order; a feature a batch lacks is empty in its rows */
    public CsvBatchWriter(OutputStream out, List<String> header) throws IOException {
        this.out = Objects.requireNonNull(out, "out is null");
        this.header = List.copyOf(header);
        for (int c = 0; c < this.header.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            cell(this.header.get(c));
        }
        endLine();
    }

    @Override
    public void write(RecordBatch batch) throws IOException {
        List<Column> columns = new ArrayList<>(header.size());
        for (String feature : header) {
            columns.add(batch.columns().stream()
                    .filter(c -> c.name().equals(feature))
                    .findFirst()
                    .orElse(null));
        }
        for (int r = 0; r < batch.rowCount(); r++) {
            example++;
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                Column column = columns.get(c);
                if (column == null || !column.present()[r]) {
                    continue;
                }
                int from = column.rowOffsets()[r];
                int count = column.rowOffsets()[r + 1] - from;
                if (count != 1) {
                    throw new InputException(
                            ErrorCode.CONVERT_NOT_REPRESENTABLE,
                            "example " + example + ", feature "
                                    + column.name() + ": expected one value per CSV cell, found " + count
                                    + " values; convert to JSON Lines or TFRecord instead");
                }
                cell(Cells.text(column, from));
            }
            endLine();
        }
    }

    private void cell(String text) {
        boolean quote = text.isEmpty()
                || text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private void endLine() throws IOException {
        line.append('\n');
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    @Override
    public void finish() {
        // Each line is written as it ends.
    }
}
