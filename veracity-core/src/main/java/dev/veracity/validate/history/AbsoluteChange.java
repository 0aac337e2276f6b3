package dev.veracity.validate.history;

import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * Deequ's AbsoluteChangeStrategy (order 1): a point is anomalous when its difference from the previous point,
 * {@code x[i] - x[i-1]}, is below {@code maxDecrease} or above {@code maxIncrease}. The first point has no previous
 * and is never flagged.
 *
 * <pre>{@code
 * new AbsoluteChange(-10, 10).detect(new double[] {100, 105, 130}, 0)   // index 2: +25
 * }</pre>
 *
 * @param maxDecrease the most negative change allowed (-infinity for none), at most 0
 * @param maxIncrease the largest change allowed (+infinity for none), at least 0
 */
public record AbsoluteChange(double maxDecrease, double maxIncrease) implements HistoryStrategy {
    public AbsoluteChange {
        if (!(maxDecrease <= 0) || !(maxIncrease >= 0)) {
            throw new IllegalArgumentException(
                    "expected maxDecrease <= 0 <= maxIncrease, found " + maxDecrease + ", " + maxIncrease);
        }
    }

    @Override
    public List<HistoryAnomaly> detect(double[] series, int from) {
        HistoryStrategy.checkFrom(series, from);
        List<HistoryAnomaly> anomalies = new ArrayList<>();
        for (int i = Math.max(1, from); i < series.length; i++) {
            double change = series[i] - series[i - 1];
            if (change < maxDecrease || change > maxIncrease) {
                anomalies.add(
                        new HistoryAnomaly(i, series[i], series[i - 1] + maxDecrease, series[i - 1] + maxIncrease));
            }
        }
        return anomalies;
    }

    @Override
    public String describe() {
        return "absolute change in [" + ValueText.of(maxDecrease) + ", " + ValueText.of(maxIncrease) + "]";
    }
}
