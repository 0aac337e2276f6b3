package dev.veracity.labeling.feedback;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.ValueText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;

/**
 * Event times as epoch milliseconds: ISO-8601 text as Logstash ({@code 2024-05-01T10:00:00.123Z}) and Fluentd
 * ({@code 2024-05-01T10:00:00+0000}, {@code 2024-05-01 10:00:00 +0000}) write it, a local date-time taken as UTC, a
 * date (midnight UTC), or epoch numbers per {@link EpochUnit}.
 */
final class Timestamps {
    /** Seconds at or above this magnitude are taken as milliseconds by {@link EpochUnit#AUTO}. */
    static final double AUTO_MILLIS_THRESHOLD = 1e11;

    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter();

    private Timestamps() {}

    /** {@return epoch milliseconds of ISO-8601 text, or empty if it is not a timestamp} */
    static OptionalLong parse(String text) {
        String s = text.strip();
        try {
            TemporalAccessor parsed = TEXT.parse(s);
            LocalDateTime local = LocalDateTime.of(
                    LocalDate.from(parsed),
                    java.time.LocalTime.of(
                            parsed.get(ChronoField.HOUR_OF_DAY),
                            parsed.get(ChronoField.MINUTE_OF_HOUR),
                            parsed.isSupported(ChronoField.SECOND_OF_MINUTE)
                                    ? parsed.get(ChronoField.SECOND_OF_MINUTE)
                                    : 0,
                            parsed.isSupported(ChronoField.NANO_OF_SECOND)
                                    ? parsed.get(ChronoField.NANO_OF_SECOND)
                                    : 0));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return OptionalLong.of(OffsetDateTime.of(local, offset).toInstant().toEpochMilli());
        } catch (java.time.DateTimeException e) {
            try {
                return OptionalLong.of(LocalDate.parse(s)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toEpochMilli());
            } catch (DateTimeParseException notADate) {
                return OptionalLong.empty();
            }
        }
    }

    /** {@return epoch milliseconds of a number of seconds or milliseconds, as {@code unit} says} */
    static long ofNumber(double value, EpochUnit unit) {
        return switch (unit) {
            case SECONDS -> Math.round(value * 1000);
            case MILLISECONDS -> Math.round(value);
            case AUTO -> Math.abs(value) >= AUTO_MILLIS_THRESHOLD ? Math.round(value) : Math.round(value * 1000);
        };
    }

    /** {@return an epoch-millisecond time as ISO-8601 UTC text, e.g. {@code 2024-05-01T10:00:00Z}} */
    static String format(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** {@return the cell as epoch milliseconds, null if empty, or {@link Long#MIN_VALUE} if it is not a time} */
    static Long ofCell(Column column, int row, EpochUnit unit) {
        if (ValueText.count(column, row) == 0) {
            return null;
        }
        int i = column.rowOffsets()[row];
        if (column instanceof IntColumn c) {
            return ofNumber(c.values()[i], unit);
        }
        if (column instanceof FloatColumn c) {
            return Double.isFinite(c.values()[i]) ? ofNumber(c.values()[i], unit) : Long.MIN_VALUE;
        }
        var parsed = parse(ValueText.first(column, row));
        return parsed.isPresent() ? parsed.getAsLong() : Long.MIN_VALUE;
    }
}
