package dev.veracity.labeling.weak;

import static java.util.Objects.requireNonNull;

import dev.veracity.data.Column;
import dev.veracity.data.FloatColumn;
import dev.veracity.data.IntColumn;
import dev.veracity.data.StringColumn;
import dev.veracity.data.ValueText;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@link MatcherFunction} looks for in one value of its column: keywords as whole words, a regular
 * expression, a number in a range, or one of a set of values. Values are compared as {@link ValueText} writes them.
 *
 * <pre>{@code
 * Matcher refund = Matcher.keywords(List.of("refund", "money back"));
 * boolean hit = refund.matches(column, 0);
 * }</pre>
 */
public sealed interface Matcher {
    /** {@return whether value {@code index} of the column (an index into its values, not a row) matches} */
    boolean matches(Column column, int index);

    /**
     * {@return a matcher of any of the keywords as whole words (not inside a longer word of letters, digits or
     * {@code _}), ignoring case; a keyword of several words matches that phrase}
     */
    static Matcher keywords(List<String> keywords) {
        StringBuilder alternatives = new StringBuilder();
        for (String keyword : keywords) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(keyword));
        }
        Pattern pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new Keywords(List.copyOf(keywords), pattern);
    }

    /**
     * Any of the keywords as whole words, ignoring case.
     *
     * @param keywords the keywords, as written
     * @param pattern  the compiled alternation, from {@link Matcher#keywords}
     */
    record Keywords(List<String> keywords, Pattern pattern) implements Matcher {
        public Keywords {
            keywords = List.copyOf(keywords);
            requireNonNull(pattern, "pattern is null");
        }

        @Override
        public boolean matches(Column column, int index) {
            return pattern.matcher(ValueText.of(column, index)).find();
        }
    }

    /**
     * A regular expression found anywhere in the value (Python's {@code re.search}; anchor it with {@code ^...$}).
     *
     * @param pattern the compiled expression
     */
    record Regex(Pattern pattern) implements Matcher {
        public Regex {
            requireNonNull(pattern, "pattern is null");
        }

        @Override
        public boolean matches(Column column, int index) {
            return pattern.matcher(ValueText.of(column, index)).find();
        }
    }

    /**
     * A number from {@code min} to {@code max}, both included; text that is not a number does not match.
     *
     * @param min the lower bound, {@code -Infinity} for none
     * @param max the upper bound, {@code Infinity} for none
     */
    record Range(double min, double max) implements Matcher {
        public Range {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
                throw new IllegalArgumentException("range must have min <= max: " + min + ", " + max);
            }
        }

        @Override
        public boolean matches(Column column, int index) {
            double value;
            if (column instanceof IntColumn ints) {
                value = ints.values()[index];
            } else if (column instanceof FloatColumn floats) {
                value = floats.values()[index];
            } else {
                try {
                    value = Double.parseDouble(
                            ValueText.of((StringColumn) column, index).strip());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return value >= min && value <= max;
        }
    }

    /**
     * One of a set of values, compared exactly.
     *
     * @param values the values
     */
    record Values(Set<String> values) implements Matcher {
        public Values {
            values = Set.copyOf(values);
        }

        @Override
        public boolean matches(Column column, int index) {
            return values.contains(ValueText.of(column, index));
        }
    }
}
