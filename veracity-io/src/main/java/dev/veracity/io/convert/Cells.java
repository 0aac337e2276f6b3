package dev.veracity.io.convert;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.nio.charset.StandardCharsets;

/** Values of a column as text, for the text writers. */
final class Cells {
    private Cells() {}

    /** {@return value {@code i} (an index into the column's values) as text: integers, shortest doubles, UTF-8} */
    static String text(Column column, int i) {
        if (column instanceof IntColumn ints) {
            return Long.toString(ints.values()[i]);
        }
        if (column instanceof FloatColumn floats) {
            return Double.toString(floats.values()[i]);
        }
        StringColumn strings = (StringColumn) column;
        int start = strings.valueOffsets()[i];
        return new String(strings.bytes(), start, strings.valueOffsets()[i + 1] - start, StandardCharsets.UTF_8);
    }
}
