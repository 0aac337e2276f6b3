package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import dev.veracity.schema.metrics.Comparison;

/**
 * How far one dataset's distribution of a feature is from the baseline dataset's, by the validator's metrics.
 *
 * @param lInfinity     L-infinity distance of the rank histograms (categorical features only)
 * @param jensenShannon approximate Jensen-Shannon divergence of the rank histograms or of the equal-width
 *                      histograms
 */
public record Distance(Comparison lInfinity, Comparison jensenShannon) {
    public Distance {
        requireNonNull(lInfinity, "lInfinity is null");
        requireNonNull(jensenShannon, "jensenShannon is null");
    }
}
