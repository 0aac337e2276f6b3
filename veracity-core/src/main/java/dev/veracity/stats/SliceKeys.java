package dev.veracity.stats;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The slice names of one row under one slicing: {@code feature_value} parts, crossed, as TFDV names them. */
final class SliceKeys {
    private SliceKeys() {}

    /** {@return the names of the slices row {@code row} belongs to; empty if a slicing feature is missing} */
    static List<String> of(List<Column> slicingColumns, List<String> features, int row) {
        List<String> keys = List.of("");
        for (int f = 0; f < features.size(); f++) {
            Column column = slicingColumns.get(f);
            if (column == null || !column.present()[row]) {
                return List.of();
            }
            Set<String> values = values(column, row);
            if (values.isEmpty()) {
                return List.of();
            }
            List<String> crossed = new ArrayList<>(keys.size() * values.size());
            for (String prefix : keys) {
                for (String value : values) {
                    crossed.add((prefix.isEmpty() ? "" : prefix + "_") + features.get(f) + "_" + value);
                }
            }
            keys = crossed;
        }
        return keys;
    }

    private static Set<String> values(Column column, int row) {
        int from = column.rowOffsets()[row];
        int to = column.rowOffsets()[row + 1];
        Set<String> values = new LinkedHashSet<>();
        for (int v = from; v < to; v++) {
            if (column instanceof IntColumn ints) {
                values.add(Long.toString(ints.values()[v]));
            } else if (column instanceof FloatColumn floats) {
                values.add(pythonFloat(floats.values()[v]));
            } else {
                StringColumn strings = (StringColumn) column;
                int start = strings.valueOffsets()[v];
                values.add(new String(
                        strings.bytes(), start, strings.valueOffsets()[v + 1] - start, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** {@return a float as Python's {@code str} writes it for ordinary values: {@code 2.0}, {@code 0.5}, {@code nan}} */
    private static String pythonFloat(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        return Double.toString(x);
    }
}
