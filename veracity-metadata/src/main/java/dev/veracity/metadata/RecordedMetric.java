package dev.veracity.metadata;

import java.util.Objects;

/**
 * A metric measured on a span, to record in the store's metric history.
 *
 * <pre>{@code
 * store.recordMetrics("2024-05-01", List.of(new RecordedMetric("fare", "mean", 14.2)));
 * }</pre>
 *
 * @param feature the feature (serialized path), or empty for a dataset metric such as {@code num_examples}
 * @param metric  the metric's name in checks files ({@code mean}, {@code missing_fraction}, ...)
 * @param value   its value, finite or infinite but not NaN
 */
public record RecordedMetric(String feature, String metric, double value) {
    public RecordedMetric {
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(metric, "metric is null");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value is NaN: " + feature + " " + metric);
        }
    }
}
