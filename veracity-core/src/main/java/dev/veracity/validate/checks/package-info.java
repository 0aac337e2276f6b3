/**
 * Custom checks on statistics (bounds on a metric of a feature or of the dataset, and its change against the previous
 * span), row-level rules on single records, and check suggestion from statistics. Metrics are read from TFDV's
 * statistics only ({@link dev.veracity.validate.checks.Metric}); a failed check is an anomaly of TFDV 1.17's type
 * {@code CUSTOM_VALIDATION}. Reading a checks file belongs to {@code dev.veracity.io.checks}; nothing here opens files.
 */
package dev.veracity.validate.checks;
