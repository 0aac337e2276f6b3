package dev.veracity.privacy.kanon;

import dev.veracity.privacy.detect.DateText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * How one quasi-identifier is generalized, level by level, from its values (level 0) to one value for all
 * ({@value #ANY}) at {@link #maxLevel()}. Chosen from the values by {@link #of}: dates go to month, year, decade;
 * numbers to ranges of width 5, 10, 20, 50, 100, 1000; other text (zip codes) loses one trailing character per
 * level ({@code 02139}, {@code 0213*}, {@code 021**}...). A missing value stays missing at every level below the top.
 *
 * <pre>{@code
 * Hierarchy h = Hierarchy.of(List.of("02139", "02141"));   // PREFIX, 5 levels
 * h.generalize("02139", 2)                                   // "021**"
 * }</pre>
 *
 * @param kind     how values are coarsened
 * @param maxLevel the level at which every value is {@value #ANY}
 */
public record Hierarchy(Kind kind, int maxLevel) {
    /** The value of every row at the top level. */
    public static final String ANY = "*";

    private static final int[] WIDTHS = {5, 10, 20, 50, 100, 1000};

    /** The kinds of hierarchy. */
    public enum Kind {
        DATE,
        NUMBER,
        PREFIX
    }

    public Hierarchy {
        java.util.Objects.requireNonNull(kind, "kind is null");
        if (maxLevel < 1) {
            throw new IllegalArgumentException("maxLevel must be at least 1: " + maxLevel);
        }
    }

    /** {@return the hierarchy that fits all these (non-empty) values} */
    public static Hierarchy of(Collection<String> values) {
        boolean dates = true;
        boolean numbers = true;
        int longest = 1;
        for (String value : values) {
            if (value.isEmpty()) {
                continue;
            }
            dates &= DateText.parse(value).isPresent();
            numbers &= number(value).isPresent();
            longest = Math.max(longest, value.length());
        }
        if (dates && !values.isEmpty()) {
            return new Hierarchy(Kind.DATE, 4);
        }
        if (numbers && !values.isEmpty()) {
            return new Hierarchy(Kind.NUMBER, WIDTHS.length + 1);
        }
        return new Hierarchy(Kind.PREFIX, longest);
    }

    /** {@return the value generalized to {@code level}} */
    public String generalize(String value, int level) {
        if (level <= 0) {
            return value;
        }
        if (level >= maxLevel) {
            return ANY;
        }
        if (value.isEmpty()) {
            return value;
        }
        return switch (kind) {
            case DATE -> {
                LocalDate date = DateText.parse(value).orElseThrow();
                yield switch (level) {
                    case 1 -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
                    case 2 -> Integer.toString(date.getYear());
                    default -> (date.getYear() / 10 * 10) + "s";
                };
            }
            case NUMBER -> {
                BigDecimal width = BigDecimal.valueOf(WIDTHS[level - 1]);
                BigDecimal low = number(value)
                        .orElseThrow()
                        .divide(width, 0, RoundingMode.FLOOR)
                        .multiply(width);
                yield "[" + low.toPlainString() + ", " + low.add(width).toPlainString() + ")";
            }
            case PREFIX -> {
                int keep = Math.max(0, value.length() - level);
                yield value.substring(0, keep) + "*".repeat(value.length() - keep);
            }
        };
    }

    /** {@return what level {@code level} means, e.g. "month" or "ranges of 20"} */
    public String describe(int level) {
        if (level <= 0) {
            return "as is";
        }
        if (level >= maxLevel) {
            return "suppressed (*)";
        }
        return switch (kind) {
            case DATE -> new String[] {"", "month", "year", "decade"}[level];
            case NUMBER -> "ranges of " + WIDTHS[level - 1];
            case PREFIX -> level + " trailing character" + (level == 1 ? "" : "s") + " masked";
        };
    }

    static Optional<BigDecimal> number(String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()
                || stripped.length() > 30
                || stripped.startsWith("0") && stripped.length() > 1 && Character.isDigit(stripped.charAt(1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(stripped));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
