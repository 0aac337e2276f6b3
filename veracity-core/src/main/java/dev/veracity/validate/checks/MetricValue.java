package dev.veracity.validate.checks;

import java.util.Objects;

/**
 * The value of a metric, or why it could not be read from the statistics (Deequ's failed metric: a check on it fails
 * and says why, it never passes).
 *
 * <pre>{@code
 * MetricValue v = StatisticsMetrics.of(dataset).value("fare", Metric.MEAN, Double.NaN);
 * if (v.isAvailable()) use(v.value());
 * }</pre>
 *
 * @param value        the value (NaN when unavailable)
 * @param unavailable  why the value is unavailable, or empty when it is available
 */
public record MetricValue(double value, String unavailable) {
    public MetricValue {
        Objects.requireNonNull(unavailable, "unavailable is null");
    }

    /** {@return an available value} */
    public static MetricValue of(double value) {
        return new MetricValue(value, "");
    }

    /** {@return an unavailable value and the reason, e.g. "fare has no numeric statistics"} */
    public static MetricValue unavailable(String reason) {
        return new MetricValue(Double.NaN, reason);
    }

    /** {@return whether the value could be read} */
    public boolean isAvailable() {
        return unavailable.isEmpty();
    }
}
