package dev.veracity.data;

import java.util.List;
import java.util.Objects;

/**
 * A few thousand rows as typed columns: what every reader produces and every accumulator consumes.
 *
 * @param rowCount the number of rows (examples)
 * @param columns  one column per feature, each with {@code rowCount} rows
 * @param nesting  the list levels and structs of nested features ({@link Nesting#NONE} for flat data)
 */
public record RecordBatch(int rowCount, List<Column> columns, Nesting nesting) {
    /** A batch of flat columns. */
    public RecordBatch(int rowCount, List<Column> columns) {
        this(rowCount, columns, Nesting.NONE);
    }

    public RecordBatch {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        Objects.requireNonNull(nesting, "nesting is null");
        for (Column column : columns) {
            if (column.rowCount() != rowCount) {
                throw new IllegalArgumentException(
                        "column " + column.name() + " has " + column.rowCount() + " rows, expected " + rowCount);
            }
        }
        if (!nesting.isEmpty()) {
            nesting.checkAgainst(rowCount, columns);
        }
    }

    /**
     * {@return a batch of the rows {@code rows[0 .. count)} of this one, in that order}
     *
     * @throws IndexOutOfBoundsException if a row is not in this batch
     */
    public RecordBatch select(int[] rows, int count) {
        java.util.Objects.checkFromToIndex(0, count, rows.length);
        for (int i = 0; i < count; i++) {
            java.util.Objects.checkIndex(rows[i], rowCount);
        }
        return RowSelection.select(this, rows, count);
    }
}
