package dev.veracity.validate.checks;

import dev.veracity.data.ValueText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every value of {@code feature} matches {@code pattern} in full (Java regex syntax, {@link java.util.regex.Matcher#matches}).
 * Numbers are matched as {@link ValueText} writes them ({@code 3}, {@code 0.25}).
 *
 * <pre>{@code
 * new RegexRule("email format", "email", Pattern.compile("[^@\\s]+@[^@\\s]+"))   // {feature: email, rule: regex, pattern: ...}
 * }</pre>
 *
 * @param name    the rule's name
 * @param feature the feature whose values are matched
 * @param pattern the pattern each value matches in full
 */
public record RegexRule(String name, String feature, Pattern pattern) implements RowRule {
    public RegexRule {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(pattern, "pattern is null");
    }

    @Override
    public boolean holds(Map<String, Object> record) {
        Object value = record.get(feature);
        if (value instanceof List<?> values) {
            for (Object element : values) {
                if (element != null && !pattern.matcher(text(element)).matches()) {
                    return false;
                }
            }
            return true;
        }
        return value == null || pattern.matcher(text(value)).matches();
    }

    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return ValueText.of(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}
