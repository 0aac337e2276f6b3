package dev.veracity.labeling.table;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;

/** Reads single cells of a column as canonical text; a missing or empty cell is null. */
public final class Cells {
    private Cells() {
    }

    /** {@return the number of values of {@code row}, 0 when missing} */
    public static int count(Column column, int row) {
        return column.present()[row] ? column.rowOffsets()[row + 1] - column.rowOffsets()[row] : 0;
    }

    /**
     * {@return the first value of a cell as text (integers and integral floats in decimal without a fraction, so an
     * INT key in one file joins the same key read as FLOAT or STRING in another), or null if the cell is empty}
     */
    public static String text(Column column, int row) {
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

    public static String canonical(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
