package dev.veracity.validate.checks;

import java.util.Map;

/**
 * A rule every single record must satisfy (a row-level check), as data: a regex a feature's values must match, or a
 * comparison of two features. A record in which a feature of the rule is absent (or null) satisfies it: presence is
 * the schema's job.
 *
 * <pre>{@code
 * RowRule rule = new RegexRule("email format", "email", Pattern.compile("[^@]+@[^@]+"));
 * boolean ok = rule.holds(Map.of("email", "a@b.org"));
 * }</pre>
 */
public sealed interface RowRule permits RegexRule, CompareRule {
    /** {@return the rule's name, reported for each record that violates it} */
    String name();

    /** {@return whether the record (feature name to value: a scalar, or a list of them) satisfies the rule} */
    boolean holds(Map<String, Object> record);
}
