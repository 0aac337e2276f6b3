package dev.veracity.validate.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code left op right} across two features of one record. Two numbers (or texts that read as numbers) compare as
 * numbers; otherwise two texts compare as strings, by code point (so ISO-8601 timestamps compare in time order). A
 * value that is a list of one is that value; a longer list, or a number against a text that is not one, violates the
 * rule (they cannot be compared).
 *
 * <pre>{@code
 * new CompareRule("pickup <= dropoff", "pickup", CompareRule.Operator.LE, "dropoff")
 * }</pre>
 *
 * @param name     the rule's name
 * @param left     the feature on the left
 * @param operator the comparison
 * @param right    the feature on the right
 */
public record CompareRule(String name, String left, Operator operator, String right) implements RowRule {
    /** {@return the left feature: a violation is reported on it} */
    @Override
    public String feature() {
        return left;
    }

    /** A comparison operator, as written in a checks file. */
    public enum Operator {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">="),
        EQ("=="),
        NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** {@return the operator as written: {@code <=}} */
        public String symbol() {
            return symbol;
        }

        /** {@return the operator written as {@code symbol}} */
        public static Optional<Operator> parse(String symbol) {
            return Arrays.stream(values())
                    .filter(o -> o.symbol.equals(symbol.strip()))
                    .findFirst();
        }

        boolean accepts(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }

    public CompareRule {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(operator, "operator is null");
        Objects.requireNonNull(right, "right is null");
    }

    @Override
    public boolean holds(Map<String, Object> record) {
        Object a = scalar(record.get(left));
        Object b = scalar(record.get(right));
        if (a == null || b == null) {
            return true;
        }
        if (a instanceof List<?> || b instanceof List<?>) {
            return false;
        }
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            if (x.isNaN() || y.isNaN()) {
                return operator == Operator.NE;
            }
            return operator.accepts(Double.compare(x, y) == 0 ? 0 : x < y ? -1 : 1);
        }
        if (a instanceof Number || b instanceof Number) {
            return false;
        }
        return operator.accepts(Integer.signum(String.valueOf(a).compareTo(String.valueOf(b))));
    }

    private static Object scalar(Object value) {
        if (value instanceof List<?> values) {
            if (values.isEmpty()) {
                return null;
            }
            return values.size() == 1 ? values.get(0) : values;
        }
        return value;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            String text = String.valueOf(value).strip();
            return text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
