package dev.veracity.data;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;

/**
 * The one way a value of a column is written as text, wherever text is needed (join keys, PII scans, redacted copies,
 * samples in reports): integers in decimal, strings as their UTF-8 text, floats as {@link #of(double)} says.
 *
 * <pre>{@code
 * String text = ValueText.of(batch.columns().get(0), 0); // the column's first value
 * }</pre>
 */
public final class ValueText {
    private static final double LONG_RANGE = 0x1p63;

    private ValueText() {}

    /**
     * {@return a float as text}: an integral value below 2<sup>63</sup> in magnitude as the integer it is ({@code 3},
     * not {@code 3.0}, so an INT key joins the same key read as FLOAT); other values with Java's shortest digits that
     * read back to the same double, in plain notation from 1e-7 to 1e21 ({@code 0.25}, {@code 12345678.5}) and
     * in exponent notation outside ({@code 1.5e-8}, {@code 1e+21}), as ECMAScript's Number::toString does;
     * {@code NaN}, {@code Infinity} and {@code -Infinity} as Java spells them
     */
    public static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < LONG_RANGE) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        String java = Double.toString(value);
        if (magnitude >= 1e-7 && magnitude < 1e21) {
            return new BigDecimal(java).stripTrailingZeros().toPlainString();
        }
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String exponent = java.substring(e + 1);
        return mantissa + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    /** {@return value {@code index} of the column (an index into its values, not a row) as text} */
    public static String of(Column column, int index) {
        if (column instanceof IntColumn ints) {
            return Long.toString(ints.values()[index]);
        }
        if (column instanceof FloatColumn floats) {
            return of(floats.values()[index]);
        }
        StringColumn strings = (StringColumn) column;
        int start = strings.valueOffsets()[index];
        return new String(strings.bytes(), start, strings.valueOffsets()[index + 1] - start, UTF_8);
    }

    /** {@return the number of values of {@code row}: 0 when the feature is missing from it} */
    public static int count(Column column, int row) {
        return column.present()[row] ? column.rowOffsets()[row + 1] - column.rowOffsets()[row] : 0;
    }

    /** {@return the first value of {@code row} as text, or "" when the row has none} */
    public static String first(Column column, int row) {
        return count(column, row) == 0 ? "" : of(column, column.rowOffsets()[row]);
    }

    /** {@return the values of {@code row} as text joined by {@code |}, or "" when the row has none} */
    public static String row(Column column, int row) {
        int count = count(column, row);
        if (count <= 1) {
            return first(column, row);
        }
        int from = column.rowOffsets()[row];
        StringBuilder joined = new StringBuilder();
        for (int v = from; v < from + count; v++) {
            joined.append(v > from ? "|" : "").append(of(column, v));
        }
        return joined.toString();
    }
}
