package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A categorical feature in one dataset: TFDV's {@code string_stats} as the categorical table shows them, with its
 * most frequent values capped.
 *
 * @param count           examples that have the feature
 * @param missingFraction the fraction of examples that lack it
 * @param unique          distinct values (TFDV's {@code unique}, exact or estimated)
 * @param totalValues     values over all examples (the denominator of frequencies)
 * @param avgLength       the average length of a value, in bytes
 * @param topValues       the most frequent values, most frequent first, at most the report's cap
 * @param valuesKnown     how many values the statistics list (rank histogram or top values) before the cap
 * @param nonUniformity   see {@link NonUniformity}, of all listed values' counts
 */
public record CategoricalSummary(
        long count,
        double missingFraction,
        long unique,
        double totalValues,
        double avgLength,
        List<ValueCount> topValues,
        int valuesKnown,
        double nonUniformity)
        implements FeatureSummary {
    public CategoricalSummary {
        topValues = List.copyOf(requireNonNull(topValues, "topValues is null"));
    }

    /** {@return whether the cap left out values the statistics list} */
    public boolean isCapped() {
        return topValues.size() < valuesKnown;
    }
}
