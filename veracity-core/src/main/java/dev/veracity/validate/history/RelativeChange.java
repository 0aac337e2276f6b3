package dev.veracity.validate.history;

import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * Deequ's RelativeRateOfChangeStrategy (order 1): a point is anomalous when the ratio {@code x[i] / x[i-1]} is below
 * {@code maxDecrease} or above {@code maxIncrease} (2 allows doubling). A previous 0 followed by 0 is a ratio of 1;
 * followed by anything else, an infinite ratio.
 *
 * <pre>{@code
 * new RelativeChange(0.5, 2).detect(new double[] {100, 110, 260}, 0)   // index 2: ratio 2.36
 * }</pre>
 *
 * @param maxDecrease the smallest ratio allowed, in [0, 1]
 * @param maxIncrease the largest ratio allowed (+infinity for none), at least 1
 */
public record RelativeChange(double maxDecrease, double maxIncrease) implements HistoryStrategy {
    public RelativeChange {
        if (!(maxDecrease >= 0 && maxDecrease <= 1) || !(maxIncrease >= 1)) {
            throw new IllegalArgumentException(
                    "expected 0 <= maxDecrease <= 1 <= maxIncrease, found " + maxDecrease + ", " + maxIncrease);
        }
    }

    @Override
    public List<HistoryAnomaly> detect(double[] series, int from) {
        HistoryStrategy.checkFrom(series, from);
        List<HistoryAnomaly> anomalies = new ArrayList<>();
        for (int i = Math.max(1, from); i < series.length; i++) {
            double previous = series[i - 1];
            double ratio = previous == 0
                    ? (series[i] == 0 ? 1 : Math.copySign(Double.POSITIVE_INFINITY, series[i]))
                    : series[i] / previous;
            if (ratio < maxDecrease || ratio > maxIncrease) {
                double a = previous * maxDecrease;
                double b = previous * maxIncrease;
                anomalies.add(new HistoryAnomaly(i, series[i], Math.min(a, b), Math.max(a, b)));
            }
        }
        return anomalies;
    }

    @Override
    public String describe() {
        return "ratio to the previous span in [" + ValueText.of(maxDecrease) + ", " + ValueText.of(maxIncrease) + "]";
    }
}
