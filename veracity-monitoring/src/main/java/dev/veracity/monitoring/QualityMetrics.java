package dev.veracity.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The quality of a model on a set of rows: scikit-learn's metrics for its task, each with an optional seeded
 * percentile-bootstrap interval (rows resampled with replacement).
 *
 * <pre>{@code
 * Map<String, Metric> metrics = QualityMetrics.compute(predictions, rows, 200, 42);
 * double auc = metrics.get("roc_auc").value();
 * }</pre>
 */
public final class QualityMetrics {
    /** The confidence level of the bootstrap intervals. */
    public static final double LEVEL = 0.95;

    private QualityMetrics() {}

    /**
     * {@return the metrics of {@code rows} in a stable order, keyed by name; empty for no rows}
     *
     * @param rows       indices into {@code p}
     * @param resamples  the bootstrap resamples (0: no intervals)
     * @param seed       the seed of the resamples
     */
    public static Map<String, Metric> compute(Predictions p, int[] rows, int resamples, long seed) {
        Map<String, Metric> point = point(p, rows);
        if (resamples == 0 || rows.length == 0) {
            return point;
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(seed);
        int[] resample = new int[rows.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < rows.length; i++) {
                resample[i] = rows[random.nextInt(rows.length)];
            }
            for (Metric metric : point(p, resample).values()) {
                if (metric.computable()) {
                    samples.computeIfAbsent(metric.name(), x -> new ArrayList<>())
                            .add(metric.value());
                }
            }
        }
        Map<String, Metric> withIntervals = new LinkedHashMap<>();
        for (Metric metric : point.values()) {
            List<Double> values = samples.get(metric.name());
            if (metric.computable() && values != null && values.size() >= 2) {
                double[] sorted =
                        values.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(sorted);
                double tail = (1 - LEVEL) / 2;
                metric = metric.withInterval(new Metric.Interval(
                        RegressionMetrics.quantile(sorted, tail),
                        RegressionMetrics.quantile(sorted, 1 - tail),
                        LEVEL,
                        sorted.length));
            }
            withIntervals.put(metric.name(), metric);
        }
        return withIntervals;
    }

    /** {@return the metrics without intervals} */
    public static Map<String, Metric> point(Predictions p, int[] rows) {
        Map<String, Metric> out = new LinkedHashMap<>();
        if (rows.length == 0) {
            return out;
        }
        switch (p.task()) {
            case CLASSIFICATION -> ClassificationMetrics.compute(p, rows, out);
            case REGRESSION -> RegressionMetrics.compute(p, rows, out);
        }
        return out;
    }

    /** {@return the confusion matrix of the rows, [true class][predicted class] over {@code p.classes()}} */
    public static long[][] confusion(Predictions p, int[] rows) {
        return ClassificationMetrics.confusion(p, rows);
    }
}
