package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.ValueText;
import java.util.List;
import java.util.Map;

/**
 * A record of the serving path seen as a step's inputs: a value is a {@link Number}, a {@link CharSequence} or a
 * list of them; an absent key or {@code null} is missing.
 */
final class MapRow implements RowValues {
    private final Object[] values;

    MapRow(Map<String, ?> record, List<String> inputs) {
        values = new Object[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.get(inputs.get(i));
        }
    }

    @Override
    public boolean present(int input) {
        return values[input] != null;
    }

    @Override
    public int count(int input) {
        Object value = values[input];
        return value == null ? 0 : value instanceof List<?> list ? list.size() : 1;
    }

    private Object value(int input, int i) {
        Object value = values[input];
        Object element = value instanceof List<?> list ? list.get(i) : value;
        if (element instanceof Number || element instanceof CharSequence) {
            return element;
        }
        throw new InputException(
                ErrorCode.TRANSFORM_VALUE_INVALID,
                where() + ": expected a number or text, found "
                        + (element == null
                                ? "null in a list"
                                : element.getClass().getSimpleName()));
    }

    @Override
    public boolean isNumber(int input, int i) {
        return value(input, i) instanceof Number;
    }

    @Override
    public double number(int input, int i) {
        Object value = value(input, i);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new InputException(
                ErrorCode.TRANSFORM_VALUE_INVALID, where() + ": expected a number, found \"" + value + "\"");
    }

    @Override
    public String text(int input, int i) {
        Object value = value(input, i);
        if (value instanceof Double || value instanceof Float) {
            return ValueText.of(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        return value.toString();
    }

    @Override
    public String where() {
        return "the record";
    }
}
