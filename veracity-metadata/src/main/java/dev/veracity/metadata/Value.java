package dev.veracity.metadata;

import java.util.Objects;

/**
 * A property value of an artifact, execution or context: an integer, a double or a string (MLMD's
 * {@code Value} without STRUCT and PROTO).
 *
 * <pre>{@code
 * Map<String, Value> properties = Map.of("span", Value.of(3), "split_names", Value.of("train,eval"));
 * }</pre>
 *
 * @param type         which of the three fields holds the value
 * @param intValue     the value if {@code type} is INT, else 0
 * @param doubleValue  the value if {@code type} is DOUBLE, else 0
 * @param stringValue  the value if {@code type} is STRING, else ""
 */
public record Value(PropertyType type, long intValue, double doubleValue, String stringValue) {
    public Value {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(stringValue, "stringValue is null");
    }

    /** {@return an INT value} */
    public static Value of(long value) {
        return new Value(PropertyType.INT, value, 0, "");
    }

    /** {@return a DOUBLE value} */
    public static Value of(double value) {
        return new Value(PropertyType.DOUBLE, 0, value, "");
    }

    /** {@return a STRING value} */
    public static Value of(String value) {
        return new Value(PropertyType.STRING, 0, 0, value);
    }

    /** {@return the value as text, as the CLI prints it} */
    @Override
    public String toString() {
        return switch (type) {
            case INT -> Long.toString(intValue);
            case DOUBLE -> Double.toString(doubleValue);
            case STRING -> stringValue;
        };
    }
}
