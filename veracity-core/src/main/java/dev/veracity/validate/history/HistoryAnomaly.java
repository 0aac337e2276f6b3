package dev.veracity.validate.history;

/**
 * A point of a metric's history that a {@link HistoryStrategy} flags, with the interval it expected the value in.
 *
 * <pre>{@code
 * for (HistoryAnomaly a : new OnlineNormal(3, 3).detect(series, 0)) print(a.index() + ": " + a.value());
 * }</pre>
 *
 * @param index the point's index in the series
 * @param value the value found
 * @param low   the lowest value the strategy expected
 * @param high  the highest value the strategy expected
 */
public record HistoryAnomaly(int index, double value, double low, double high) {}
