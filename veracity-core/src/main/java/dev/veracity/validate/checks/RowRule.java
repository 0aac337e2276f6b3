package dev.veracity.validate.checks;

import dev.veracity.validate.example.RowCheck;
import dev.veracity.validate.example.RowViolation;
import java.util.List;
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
public sealed interface RowRule extends RowCheck permits RegexRule, CompareRule {
    /** {@return the rule's name, reported for each record that violates it} */
    String name();

    /** {@return whether the record (feature name to value: a scalar, or a list of them) satisfies the rule} */
    boolean holds(Map<String, Object> record);

    /** {@return the feature a violation is reported on: the rule's feature, or the left one of a comparison} */
    String feature();

    /** {@return the rule's violation by the record, as per-example validation reports it: on its feature, named} */
    @Override
    default List<RowViolation> violations(Map<String, Object> record) {
        return holds(record) ? List.of() : List.of(new RowViolation(feature(), name()));
    }
}
