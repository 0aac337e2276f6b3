package dev.veracity.io.jsonl;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.ColumnBuilder;
import dev.veracity.data.FeatureType;
import dev.veracity.data.RecordBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The accepted lines of a second pass as typed column batches, one column per feature of the first pass. The records
 * must be parsed against the features whose {@code columns} these are (the same {@link JsonFeatures}, or its copy).
 */
final class JsonBatches {
    private final JsonRecords records;
    private final FeatureType[] types;
    private final ColumnBuilder[] builders;
    private final int[] rowOccurrence;
    private final int batchSize;
    private final String fileName;

    JsonBatches(JsonRecords records, List<JsonField> columns, int batchSize, String fileName) {
        this.records = Objects.requireNonNull(records, "records is null");
        this.types = JsonFeatures.types(columns).toArray(FeatureType[]::new);
        this.builders = new ColumnBuilder[types.length];
        for (int i = 0; i < types.length; i++) {
            builders[i] = ColumnBuilder.of(columns.get(i).name, types[i]);
        }
        this.rowOccurrence = new int[types.length];
        Arrays.fill(rowOccurrence, -1);
        this.batchSize = batchSize;
        this.fileName = Objects.requireNonNull(fileName, "fileName is null");
    }

    /**
     * {@return the next batch of at most {@code batchSize} rows; no rows at the end}
     *
     * @throws InputException with {@link dev.veracity.io.BadRecords#FAIL}, for a malformed line, or FILE_UNREADABLE
     *                        for a line whose keys or types the first pass did not see (the file changed)
     */
    RecordBatch next() throws IOException {
        int rowCount = 0;
        while (rowCount < batchSize && records.next()) {
            appendRow();
            rowCount++;
        }
        List<Column> columns = new ArrayList<>(builders.length);
        for (ColumnBuilder builder : builders) {
            columns.add(builder.build());
            builder.reset();
        }
        return new RecordBatch(rowCount, columns);
    }

    /** {@return a batch of no rows with a column per feature} */
    static RecordBatch empty(List<JsonField> columns) {
        List<Column> built = new ArrayList<>(columns.size());
        for (JsonField field : columns) {
            built.add(ColumnBuilder.of(field.name, field.type()).build());
        }
        return new RecordBatch(0, built);
    }

    private void appendRow() {
        ParsedLine parsed = records.parsed();
        for (int i = 0; i < parsed.occurrences(); i++) {
            JsonField field = parsed.field(i);
            if (!field.committed || parsed.isPresent(i) && field.column < 0) {
                throw changed(field);
            }
            if (parsed.isPresent(i)) {
                rowOccurrence[field.column] = i;
            }
        }
        for (int c = 0; c < builders.length; c++) {
            int i = rowOccurrence[c];
            ColumnBuilder builder = builders[c];
            if (i < 0) {
                builder.appendMissing();
                continue;
            }
            rowOccurrence[c] = -1;
            builder.startList();
            for (int v = parsed.valuesStart(i), end = parsed.valuesEnd(i); v < end; v++) {
                byte kind = parsed.kind(v);
                switch (types[c]) {
                    case INT -> {
                        if (kind != ParsedLine.INT && kind != ParsedLine.BOOLEAN) {
                            throw changed(parsed.field(i));
                        }
                        builder.addInt(parsed.longValue(v));
                    }
                    case FLOAT -> {
                        if (kind == ParsedLine.STRING) {
                            throw changed(parsed.field(i));
                        }
                        builder.addFloat(parsed.doubleValue(v));
                    }
                    case STRING -> {
                        if (kind != ParsedLine.STRING) {
                            throw changed(parsed.field(i));
                        }
                        builder.addString(parsed.strings(), parsed.stringStart(v), parsed.stringLength(v));
                    }
                }
            }
            builder.endList();
        }
    }

    /** The first pass saw other keys or types in this line, so the file changed between the passes. */
    private InputException changed(JsonField field) {
        return new InputException(
                ErrorCode.FILE_UNREADABLE,
                fileName + ":" + records.line() + ": expected "
                        + JsonLinesProblem.quote(field.name) + " as in the first pass, found another key or type"
                        + " (the file changed)");
    }
}
