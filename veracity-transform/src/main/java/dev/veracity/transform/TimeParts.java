package dev.veracity.transform;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Calendar parts of a time value, in UTC: ISO-8601 text or a number of seconds or milliseconds since the epoch. */
final class TimeParts {
    private TimeParts() {}

    /** {@return value {@code i} of the input as a UTC date-time} */
    static LocalDateTime of(RowValues row, int input, int i, Parameters.EpochUnit unit, String column) {
        if (row.isNumber(input, i)) {
            double value = row.number(input, i);
            if (!Double.isFinite(value)) {
                throw invalid(row, column, Double.toString(value));
            }
            double seconds = unit == Parameters.EpochUnit.SECONDS ? value : value / 1000;
            long whole = (long) Math.floor(seconds);
            long nanos = Math.round((seconds - whole) * 1e9);
            return LocalDateTime.ofEpochSecond(whole, 0, ZoneOffset.UTC).plusNanos(nanos);
        }
        String text = row.text(input, i).strip();
        try {
            return OffsetDateTime.parse(text)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        } catch (DateTimeParseException e) {
            // Not with an offset: a local date-time or a date, read as UTC.
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // A date alone?
        }
        try {
            return LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw invalid(row, column, text);
            }
        }
    }

    private static InputException invalid(RowValues row, String column, String found) {
        return new InputException(
                ErrorCode.TRANSFORM_VALUE_INVALID,
                row.where() + ", column " + column + ": expected an ISO-8601 time or a number of seconds since "
                        + "1970-01-01T00:00Z, found \"" + found + "\"");
    }

    /** {@return the fraction of the period elapsed at {@code time}, in [0, 1)} */
    static double fraction(LocalDateTime time, Parameters.Period period) {
        double secondOfDay = time.toLocalTime().toNanoOfDay() / 1e9;
        return switch (period) {
            case DAY -> secondOfDay / 86_400;
            case WEEK -> (time.getDayOfWeek().getValue() - 1 + secondOfDay / 86_400) / 7;
            case YEAR ->
                (time.getDayOfYear() - 1 + secondOfDay / 86_400)
                        / time.toLocalDate().lengthOfYear();
        };
    }
}
