/**
 * TFDV's drift and skew metrics, as pure functions of two distributions (tfdv.md sections 5.1 to 5.3): L-infinity
 * distance and normalized absolute difference of rank histograms, and the approximate Jensen-Shannon divergence of
 * rank histograms or of aligned numeric histograms. No thresholds, schema or anomalies here: the comparator driver
 * in {@code dev.veracity.schema} reads them.
 */
package dev.veracity.schema.metrics;
