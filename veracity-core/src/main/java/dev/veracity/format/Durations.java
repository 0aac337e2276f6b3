package dev.veracity.format;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the durations people write in options and configuration files: an amount and a unit ({@code 500ms},
 * {@code 90s}, {@code 30m}, {@code 36h}, {@code 1.5d}, {@code 2w}), {@code 0}, or ISO-8601 ({@code PT1H}). One
 * reader for every command, pipeline parameter and checks file, so that they accept the same texts.
 *
 * <pre>{@code
 * Duration window = Durations.parse("24h").orElseThrow(); // PT24H
 * }</pre>
 */
public final class Durations {
    /** What the error messages say is expected. */
    public static final String EXPECTED = "a duration such as 90s, 30m, 24h, 1.5d, 2w or PT1H";

    /** Ten thousand years: more is a typo, and a double no longer holds the nanoseconds. */
    private static final double MAX_SECONDS = 1e4 * 365.25 * 86400;

    private Durations() {}

    /** {@return the duration {@code text} states, empty if it states none or a negative one} */
    public static Optional<Duration> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (t.startsWith("p")) {
                duration = Duration.parse(t.toUpperCase(Locale.ROOT));
            } else if (t.equals("0")) {
                duration = Duration.ZERO;
            } else {
                int unitLength = t.endsWith("ms") ? 2 : 1;
                double amount = Double.parseDouble(t.substring(0, t.length() - unitLength));
                double secondsPerUnit = unitLength == 2
                        ? 1e-3
                        : switch (t.charAt(t.length() - 1)) {
                            case 's' -> 1;
                            case 'm' -> 60;
                            case 'h' -> 3600;
                            case 'd' -> 86400;
                            case 'w' -> 7 * 86400;
                            default -> Double.NaN;
                        };
                double seconds = amount * secondsPerUnit;
                if (!(seconds >= 0 && seconds < MAX_SECONDS)
                        || Character.isLetter(t.charAt(t.length() - unitLength - 1))) {
                    return Optional.empty();
                }
                long whole = (long) Math.floor(seconds);
                duration = Duration.ofSeconds(whole, Math.round((seconds - whole) * 1e9));
            }
            return duration.isNegative() ? Optional.empty() : Optional.of(duration);
        } catch (NumberFormatException
                | DateTimeParseException
                | StringIndexOutOfBoundsException
                | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
