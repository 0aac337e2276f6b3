/**
 * Distribution drift between two statistics, read from the statistics alone (never rows): population stability
 * index, Kolmogorov-Smirnov, Wasserstein-1, chi-square, two-proportion z and Jensen-Shannon, each a
 * {@link dev.veracity.drift.DriftResult} with its threshold and drift flag; {@link dev.veracity.drift.DriftSeries}
 * runs them over many spans. Numeric tests reconstruct each side's distribution from its QUANTILES histogram, so
 * they are approximate, with the error bound stated in {@code HistogramDistribution} (and DECISIONS.md).
 * Categorical tests read {@code string_stats.rank_histogram}. No files, no terminal.
 */
package dev.veracity.drift;
