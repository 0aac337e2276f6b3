package dev.veracity.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One feature of the report across all datasets.
 *
 * @param name      the feature's path, as TFDV serializes it
 * @param kind      how it is charted
 * @param summaries per dataset, in the report's dataset order: the summary, or empty when the dataset lacks it
 * @param distances per dataset: the distance from the baseline (the first dataset); empty for the baseline itself
 *                  and where either side lacks the feature
 * @param schema    the feature's schema, when a schema was given and has it
 * @param anomalies the feature's anomalies, when anomalies were given
 * @param privacy   how the statistics protect a feature the schema marks PII ({@code suppressed} or
 *                  {@code hashed}, from its {@code veracity:pii} custom statistic), empty for other features
 * @param details   per dataset, what its custom statistics say beyond the summary ({@link FeatureDetails}), or empty
 * @param parent    the name of the struct feature this one is a child of (its path without the last step), empty
 *                  for a top-level feature
 */
public record FeatureRow(
        String name,
        Kind kind,
        List<Optional<FeatureSummary>> summaries,
        List<Optional<Distance>> distances,
        Optional<FeatureSchema> schema,
        List<AnomalyEntry> anomalies,
        Optional<String> privacy,
        List<Optional<FeatureDetails>> details,
        Optional<String> parent) {
    /** How the page charts a feature. */
    public enum Kind {
        NUMERIC,
        CATEGORICAL,
        OTHER
    }

    public FeatureRow {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        summaries = List.copyOf(requireNonNull(summaries, "summaries is null"));
        distances = List.copyOf(requireNonNull(distances, "distances is null"));
        requireNonNull(schema, "schema is null");
        anomalies = List.copyOf(requireNonNull(anomalies, "anomalies is null"));
        requireNonNull(privacy, "privacy is null");
        details = List.copyOf(requireNonNull(details, "details is null"));
        requireNonNull(parent, "parent is null");
    }

    /** A top-level feature without details. */
    public FeatureRow(
            String name,
            Kind kind,
            List<Optional<FeatureSummary>> summaries,
            List<Optional<Distance>> distances,
            Optional<FeatureSchema> schema,
            List<AnomalyEntry> anomalies,
            Optional<String> privacy) {
        this(name, kind, summaries, distances, schema, anomalies, privacy, List.of(), Optional.empty());
    }
}
