package dev.veracity.stats;

import dev.veracity.proto.TimeDomain.IntegerTimeFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The time formats TFDV's {@code TimeStatsGenerator} recognizes: string formats written with {@code strptime}
 * directives, each turned into a regular expression as TFDV turns it, and integer epochs by their range (a time on or
 * after 1990-01-01 and before 2030-01-01 UTC in days, seconds, milli-, micro- or nanoseconds).
 *
 * <p>Format {@code i} below {@link #stringFormatCount()} is a string format, {@link #format(int)} its strptime
 * text; the rest are the integer formats in TFDV's order ({@link #integerFormat(int)}). A value may match several
 * string formats ({@code "18-11-30"} is {@code %y-%m-%d} and {@code %d-%m-%y}); an integer matches at most one range.
 *
 * <pre>{@code
 * int seconds = TimeFormats.integerIndex(1_000_000_000L);   // the index of UNIX_SECONDS
 * }</pre>
 */
final class TimeFormats {
    /** TFDV's date-only formats, in its order. */
    private static final List<String> DATES = List.of(
            "%Y-%m-%d",
            "%Y/%m/%d",
            "%Y%m%d",
            "%y-%m-%d",
            "%y/%m/%d",
            "%m-%d-%Y",
            "%m/%d/%Y",
            "%m%d%Y",
            "%m-%d-%y",
            "%m/%d/%y",
            "%d-%m-%Y",
            "%d/%m/%Y",
            "%d%m%Y",
            "%d-%B-%Y",
            "%d-%m-%y",
            "%d/%m/%y",
            "%d-%B-%y");

    private static final List<String> TIMES = List.of("%H:%M", "%H:%M:%S", "%H:%M:%S.%f");
    private static final List<String> COMBINED = List.of("%a %b %d %H:%M:%S %Y");
    private static final List<String> TIME_DELIMITERS = List.of("T", " ");

    /**
     * The regular expression of each directive, as TFDV maps them (after Python's strptime). {@code \d} is any
     * Unicode decimal digit, as in Python's {@code re} on text; TFDV's {@code 60[0-1]} for leap seconds is kept.
     */
    private static final Map<Character, String> DIRECTIVES = Map.ofEntries(
            Map.entry('a', "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"),
            Map.entry('b', "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
            Map.entry('B', "(?:January|February|March|April|May|June|July|August|September|October|November|December)"),
            Map.entry('f', "(?:[0-9]{1,6})"),
            Map.entry('d', "(?:3[0-1]|[1-2]\\p{Nd}|0[1-9]|[1-9]| [1-9])"),
            Map.entry('H', "(?:2[0-3]|[0-1]\\p{Nd}|\\p{Nd})"),
            Map.entry('y', "(?:\\p{Nd}\\p{Nd})"),
            Map.entry('Y', "(?:\\p{Nd}\\p{Nd}\\p{Nd}\\p{Nd})"),
            Map.entry('m', "(?:1[0-2]|0[1-9]|[1-9])"),
            Map.entry('M', "(?:[0-5]\\p{Nd}|\\p{Nd})"),
            Map.entry('S', "(?:60[0-1]|[0-5]\\p{Nd}|\\p{Nd})"));

    /** The integer formats, in TFDV's order, with the first time of their range and the first time after it. */
    private static final IntegerTimeFormat[] INTEGER_FORMATS = {
        IntegerTimeFormat.UNIX_DAYS,
        IntegerTimeFormat.UNIX_SECONDS,
        IntegerTimeFormat.UNIX_MILLISECONDS,
        IntegerTimeFormat.UNIX_MICROSECONDS,
        IntegerTimeFormat.UNIX_NANOSECONDS
    };

    private static final long[] INTEGER_BEGINS = {
        7305L, 631152000L, 631152000000L, 631152000000000L, 631152000000000000L
    };
    private static final long[] INTEGER_ENDS = {
        21915L, 1893456000L, 1893456000000L, 1893456000000000L, 1893456000000000000L
    };

    private static final List<String> FORMATS = formats();
    private static final List<Pattern> PATTERNS =
            FORMATS.stream().map(TimeFormats::pattern).toList();

    /** The shortest and longest text of each directive, in characters (ASCII). */
    private static final Map<Character, int[]> DIRECTIVE_LENGTHS = Map.ofEntries(
            Map.entry('a', new int[] {3, 3}),
            Map.entry('b', new int[] {3, 3}),
            Map.entry('B', new int[] {3, 9}),
            Map.entry('f', new int[] {1, 6}),
            Map.entry('d', new int[] {1, 2}),
            Map.entry('H', new int[] {1, 2}),
            Map.entry('y', new int[] {2, 2}),
            Map.entry('Y', new int[] {4, 4}),
            Map.entry('m', new int[] {1, 2}),
            Map.entry('M', new int[] {1, 2}),
            Map.entry('S', new int[] {1, 3}));

    /**
     * Per string format, what a matching value must have (see {@link #mayMatch}): its literal '-', '/' and ':'
     * (no directive writes one; the '.' before {@code %f} matches any character, so one more of each is allowed),
     * whether it has a literal 'T', and its shortest and longest ASCII length.
     */
    private static final int[] DASHES = new int[FORMATS.size()];

    private static final int[] SLASHES = new int[FORMATS.size()];
    private static final int[] COLONS = new int[FORMATS.size()];
    private static final int[] WILDCARDS = new int[FORMATS.size()];
    private static final boolean[] NEEDS_T = new boolean[FORMATS.size()];
    private static final int[] MIN_LENGTH = new int[FORMATS.size()];
    private static final int[] MAX_LENGTH = new int[FORMATS.size()];

    static {
        for (int f = 0; f < FORMATS.size(); f++) {
            String format = FORMATS.get(f);
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '%') {
                    int[] lengths = DIRECTIVE_LENGTHS.get(format.charAt(++i));
                    MIN_LENGTH[f] += lengths[0];
                    MAX_LENGTH[f] += lengths[1];
                    continue;
                }
                MIN_LENGTH[f]++;
                MAX_LENGTH[f]++;
                switch (c) {
                    case '-' -> DASHES[f]++;
                    case '/' -> SLASHES[f]++;
                    case ':' -> COLONS[f]++;
                    case '.' -> WILDCARDS[f]++;
                    case 'T' -> NEEDS_T[f] = true;
                    default -> {}
                }
            }
        }
    }

    /**
     * The longest text any string format matches, in bytes of UTF-8: 35 characters ({@code %d-%B-%Y %H:%M:%S.%f}
     * with a September and a line end), each at most 4 bytes. Longer values are no time, whatever they hold.
     */
    static final int MAX_BYTES = 35 * 4;

    private TimeFormats() {}

    /** {@return TFDV's formats in its order: dates, times, the combined ones, then each date with each time} */
    private static List<String> formats() {
        List<String> formats = new ArrayList<>(DATES);
        formats.addAll(TIMES);
        formats.addAll(COMBINED);
        for (String date : DATES) {
            for (String time : TIMES) {
                for (String delimiter : TIME_DELIMITERS) {
                    formats.add(date + delimiter + time);
                }
            }
        }
        return List.copyOf(formats);
    }

    /**
     * {@return the pattern of a strptime format} Other characters stay regular-expression syntax, as in TFDV (its
     * {@code .} before {@code %f} matches any character but a line end). {@code $} also matches before a final
     * {@code \n}, as Python's does; {@link Pattern#UNIX_LINES} keeps other line ends from doing so.
     */
    private static Pattern pattern(String strptime) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < strptime.length(); i++) {
            char c = strptime.charAt(i);
            if (c == '%') {
                regex.append(DIRECTIVES.get(strptime.charAt(++i)));
            } else {
                regex.append(c);
            }
        }
        return Pattern.compile(regex.append('$').toString(), Pattern.UNIX_LINES);
    }

    /** {@return the number of formats, string and integer} */
    static int count() {
        return FORMATS.size() + INTEGER_FORMATS.length;
    }

    /** {@return the number of string formats; they come first} */
    static int stringFormatCount() {
        return FORMATS.size();
    }

    /** {@return the strptime text of string format {@code index}} */
    static String format(int index) {
        return FORMATS.get(index);
    }

    /** {@return the integer format of format {@code index}, which is at least {@link #stringFormatCount()}} */
    static IntegerTimeFormat integerFormat(int index) {
        return INTEGER_FORMATS[index - FORMATS.size()];
    }

    /** {@return the pattern of each string format, in order (immutable: each accumulator makes its own matchers)} */
    static List<Pattern> patterns() {
        return PATTERNS;
    }

    /**
     * {@return whether a value may be a time at all} Every format starts with a digit, a space ({@code %d} may be
     * {@code " 1"}) or a day's abbreviation; a value that starts otherwise, or is longer than any match, is skipped
     * without running the expressions. Non-ASCII first bytes may be digits of another script and are let through.
     */
    static boolean isCandidate(byte[] bytes, int offset, int length) {
        if (length == 0 || length > MAX_BYTES) {
            return false;
        }
        int first = bytes[offset];
        return first < 0
                || (first >= '0' && first <= '9')
                || first == ' '
                || first == 'M'
                || first == 'T'
                || first == 'W'
                || first == 'F'
                || first == 'S';
    }

    /**
     * {@return whether string format {@code format} may match a value with these counts} A necessary condition,
     * checked before the format's regular expression: the value's '-', '/' and ':' are the format's literal ones
     * (plus at most one for its wildcard), it has a 'T' if the format has a literal one, and an ASCII value's length
     * is within the format's (plus one for the final line end {@code $} accepts).
     *
     * @param asciiLength the value's length if it is all ASCII, else -1 (digits of other scripts, matched by
     *                    {@code \p{Nd}}, may take two characters)
     */
    static boolean mayMatch(int format, int dashes, int slashes, int colons, boolean hasT, int asciiLength) {
        int slack = WILDCARDS[format];
        return dashes >= DASHES[format]
                && dashes <= DASHES[format] + slack
                && slashes >= SLASHES[format]
                && slashes <= SLASHES[format] + slack
                && colons >= COLONS[format]
                && colons <= COLONS[format] + slack
                && (hasT || !NEEDS_T[format])
                && (asciiLength < 0 || (asciiLength >= MIN_LENGTH[format] && asciiLength <= MAX_LENGTH[format] + 1));
    }

    /** {@return the index of the integer format whose range holds {@code value}, or -1 for none} */
    static int integerIndex(long value) {
        for (int i = 0; i < INTEGER_FORMATS.length; i++) {
            if (value >= INTEGER_BEGINS[i] && value < INTEGER_ENDS[i]) {
                return FORMATS.size() + i;
            }
        }
        return -1;
    }
}
