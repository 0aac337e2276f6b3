package dev.veracity.cli;

import dev.veracity.ConfigException;
import dev.veracity.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the durations ({@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, ISO {@code PT1H}) and sizes of options. */
final class LabelUnits {
    private LabelUnits() {}

    static Duration duration(String option, String text) {
        return Durations.parse(text)
                .orElseThrow(() ->
                        new ConfigException(option + ": expected " + Durations.EXPECTED + ", found '" + text + "'"));
    }

    static long bytes(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
        try {
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            long amount = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
            if (amount < 1) {
                throw new NumberFormatException(t);
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    option + ": expected a size such as 64m, 2g or 500000 (bytes), found '" + text + "'");
        }
    }

    static long instant(String option, String text) {
        try {
            return Instant.parse(text.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ConfigException(
                    option + ": expected an ISO-8601 instant such as 2024-05-04T00:00:00Z, found '" + text + "'");
        }
    }
}
