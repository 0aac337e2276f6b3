package dev.veracity.privacy.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a feature holds personal data: the share of its scanned values in which each entity was found. The feature
 * is PII when its most frequent entity is in at least {@code minFraction} of them.
 *
 * @param feature        the feature name
 * @param values         every value of the feature (all rows)
 * @param scanned        the values scanned (a uniform sample of at most the scan's cap)
 * @param valuesWithPii  scanned values with at least one finding of any entity
 * @param entities       per entity found, most frequent first
 * @param minFraction    the share that makes a verdict
 */
public record FeatureVerdict(
        String feature, long values, long scanned, long valuesWithPii, List<EntityShare> entities, double minFraction) {
    public FeatureVerdict {
        Objects.requireNonNull(feature, "feature is null");
        entities = List.copyOf(entities);
    }

    /** {@return the entity that makes this feature PII, if any} */
    public Optional<EntityShare> verdict() {
        return entities.stream().filter(e -> e.fraction() >= minFraction).findFirst();
    }

    /** {@return whether the feature holds personal data} */
    public boolean isPii() {
        return verdict().isPresent();
    }

    /** {@return the share of scanned values with any finding (0 when nothing was scanned)} */
    public double fractionWithPii() {
        return scanned == 0 ? 0 : (double) valuesWithPii / scanned;
    }
}
