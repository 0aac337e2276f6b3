package dev.veracity.privacy.detect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates written in the usual ways: ISO {@code 1985-03-12} (also with / or .), day or month first
 * {@code 12/03/1985}, {@code 12.03.1985}, and with month names {@code 12 March 1985}, {@code March 12, 1985}. A text
 * is a date only if some reading of it is a real day ({@code 31/02/1985} is not).
 *
 * <pre>{@code
 * DateText.parse("12 Mar 1985")   // Optional[1985-03-12]
 * }</pre>
 */
public final class DateText {
    private static final String MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern ISO =
            Pattern.compile("(?<![\\w.:/-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\w:/-]|\\.\\d)");
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\w.:/-])(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?![\\w:/-]|\\.\\d)");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(?i)(?<!\\w)(\\d{1,2})(?:st|nd|rd|th)?\\.? " + MONTH_NAME + "\\.?,? (\\d{4})(?!\\w)");
    private static final Pattern MONTH_DAY =
            Pattern.compile("(?i)(?<!\\w)" + MONTH_NAME + "\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\w)");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    /** A date found in a text. @param start first index @param end index after the last @param date the day */
    public record Span(int start, int end, LocalDate date) {}

    private DateText() {}

    /** {@return the date the whole text (stripped) is, if it is one} */
    public static Optional<LocalDate> parse(String text) {
        String stripped = text.strip();
        List<Span> spans = find(stripped);
        if (spans.size() == 1 && spans.get(0).start() == 0 && spans.get(0).end() == stripped.length()) {
            return Optional.of(spans.get(0).date());
        }
        return Optional.empty();
    }

    /** {@return every date in the text, in order of position} */
    public static List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        boolean digits = false;
        for (int i = 0; i < text.length() && !digits; i++) {
            digits = Character.isDigit(text.charAt(i));
        }
        if (!digits) {
            return spans;
        }
        for (Matcher m = ISO.matcher(text); m.find(); ) {
            add(spans, m, date(m.group(1), m.group(3), m.group(4)));
        }
        for (Matcher m = NUMERIC.matcher(text); m.find(); ) {
            Optional<LocalDate> dayFirst = date(m.group(4), m.group(3), m.group(1));
            add(spans, m, dayFirst.isPresent() ? dayFirst : date(m.group(4), m.group(1), m.group(3)));
        }
        for (Matcher m = DAY_MONTH.matcher(text); m.find(); ) {
            add(spans, m, date(m.group(3), month(m.group(2)), m.group(1)));
        }
        for (Matcher m = MONTH_DAY.matcher(text); m.find(); ) {
            add(spans, m, date(m.group(3), month(m.group(1)), m.group(2)));
        }
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return spans;
    }

    private static void add(List<Span> spans, Matcher m, Optional<LocalDate> date) {
        if (date.isPresent()) {
            spans.add(new Span(m.start(), m.end(), date.get()));
        }
    }

    private static String month(String name) {
        return Integer.toString(MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)));
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
