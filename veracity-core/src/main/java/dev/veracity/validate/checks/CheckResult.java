package dev.veracity.validate.checks;

import java.util.Objects;

/**
 * The outcome of one {@link Check} on statistics: the value found, the previous span's value when the check bounds
 * the change, and, when it failed, a sentence naming the check, the bound and the value.
 *
 * <pre>{@code
 * for (CheckResult r : CustomChecks.of(checks).evaluate(dataset)) if (!r.passed()) print(r.description());
 * }</pre>
 *
 * @param check       the check
 * @param current     the metric on the checked statistics
 * @param previous    the metric on the previous span's statistics (unavailable if the check bounds no change)
 * @param passed      whether the check holds
 * @param description why it failed, or empty when it passed
 */
public record CheckResult(Check check, MetricValue current, MetricValue previous, boolean passed, String description) {
    public CheckResult {
        Objects.requireNonNull(check, "check is null");
        Objects.requireNonNull(current, "current is null");
        Objects.requireNonNull(previous, "previous is null");
        Objects.requireNonNull(description, "description is null");
    }
}
