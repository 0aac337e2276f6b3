package dev.veracity.validate.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The row-level rules of a checks file, applied to one record at a time (for {@code validate-examples} and serving).
 * Pure: no state between records, safe from many threads.
 *
 * <pre>{@code
 * RowRules rules = new RowRules(checkSet.rowRules());
 * List<String> broken = rules.check(Map.of("pickup", "2024-05-02T10:00", "dropoff", "2024-05-02T09:00"));
 * }</pre>
 *
 * @param rules the rules, in file order
 */
public record RowRules(List<RowRule> rules) {
    public RowRules {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules is null"));
    }

    /** {@return the names of the rules the record violates, in rule order; empty when it satisfies all} */
    public List<String> check(Map<String, Object> record) {
        Objects.requireNonNull(record, "record is null");
        List<String> violated = new ArrayList<>();
        for (RowRule rule : rules) {
            if (!rule.holds(record)) {
                violated.add(rule.name());
            }
        }
        return violated;
    }

    /** {@return whether there are no rules} */
    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
