/**
 * TFDV's statistics on Apache Beam runners, computed by the core accumulators: {@link dev.veracity.beam.GenerateStatistics}
 * (record batches to statistics), {@link dev.veracity.beam.ReadCsv} (CSV lines to record batches), the runnable
 * {@link dev.veracity.beam.StatisticsPipeline} and {@link dev.veracity.beam.BeamStatisticsEngine} behind
 * {@code veracity stats --engine beam}. Nothing here computes a statistic: it only moves accumulator states.
 */
package dev.veracity.beam;
