package dev.veracity.validate.example;

import java.util.Objects;

/**
 * One row-level rule a record breaks, found by a {@link RowCheck}: reported per row as TFDV 1.17's
 * {@code CUSTOM_VALIDATION} on the feature, like a schema reason.
 *
 * <pre>{@code
 * new RowViolation("pickup", "pickup <= dropoff: 17:05 is after 16:40")
 * }</pre>
 *
 * @param feature     the feature the rule is about (its first one for a rule across features); not empty
 * @param description what was expected and what was found
 */
public record RowViolation(String feature, String description) {
    public RowViolation {
        Objects.requireNonNull(feature, "feature is null");
        Objects.requireNonNull(description, "description is null");
        if (feature.isEmpty()) {
            throw new IllegalArgumentException("feature is empty");
        }
    }
}
