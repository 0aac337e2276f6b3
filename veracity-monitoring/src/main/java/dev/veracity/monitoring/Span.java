package dev.veracity.monitoring;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The length of the time spans rows are grouped into, each named by its start in UTC: {@code 2024-04-01} (day),
 * {@code 2024-04-01} (week, the Monday it starts on), {@code 2024-04-01T05} (hour). Names sort in time order.
 *
 * <pre>{@code
 * Span.DAY.of(LocalDateTime.parse("2024-04-01T05:58:53")); // "2024-04-01"
 * }</pre>
 */
public enum Span {
    HOUR,
    DAY,
    WEEK;

    private static final DateTimeFormatter HOUR_NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT);

    /** {@return the name of the span holding the time} */
    public String of(LocalDateTime time) {
        return switch (this) {
            case HOUR -> HOUR_NAME.format(time);
            case DAY -> time.toLocalDate().toString();
            case WEEK ->
                time.toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toString();
        };
    }

    /** {@return the span named hour, day or week} @throws IllegalArgumentException for another name */
    public static Span named(String name) {
        return Span.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
