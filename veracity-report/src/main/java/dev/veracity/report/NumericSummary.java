package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A numeric feature in one dataset: TFDV's {@code num_stats} as the numeric table shows them.
 *
 * @param count           examples that have the feature
 * @param missingFraction the fraction of examples that lack it
 * @param mean            the mean of the values
 * @param stdDev          their standard deviation
 * @param zerosFraction   the fraction of values that are 0
 * @param min             the smallest value
 * @param median          the median (approximate, from the quantiles sketch)
 * @param max             the largest value
 * @param numNan          NaN values (from the histograms)
 * @param standard        the equal-width histogram (TFDV's STANDARD), empty when the statistics have none
 * @param quantiles       the equal-mass histogram (TFDV's QUANTILES), empty when the statistics have none
 * @param nonUniformity   see {@link NonUniformity}, of the equal-width histogram
 */
public record NumericSummary(
        long count,
        double missingFraction,
        double mean,
        double stdDev,
        double zerosFraction,
        double min,
        double median,
        double max,
        double numNan,
        List<Bucket> standard,
        List<Bucket> quantiles,
        double nonUniformity)
        implements FeatureSummary {
    public NumericSummary {
        standard = List.copyOf(requireNonNull(standard, "standard is null"));
        quantiles = List.copyOf(requireNonNull(quantiles, "quantiles is null"));
    }
}
