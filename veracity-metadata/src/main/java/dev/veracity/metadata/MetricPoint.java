package dev.veracity.metadata;

import java.util.Objects;

/**
 * One value of a metric's history: the span it was measured on and the value.
 *
 * <pre>{@code
 * List<MetricPoint> series = store.metricSeries("fare", "mean");
 * }</pre>
 *
 * @param span  the span's name
 * @param value the metric's value on it
 */
public record MetricPoint(String span, double value) {
    public MetricPoint {
        Objects.requireNonNull(span, "span is null");
    }
}
