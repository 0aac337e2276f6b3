package dev.veracity.labeling.feedback;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;

/** Reads single cells of a column as canonical text or as a time; a missing or empty cell is null. */
final class Cells {
    private Cells() {
    }

    /** {@return the number of values of {@code row}, 0 when missing} */
    static int count(Column column, int row) {
        return column.present()[row] ? column.rowOffsets()[row + 1] - column.rowOffsets()[row] : 0;
    }

    /**
     * {@return the first value of a cell as text (integers and integral floats in decimal without a fraction, so an
     * INT key in one file joins the same key read as FLOAT or STRING in another), or null if the cell is empty}
     */
    static String text(Column column, int row) {
        if (count(column, row) == 0) {
            return null;
        }
        int i = column.rowOffsets()[row];
        if (column instanceof IntColumn c) {
            return Long.toString(c.values()[i]);
        }
        if (column instanceof FloatColumn c) {
            return canonical(c.values()[i]);
        }
        StringColumn c = (StringColumn) column;
        return new String(c.bytes(), c.valueOffsets()[i], c.valueOffsets()[i + 1] - c.valueOffsets()[i], UTF_8);
    }

    static String canonical(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** {@return the cell as epoch milliseconds, null if empty, or {@link Long#MIN_VALUE} if it is not a time} */
    static Long time(Column column, int row, EpochUnit unit) {
        if (count(column, row) == 0) {
            return null;
        }
        int i = column.rowOffsets()[row];
        if (column instanceof IntColumn c) {
            return Timestamps.ofNumber(c.values()[i], unit);
        }
        if (column instanceof FloatColumn c) {
            return Double.isFinite(c.values()[i]) ? Timestamps.ofNumber(c.values()[i], unit) : Long.MIN_VALUE;
        }
        var parsed = Timestamps.parse(text(column, row));
        return parsed.isPresent() ? parsed.getAsLong() : Long.MIN_VALUE;
    }
}
