package dev.veracity.validate.history;

import java.util.List;

/**
 * Deequ's anomaly detection strategies on a metric's history (one value per span, oldest first): each is a pure
 * function of the series. Only points at index {@code from} or later are reported; earlier points are history.
 *
 * <pre>{@code
 * List<HistoryAnomaly> found = new RelativeChange(0.5, 2).detect(new double[] {100, 110, 260}, 2);   // index 2
 * }</pre>
 */
public sealed interface HistoryStrategy permits AbsoluteChange, RelativeChange, OnlineNormal, HoltWinters {
    /**
     * {@return the anomalous points at index {@code from} or later, in index order}
     *
     * @throws IllegalArgumentException if {@code from} is outside [0, series.length]
     */
    List<HistoryAnomaly> detect(double[] series, int from);

    /** {@return the strategy and its parameters in words, for anomaly descriptions} */
    String describe();

    /** Checks the search start. */
    static void checkFrom(double[] series, int from) {
        if (from < 0 || from > series.length) {
            throw new IllegalArgumentException("from must be in [0, " + series.length + "]: " + from);
        }
    }
}
