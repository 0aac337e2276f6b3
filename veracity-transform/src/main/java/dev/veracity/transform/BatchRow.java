package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;

/** One row of a record batch seen as a step's inputs; a column the batch lacks is missing in every row. */
final class BatchRow implements RowValues {
    private final Column[] columns;
    private final long firstRecord;
    int row;

    /** @param firstRecord the 1-based number of the batch's first record in its input, for messages */
    BatchRow(Column[] columns, long firstRecord) {
        this.columns = columns;
        this.firstRecord = firstRecord;
    }

    @Override
    public boolean present(int input) {
        Column column = columns[input];
        return column != null && column.present()[row];
    }

    @Override
    public int count(int input) {
        Column column = columns[input];
        return column == null || !column.present()[row] ? 0 : column.rowOffsets()[row + 1] - column.rowOffsets()[row];
    }

    @Override
    public boolean isNumber(int input, int i) {
        return !(columns[input] instanceof StringColumn);
    }

    @Override
    public double number(int input, int i) {
        Column column = columns[input];
        int at = column.rowOffsets()[row] + i;
        if (column instanceof FloatColumn floats) {
            return floats.values()[at];
        }
        if (column instanceof IntColumn ints) {
            return ints.values()[at];
        }
        throw new InputException(
                ErrorCode.TRANSFORM_VALUE_INVALID,
                where() + ", column " + column.name() + ": expected a number, found \"" + ValueText.of(column, at)
                        + "\"");
    }

    @Override
    public String text(int input, int i) {
        Column column = columns[input];
        return ValueText.of(column, column.rowOffsets()[row] + i);
    }

    @Override
    public String where() {
        return "record " + (firstRecord + row);
    }
}
