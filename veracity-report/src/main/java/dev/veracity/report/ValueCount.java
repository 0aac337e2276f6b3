package dev.veracity.report;

import static java.util.Objects.requireNonNull;

/**
 * A categorical value and how often it occurs.
 *
 * @param value the value, as the statistics hold it (never interpreted, drawn as text)
 * @param count its frequency
 */
public record ValueCount(String value, double count) {
    public ValueCount {
        requireNonNull(value, "value is null");
    }
}
