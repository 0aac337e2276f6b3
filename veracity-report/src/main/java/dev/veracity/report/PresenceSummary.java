package dev.veracity.report;

/**
 * A feature whose values the report does not chart (bytes, structs, or no value statistics): only its presence.
 *
 * @param count           examples that have the feature
 * @param missingFraction the fraction of examples that lack it
 */
public record PresenceSummary(long count, double missingFraction) implements FeatureSummary {
    @Override
    public double nonUniformity() {
        return 0;
    }
}
