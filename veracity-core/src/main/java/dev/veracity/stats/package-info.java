/**
 * Statistics: one mergeable accumulator per feature kind ({@link dev.veracity.stats.NumericAccumulator},
 * {@link dev.veracity.stats.StringAccumulator}), a {@link dev.veracity.stats.DatasetAccumulator} per dataset, and the
 * {@link dev.veracity.stats.StatisticsGenerator} that drives them over record batches. Results are TFDV's
 * {@code DatasetFeatureStatisticsList}. Nothing here reads files.
 */
package dev.veracity.stats;
