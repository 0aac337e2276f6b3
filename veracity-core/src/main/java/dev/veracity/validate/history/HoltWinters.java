package dev.veracity.validate.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Deequ's HoltWinters strategy: additive triple exponential smoothing with a season of {@code period} points (7: daily
 * spans with a weekly season). The model is fitted on the points before {@code from} (at least two seasons), then
 * forecasts the points from {@code from} on; a point farther than {@value #Z_95} residual standard deviations from its
 * forecast is anomalous. The smoothing parameters alpha, beta and gamma are chosen on a grid of step 0.1 in [0, 1]
 * minimizing the sum of squared one-step errors (ties: the first in alpha, beta, gamma order), where Deequ uses
 * L-BFGS-B: deterministic and good enough for short series.
 *
 * <p>Start: level = mean of the first season, trend = (mean of the second season - mean of the first) / period,
 * seasonal index i = x[i] - level for the first season; smoothing runs from the second season on.
 *
 * <pre>{@code
 * new HoltWinters(7).detect(dailyValues, dailyValues.length - 1)   // is today's value in line with its weekday?
 * }</pre>
 *
 * @param period the points in one season, at least 2
 */
public record HoltWinters(int period) implements HistoryStrategy {
    /** The number of residual standard deviations a point may lie from its forecast: the two-sided 95% normal bound. */
    public static final double Z_95 = 1.96;

    /** Daily spans with a weekly season. */
    public static final int WEEKLY = 7;

    private static final int GRID = 10;

    public HoltWinters {
        if (period < 2) {
            throw new IllegalArgumentException("period must be >= 2: " + period);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when there are fewer than two seasons before {@code from}
     */
    @Override
    public List<HistoryAnomaly> detect(double[] series, int from) {
        HistoryStrategy.checkFrom(series, from);
        if (from < 2 * period) {
            throw new IllegalArgumentException("Holt-Winters needs at least two seasons (" + 2 * period
                    + " points) of history before the checked points, found " + from);
        }
        double[] train = java.util.Arrays.copyOf(series, from);
        Fit best = null;
        for (int a = 0; a <= GRID; a++) {
            for (int b = 0; b <= GRID; b++) {
                for (int g = 0; g <= GRID; g++) {
                    Fit fit = fit(train, (double) a / GRID, (double) b / GRID, (double) g / GRID);
                    if (best == null || fit.sse < best.sse) {
                        best = fit;
                    }
                }
            }
        }
        double sd = best.residualSd();
        List<HistoryAnomaly> anomalies = new ArrayList<>();
        for (int i = from; i < series.length; i++) {
            int h = i - from + 1;
            double forecast = best.level + h * best.trend + best.seasonal[from - period + (h - 1) % period];
            double low = forecast - Z_95 * sd;
            double high = forecast + Z_95 * sd;
            if (series[i] < low || series[i] > high) {
                anomalies.add(new HistoryAnomaly(i, series[i], low, high));
            }
        }
        return anomalies;
    }

    /** The state after smoothing the training points, and its one-step errors. */
    private record Fit(double level, double trend, double[] seasonal, double sse, double[] residuals) {
        double residualSd() {
            double mean = 0;
            for (double r : residuals) {
                mean += r;
            }
            mean /= residuals.length;
            double sum = 0;
            for (double r : residuals) {
                sum += (r - mean) * (r - mean);
            }
            return residuals.length < 2 ? 0 : Math.sqrt(sum / (residuals.length - 1));
        }
    }

    private Fit fit(double[] x, double alpha, double beta, double gamma) {
        int m = period;
        double first = 0;
        double second = 0;
        for (int i = 0; i < m; i++) {
            first += x[i];
            second += x[m + i];
        }
        first /= m;
        second /= m;
        double level = first;
        double trend = (second - first) / m;
        double[] seasonal = new double[x.length];
        for (int i = 0; i < m; i++) {
            seasonal[i] = x[i] - first;
        }
        double sse = 0;
        double[] residuals = new double[x.length - m];
        for (int t = m; t < x.length; t++) {
            double forecast = level + trend + seasonal[t - m];
            double error = x[t] - forecast;
            residuals[t - m] = error;
            sse += error * error;
            double lastLevel = level;
            level = alpha * (x[t] - seasonal[t - m]) + (1 - alpha) * (level + trend);
            trend = beta * (level - lastLevel) + (1 - beta) * trend;
            seasonal[t] = gamma * (x[t] - level) + (1 - gamma) * seasonal[t - m];
        }
        return new Fit(level, trend, seasonal, sse, residuals);
    }

    @Override
    public String describe() {
        return "Holt-Winters, season of " + period + " spans, forecast +- " + Z_95 + " residual standard deviations";
    }
}
