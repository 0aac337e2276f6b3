package dev.veracity.validate.history;

import dev.veracity.data.ValueText;
import java.util.ArrayList;
import java.util.List;

/**
 * Deequ's OnlineNormalStrategy: a running mean and (population) standard deviation, updated with Welford's method
 * point by point and including the point itself; a point outside {@code mean - lowerFactor * sd} ..
 * {@code mean + upperFactor * sd} is anomalous. The first {@code ignoreStartFraction} of the series is never flagged
 * (too little history), and an anomalous point is left out of the running statistics, as Deequ's defaults
 * ({@code ignoreStartPercentage = 0.1}, {@code ignoreAnomalies = true}).
 *
 * <pre>{@code
 * new OnlineNormal(3, 3).detect(series, series.length - 1)   // is the newest point within mean +- 3 sd?
 * }</pre>
 *
 * @param lowerFactor         standard deviations allowed below the mean (+infinity for no lower bound)
 * @param upperFactor         standard deviations allowed above the mean (+infinity for no upper bound)
 * @param ignoreStartFraction the leading fraction of the series never flagged, in [0, 1]
 */
public record OnlineNormal(double lowerFactor, double upperFactor, double ignoreStartFraction)
        implements HistoryStrategy {
    /** Deequ's default share of the series at its start that is not checked. */
    public static final double DEFAULT_IGNORE_START = 0.1;

    public OnlineNormal {
        if (!(lowerFactor >= 0) || !(upperFactor >= 0) || !(ignoreStartFraction >= 0 && ignoreStartFraction <= 1)) {
            throw new IllegalArgumentException("expected factors >= 0 and an ignored start fraction in [0, 1], found "
                    + lowerFactor + ", " + upperFactor + ", " + ignoreStartFraction);
        }
    }

    /** {@return the strategy with Deequ's default ignored start} */
    public OnlineNormal(double lowerFactor, double upperFactor) {
        this(lowerFactor, upperFactor, DEFAULT_IGNORE_START);
    }

    @Override
    public List<HistoryAnomaly> detect(double[] series, int from) {
        HistoryStrategy.checkFrom(series, from);
        List<HistoryAnomaly> anomalies = new ArrayList<>();
        double skip = series.length * ignoreStartFraction;
        double mean = 0;
        double sn = 0;
        for (int i = 0; i < series.length; i++) {
            double x = series[i];
            double lastMean = mean;
            double lastSn = sn;
            mean = i == 0 ? x : lastMean + (x - lastMean) / (i + 1);
            sn = lastSn + (x - lastMean) * (x - mean);
            double sd = Math.sqrt(sn / (i + 1));
            double low = lowerFactor == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : mean - lowerFactor * sd;
            double high = upperFactor == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : mean + upperFactor * sd;
            if (i < skip || i < from) {
                continue;
            }
            if (x < low || x > high) {
                anomalies.add(new HistoryAnomaly(i, x, low, high));
                mean = lastMean;
                sn = lastSn;
            }
        }
        return anomalies;
    }

    @Override
    public String describe() {
        return "online normal, mean - " + ValueText.of(lowerFactor) + " to mean + " + ValueText.of(upperFactor)
                + " standard deviations";
    }
}
