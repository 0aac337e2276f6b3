package dev.veracity.validate.checks;

import dev.veracity.data.ValueText;
import dev.veracity.proto.AnomalyInfo;
import java.util.Objects;

/**
 * One custom check: a metric of a feature (or of the dataset) within inclusive bounds, and/or its change against the
 * previous span within a limit. Data, not code (Deequ's lesson): a checks file is a list of these.
 *
 * <pre>{@code
 * Check.of("fare", Metric.MEAN).withBounds(5, 50)             // {feature: fare, metric: mean, min: 5, max: 50}
 * Check.of("", Metric.NUM_EXAMPLES).withBounds(1000, Double.POSITIVE_INFINITY)
 * }</pre>
 *
 * @param feature  the feature (serialized path), or empty for a dataset metric
 * @param metric   what is measured
 * @param q        the quantile's rank in [0, 1] for {@link Metric#QUANTILE}, else NaN
 * @param min      the smallest value allowed (-infinity for none)
 * @param max      the largest value allowed (+infinity for none)
 * @param change   the bound on the change against the previous span, or {@link Change#NONE}
 * @param severity the severity of the anomaly when the check fails (ERROR or WARNING)
 * @param where    where the check was written ({@code checks.yaml:3:5}), for messages; empty if built in code
 */
public record Check(
        String feature,
        Metric metric,
        double q,
        double min,
        double max,
        Change change,
        AnomalyInfo.Severity severity,
        String where) {
    public Check {
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(metric, "metric is null");
        Objects.requireNonNull(change, "change is null");
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(where, "where is null");
        if (metric.isDatasetMetric() != feature.isEmpty()) {
            throw new IllegalArgumentException(
                    metric.isDatasetMetric() ? metric + " is of the dataset: no feature" : metric + " needs a feature");
        }
        if (metric == Metric.QUANTILE ? !(q >= 0 && q <= 1) : !Double.isNaN(q)) {
            throw new IllegalArgumentException("q must be in [0, 1] for quantile and NaN otherwise: " + q);
        }
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("expected min <= max, found [" + min + ", " + max + "]");
        }
        if (severity != AnomalyInfo.Severity.ERROR && severity != AnomalyInfo.Severity.WARNING) {
            throw new IllegalArgumentException("severity must be ERROR or WARNING: " + severity);
        }
    }

    /** {@return a check of {@code metric} with no bound yet, severity ERROR (a quantile: the median, q = 0.5)} */
    public static Check of(String feature, Metric metric) {
        return new Check(
                feature,
                metric,
                metric == Metric.QUANTILE ? 0.5 : Double.NaN,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                Change.NONE,
                AnomalyInfo.Severity.ERROR,
                "");
    }

    /** {@return this check with inclusive bounds} */
    public Check withBounds(double newMin, double newMax) {
        return new Check(feature, metric, q, newMin, newMax, change, severity, where);
    }

    /** {@return this check of the {@code newQ}-quantile} */
    public Check withQ(double newQ) {
        return new Check(feature, metric, newQ, min, max, change, severity, where);
    }

    /** {@return this check with a bound on the change against the previous span} */
    public Check withChange(Change newChange) {
        return new Check(feature, metric, q, min, max, newChange, severity, where);
    }

    /** {@return this check with another severity} */
    public Check withSeverity(AnomalyInfo.Severity newSeverity) {
        return new Check(feature, metric, q, min, max, change, newSeverity, where);
    }

    /** {@return this check with the place it was written} */
    public Check at(String newWhere) {
        return new Check(feature, metric, q, min, max, change, severity, newWhere);
    }

    /** {@return whether the check bounds the value itself} */
    public boolean hasBounds() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }

    /** {@return what is measured, e.g. {@code "mean of fare"}, {@code "quantile 0.99 of trip_miles"}} */
    public String measured() {
        String name = metric == Metric.QUANTILE
                ? "quantile " + ValueText.of(q)
                : metric == Metric.FRESHNESS ? "freshness (age in seconds)" : metric.fileName();
        return feature.isEmpty() ? name : name + " of " + feature;
    }

    /** {@return the bounds as text: {@code "in [5, 50]"}, {@code ">= 1000"}, {@code "<= 0.1"}, or empty} */
    public String bounds() {
        boolean low = min != Double.NEGATIVE_INFINITY;
        boolean high = max != Double.POSITIVE_INFINITY;
        if (low && high) {
            return min == max ? "= " + ValueText.of(min) : "in [" + ValueText.of(min) + ", " + ValueText.of(max) + "]";
        }
        return low ? ">= " + ValueText.of(min) : high ? "<= " + ValueText.of(max) : "";
    }
}
