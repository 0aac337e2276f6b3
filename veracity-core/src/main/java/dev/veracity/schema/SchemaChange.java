package dev.veracity.schema;

import static java.util.Objects.requireNonNull;

/**
 * One difference between two versions of a schema, as {@link SchemaDiff} finds it.
 *
 * @param feature       the feature's serialized path ({@code address.city} for a struct child); empty for an aspect
 *                      of the whole schema such as {@code default_environment}
 * @param aspect        what changed, named after the schema field: {@code feature} (added or removed),
 *                      {@code presence.min_fraction}, {@code string_domain.value}, {@code drift_comparator...}
 * @param before        the old value as text; empty if the old schema lacks it
 * @param after         the new value as text; empty if the new schema lacks it
 * @param compatibility whether every dataset valid under the old schema is valid under the new one
 */
public record SchemaChange(String feature, String aspect, String before, String after, Compatibility compatibility) {
    /** Whether a change keeps every dataset that was valid valid. */
    public enum Compatibility {
        /** Relaxing or neutral: every dataset valid under the old schema is valid under the new one. */
        COMPATIBLE,
        /** Tightening: some dataset valid under the old schema is not valid under the new one. */
        BREAKING
    }

    public SchemaChange {
        requireNonNull(feature, "feature is null");
        requireNonNull(aspect, "aspect is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        requireNonNull(compatibility, "compatibility is null");
    }

    /** {@return whether this change can make a dataset that was valid invalid} */
    public boolean isBreaking() {
        return compatibility == Compatibility.BREAKING;
    }
}
