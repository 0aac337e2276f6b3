package dev.veracity.monitoring;

import java.util.Objects;
import java.util.Optional;

/**
 * One quality metric of one span and slice: a finite value (with a bootstrap confidence interval when one was
 * asked for), or "not computable" with the reason, never NaN.
 *
 * <pre>{@code
 * Metric auc = Metric.notComputable("roc_auc", "only one class (1) among the labels");
 * }</pre>
 *
 * @param name     the metric's name as scikit-learn spells it ({@code roc_auc}, {@code f1_macro}, {@code precision[cat]})
 * @param value    the value; meaningful only when {@code reason} is empty
 * @param reason   why the metric is not computable; empty when it is
 * @param interval the bootstrap percentile interval; empty without bootstrap or when too few resamples computed it
 */
public record Metric(String name, double value, String reason, Optional<Interval> interval) {
    public Metric {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(reason, "reason is null");
        Objects.requireNonNull(interval, "interval is null");
        if (reason.isEmpty() && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": a computable metric must be finite, found " + value);
        }
    }

    /** {@return a computable metric without an interval} */
    public static Metric of(String name, double value) {
        return new Metric(name, value, "", Optional.empty());
    }

    /** {@return a metric that could not be computed, saying why} */
    public static Metric notComputable(String name, String reason) {
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return new Metric(name, 0, reason, Optional.empty());
    }

    /** {@return whether the metric has a value} */
    public boolean computable() {
        return reason.isEmpty();
    }

    /** {@return this metric with a confidence interval} */
    public Metric withInterval(Interval ci) {
        return new Metric(name, value, reason, Optional.of(ci));
    }

    /**
     * A two-sided percentile bootstrap interval.
     *
     * @param low        the lower bound (percentile (1 - level) / 2 of the resampled values)
     * @param high       the upper bound
     * @param level      the confidence level, e.g. 0.95
     * @param resamples  the resamples in which the metric was computable
     */
    public record Interval(double low, double high, double level, int resamples) {}
}
