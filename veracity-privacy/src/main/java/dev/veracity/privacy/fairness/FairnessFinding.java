package dev.veracity.privacy.fairness;

import java.util.Objects;

/**
 * One threshold a group crossed.
 *
 * @param feature     the feature it concerns: a group-by feature (representation), the label, or a feature with
 *                    more missing values in the group
 * @param group       the group
 * @param kind        what was found, e.g. "Under-represented group"
 * @param description the measured value and the threshold
 */
public record FairnessFinding(String feature, String group, String kind, String description) {
    public FairnessFinding {
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(group, "group is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(description, "description is null");
    }
}
