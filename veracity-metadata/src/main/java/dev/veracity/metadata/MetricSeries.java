package dev.veracity.metadata;

import java.util.Objects;

/**
 * The name of one metric history: a metric of a feature (or of the dataset when the feature is empty).
 *
 * <pre>{@code
 * for (MetricSeries series : store.metricSeriesNames()) check(store.metricSeries(series.feature(), series.metric()));
 * }</pre>
 *
 * @param feature the feature, or empty for a dataset metric
 * @param metric  the metric's name
 */
public record MetricSeries(String feature, String metric) {
    public MetricSeries {
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(metric, "metric is null");
    }
}
