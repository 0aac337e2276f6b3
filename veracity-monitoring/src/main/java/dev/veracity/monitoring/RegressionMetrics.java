package dev.veracity.monitoring;

import java.util.Arrays;
import java.util.Map;

/**
 * Regression metrics over a subset of rows, as scikit-learn 1.2 defines them: {@code mean_absolute_error},
 * the square root of {@code mean_squared_error}, {@code mean_absolute_percentage_error} (|y| floored at 2^-52) and
 * {@code r2_score} (force_finite: 1 when both sums of squares are 0, else 0 when only the total is); and the
 * residual y - y_pred: its mean and quantiles (numpy's linear interpolation).
 */
final class RegressionMetrics {
    /** The residual quantiles reported. */
    static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    private static final double EPS = Math.ulp(1.0);

    private RegressionMetrics() {}

    /** Adds the metrics of {@code rows} (indices into {@code p}, repeats allowed) to {@code out}. */
    static void compute(Predictions p, int[] rows, Map<String, Metric> out) {
        int n = rows.length;
        double absolute = 0;
        double squared = 0;
        double percentage = 0;
        double mean = 0;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            double y = p.target()[rows[i]];
            double r = y - p.estimate()[rows[i]];
            residual[i] = r;
            absolute += Math.abs(r);
            squared += r * r;
            percentage += Math.abs(r) / Math.max(Math.abs(y), EPS);
            mean += y;
        }
        mean /= n;
        double total = 0;
        for (int row : rows) {
            double d = p.target()[row] - mean;
            total += d * d;
        }
        out.put("mae", Metric.of("mae", absolute / n));
        out.put("rmse", Metric.of("rmse", Math.sqrt(squared / n)));
        out.put("mape", Metric.of("mape", percentage / n));
        if (n < 2) {
            out.put("r2", Metric.notComputable("r2", "R squared is not defined for fewer than two rows"));
        } else if (total == 0) {
            out.put("r2", Metric.of("r2", squared == 0 ? 1 : 0));
        } else {
            out.put("r2", Metric.of("r2", 1 - squared / total));
        }
        double residualSum = 0;
        for (double r : residual) {
            residualSum += r;
        }
        out.put("residual_mean", Metric.of("residual_mean", residualSum / n));
        Arrays.sort(residual);
        for (double q : QUANTILES) {
            String name = "residual_q" + percent(q);
            out.put(name, Metric.of(name, quantile(residual, q)));
        }
    }

    private static String percent(double q) {
        int p = (int) Math.round(q * 100);
        return p < 10 ? "0" + p : Integer.toString(p);
    }

    /** {@return numpy's default (linear) quantile of sorted values} */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }
}
