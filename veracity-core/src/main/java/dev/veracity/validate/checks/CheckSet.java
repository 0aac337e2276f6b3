package dev.veracity.validate.checks;

import java.util.List;
import java.util.Objects;

/**
 * What a checks file holds: checks on statistics (run by {@code validate}) and row-level rules (run per record by
 * {@code validate-examples}).
 *
 * <pre>{@code
 * CheckSet set = ChecksFile.read(Path.of("checks.yaml"));
 * List<CheckResult> results = CustomChecks.of(set.checks()).evaluate(dataset);
 * }</pre>
 *
 * @param checks   the checks on statistics, in file order
 * @param rowRules the row-level rules, in file order
 */
public record CheckSet(List<Check> checks, List<RowRule> rowRules) {
    public CheckSet {
        checks = List.copyOf(Objects.requireNonNull(checks, "checks is null"));
        rowRules = List.copyOf(Objects.requireNonNull(rowRules, "rowRules is null"));
    }

    /** {@return the row-level rules as one {@link RowRules}} */
    public RowRules rows() {
        return new RowRules(rowRules);
    }
}
