package dev.veracity.validate.checks;

import java.util.Objects;

/**
 * How far a metric may move from its value in the previous span's statistics: {@code |current - previous|} at most
 * {@code limit} ({@link Kind#ABSOLUTE}), or {@code |current - previous| / |previous|} at most {@code limit}
 * ({@link Kind#RELATIVE}; a previous value of 0 allows only 0). {@link #NONE} bounds nothing.
 *
 * <pre>{@code
 * new Change(Change.Kind.RELATIVE, 0.2)   // change: {max_relative: 0.2}
 * }</pre>
 *
 * @param kind  absolute, relative, or none
 * @param limit the largest change allowed, at least 0 (ignored for NONE)
 */
public record Change(Kind kind, double limit) {
    /** No bound on the change. */
    public static final Change NONE = new Change(Kind.NONE, 0);

    /** The kind of change bounded. */
    public enum Kind {
        NONE,
        ABSOLUTE,
        RELATIVE
    }

    public Change {
        Objects.requireNonNull(kind, "kind is null");
        if (!(limit >= 0)) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
    }

    /** {@return whether this bounds anything} */
    public boolean isBounded() {
        return kind != Kind.NONE;
    }

    /** {@return the change from {@code previous} to {@code current} in this kind's measure} */
    public double measure(double previous, double current) {
        double difference = Math.abs(current - previous);
        return switch (kind) {
            case NONE, ABSOLUTE -> difference;
            case RELATIVE -> difference == 0 ? 0 : difference / Math.abs(previous);
        };
    }
}
