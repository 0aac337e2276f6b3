package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.validate.history.HistoryAnomaly;
import dev.veracity.validate.history.HistoryStrategy;
import dev.veracity.validate.history.HoltWinters;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric's history (one value per span, oldest first) with the points a history strategy flags, drawn by the
 * report's "Metric history" section as a line chart with the anomalies marked. The report module reads no metadata
 * store: the caller (the CLI, a pipeline component) reads the series and hands them over.
 *
 * <pre>{@code
 * MetricHistory h = MetricHistory.of("fare", "mean", spans, values, new OnlineNormal(3, 3));
 * HtmlReport.builder().statistics("today", stats).history(List.of(h)).build();
 * }</pre>
 *
 * @param feature  the feature's path, or "" for a dataset metric (num_examples)
 * @param metric   the metric's name as the checks file spells it (mean, missing_fraction, ...)
 * @param strategy the strategy that marked the anomalies, in words
 * @param points   the series, oldest span first
 */
public record MetricHistory(String feature, String metric, String strategy, List<Point> points) {
    public MetricHistory {
        requireNonNull(feature, "feature is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(strategy, "strategy is null");
        points = List.copyOf(requireNonNull(points, "points is null"));
    }

    /**
     * One span's value.
     *
     * @param span      the span's name
     * @param value     the metric's value on it
     * @param anomalous whether the strategy flags it
     * @param low       the lowest value the strategy expected (NaN when the point is not anomalous)
     * @param high      the highest value the strategy expected (NaN when the point is not anomalous)
     */
    public record Point(String span, double value, boolean anomalous, double low, double high) {
        public Point {
            requireNonNull(span, "span is null");
        }
    }

    /**
     * {@return the series with the points {@code strategy} flags over its whole length} Holt-Winters checks only the
     * points after its first two seasons (it needs them as history); a shorter series has no anomaly.
     *
     * @throws IllegalArgumentException if spans and values differ in length
     */
    public static MetricHistory of(
            String feature, String metric, List<String> spans, double[] values, HistoryStrategy strategy) {
        requireNonNull(strategy, "strategy is null");
        if (spans.size() != values.length) {
            throw new IllegalArgumentException(
                    "expected a value per span, found " + spans.size() + " spans and " + values.length + " values");
        }
        int from = strategy instanceof HoltWinters hw ? 2 * hw.period() : 0;
        List<HistoryAnomaly> found = from >= values.length ? List.of() : strategy.detect(values, from);
        List<Point> points = new ArrayList<>(values.length);
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (next < found.size() && found.get(next).index() == i) {
                HistoryAnomaly a = found.get(next++);
                points.add(new Point(spans.get(i), values[i], true, a.low(), a.high()));
            } else {
                points.add(new Point(spans.get(i), values[i], false, Double.NaN, Double.NaN));
            }
        }
        return new MetricHistory(feature, metric, strategy.describe(), points);
    }

    /** {@return how many points are flagged} */
    public int anomalyCount() {
        return (int) points.stream().filter(Point::anomalous).count();
    }
}
