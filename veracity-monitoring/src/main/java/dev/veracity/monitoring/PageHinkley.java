package dev.veracity.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Page-Hinkley test (Page 1954) for an increase of the mean, as river's {@code PageHinkley} in mode "up":
 * m_T = alpha m_{T-1} + (x_T - mean_T - delta), M_T = min m_t, a drift when m_T - M_T > lambda after
 * {@code minInstances} values; everything resets after a drift.
 *
 * <pre>{@code
 * PageHinkley ph = new PageHinkley(30, 0.005, 50, 0.9999);
 * }</pre>
 */
public final class PageHinkley implements ErrorStreamDetector {
    private final int minInstances;
    private final double delta;
    private final double lambda;
    private final double alpha;
    private long count;
    private double mean;
    private double sum;
    private double min;

    /** A Page-Hinkley test with river's defaults: 30 instances, delta 0.005, lambda 50, alpha 0.9999. */
    public PageHinkley() {
        this(30, 0.005, 50, 0.9999);
    }

    /** A Page-Hinkley test with the given parameters. */
    public PageHinkley(int minInstances, double delta, double lambda, double alpha) {
        if (minInstances < 1 || !(delta >= 0) || !(lambda > 0) || !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("expected minInstances >= 1, delta >= 0, lambda > 0, 0 < alpha <= 1");
        }
        this.minInstances = minInstances;
        this.delta = delta;
        this.lambda = lambda;
        this.alpha = alpha;
        reset();
    }

    private void reset() {
        count = 0;
        mean = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean update(double value) {
        count++;
        mean += (value - mean) / count;
        sum = alpha * sum + (value - mean) - delta;
        min = Math.min(min, sum);
        if (count >= minInstances && sum - min > lambda) {
            reset();
            return true;
        }
        return false;
    }

    @Override
    public String name() {
        return "page_hinkley";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("min_instances", (double) minInstances);
        parameters.put("delta", delta);
        parameters.put("lambda", lambda);
        parameters.put("alpha", alpha);
        return parameters;
    }

    @Override
    public boolean binary() {
        return false;
    }
}
