package dev.veracity.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a time value as text: ISO-8601 date-time with or without an offset ({@code 2024-04-01T05:58:53},
 * {@code 2024-04-01T05:58:53+02:00}, {@code 2024-04-01T03:58:53Z}), a date ({@code 2024-04-01}), or whole seconds
 * since the epoch; times with an offset are taken to UTC, local times as they are.
 *
 * <pre>{@code
 * TimeValues.parse("1711951133"); // 2024-04-01T05:58:53
 * }</pre>
 */
final class TimeValues {
    private TimeValues() {}

    /** {@return the time the text names, or empty if it names none} */
    static Optional<LocalDateTime> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-') && t.length() <= 12 && t.indexOf('-', 1) < 0) {
            try {
                return Optional.of(LocalDateTime.ofEpochSecond(Long.parseLong(t), 0, ZoneOffset.UTC));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDateTime.parse(t));
        } catch (DateTimeParseException e) {
            // try the forms below
        }
        try {
            return Optional.of(OffsetDateTime.parse(t)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime());
        } catch (DateTimeParseException e) {
            // try the forms below
        }
        try {
            return Optional.of(LocalDateTime.ofInstant(Instant.parse(t), ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // try the form below
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
