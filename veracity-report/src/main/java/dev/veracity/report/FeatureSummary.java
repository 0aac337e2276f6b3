package dev.veracity.report;

/**
 * What the report shows of one feature in one dataset: numeric, categorical, or only presence for other kinds.
 * Fractions are in [0, 1].
 */
public sealed interface FeatureSummary permits NumericSummary, CategoricalSummary, PresenceSummary {
    /** {@return examples that have the feature} */
    long count();

    /** {@return the fraction of examples that lack the feature} */
    double missingFraction();

    /** {@return how far the feature's distribution is from uniform, see {@link NonUniformity}} */
    double nonUniformity();
}
