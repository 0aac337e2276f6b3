package dev.veracity.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink collecting one row's output as a Java value: the serving path. One value is a {@link Long}, {@link Double}
 * or {@link String}; none or several a list; missing is {@code null}.
 */
final class ValueSink implements Sink {
    private List<Object> values;
    private boolean present;

    @Override
    public void missing() {
        present = false;
        values = null;
    }

    @Override
    public void start() {
        present = true;
        values = new ArrayList<>(1);
    }

    @Override
    public void addInt(long value) {
        values.add(value);
    }

    @Override
    public void addFloat(double value) {
        values.add(value);
    }

    @Override
    public void addString(String value) {
        values.add(value);
    }

    @Override
    public void end() {
        // The list is complete.
    }

    /** {@return the value collected, or null when missing} */
    Object value() {
        if (!present) {
            return null;
        }
        return values.size() == 1 ? values.get(0) : List.copyOf(values);
    }
}
