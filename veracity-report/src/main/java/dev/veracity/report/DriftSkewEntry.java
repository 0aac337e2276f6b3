package dev.veracity.report;

import static java.util.Objects.requireNonNull;

/**
 * One drift or skew measurement of the validator ({@code drift_skew_info}), listed at the top of the report.
 *
 * @param feature   the feature's path
 * @param kind      "drift" or "skew"
 * @param metric    TFDV's measurement type, e.g. {@code L_INFTY}
 * @param value     the measured value
 * @param threshold the comparator's threshold
 */
public record DriftSkewEntry(String feature, String kind, String metric, double value, double threshold) {
    public DriftSkewEntry {
        requireNonNull(feature, "feature is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(metric, "metric is null");
    }

    /** {@return whether the value is above the threshold (an anomaly, as the validator decides)} */
    public boolean isOver() {
        return value > threshold;
    }
}
