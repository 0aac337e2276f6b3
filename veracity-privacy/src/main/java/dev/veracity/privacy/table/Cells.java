package dev.veracity.privacy.table;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.nio.charset.StandardCharsets;

/** Values of a column as text: strings decoded as UTF-8, integers in decimal, floats as Java prints them. */
public final class Cells {
    private Cells() {
    }

    /** {@return value {@code index} (an index into the column's values, not a row) as text} */
    public static String text(Column column, int index) {
        if (column instanceof StringColumn s) {
            return new String(s.bytes(), s.valueOffsets()[index], s.valueOffsets()[index + 1] - s.valueOffsets()[index],
                    StandardCharsets.UTF_8);
        }
        if (column instanceof IntColumn i) {
            return Long.toString(i.values()[index]);
        }
        return Double.toString(((FloatColumn) column).values()[index]);
    }

    /** {@return the single value of a row as text, or the values joined by {@code |}; "" when missing or empty} */
    public static String rowText(Column column, int row) {
        int from = column.rowOffsets()[row];
        int to = column.rowOffsets()[row + 1];
        if (!column.present()[row] || from == to) {
            return "";
        }
        if (to - from == 1) {
            return text(column, from);
        }
        StringBuilder joined = new StringBuilder();
        for (int v = from; v < to; v++) {
            joined.append(v > from ? "|" : "").append(text(column, v));
        }
        return joined.toString();
    }
}
